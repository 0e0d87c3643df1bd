-- A settlement run stores its lines while the engine is still computing (the slips' ids are
-- reserved first) and the slips after them, so the lines' reference to their slip is checked at
-- the end of the write (SET CONSTRAINTS … DEFERRED, then IMMEDIATE) instead of row by row.
ALTER TABLE "pay_lines" ALTER CONSTRAINT "pay_lines_tenant_id_slip_id_pay_slips_tenant_id_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
