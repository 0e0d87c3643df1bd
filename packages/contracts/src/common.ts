import { z } from 'zod';
import { FIELD_MESSAGES } from './errors.ts';

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** A calendar date written YYYY-MM-DD and real (no 02-30). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }).refine((s) => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}, { message: 'date' });

export const okResponse = z.object({ ok: z.literal(true) });

export { FIELD_MESSAGES };
