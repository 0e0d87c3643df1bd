import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PAY_FACT_KINDS } from '@kehu/contracts';
import { FactCopyOut } from './fact-copy-out.ts';
import { FACT_COLUMNS, factLine, type FactColumn } from './facts-import.ts';

const ctx = { tenantId: 3, periodId: 9, period: '2026-10', staffIds: new Set([101, 102]), fileId: 44 };
const money = ['', '0', '-0', '1', '1.5', '1.50', '1.505', '-12.3', '007', '1.', '.5', '99999999999', '999999999999', '100000000000', 'abc', '1e5', ' 5', '5 '];
/** Values per column, canonical and not: the fast writer must take only lines factLine accepts, and write the same. */
const VALUES: Record<FactColumn, string[]> = {
  staffId: ['101', '102', '0101', '999', ' 101', '101 ', '', 'abc', '1234567890'],
  kind: [...PAY_FACT_KINDS, 'Card', '办卡', '订房', '订房\u3000', '\u00a0card', '', ' card', 'x'],
  date: ['2026-10-05', '2026-10-01', '2026-10-31', '2026-11-01', '2026-11-15', '2026-11-16', '2026-09-30', '2026-02-30', '2026-10-5', '2026/10/05', '', '2026-10-00', '2026-10-32'],
  quantity: ['', '0', '1', '07', '1234567', '12345678', '-1', '1.5', ' 3'],
  amount: money,
  faceValue: money,
  spent: money,
  gifted: ['', '0', '1', 'y', 'n', 'Y', 'true', 'false', 'TRUE', 'yes', 'no', '是', '否', '有', '无', '否\u3000', 'maybe'],
  subKind: ['', 'attendance', 'phoneCard', 'phonecard', 'other', 'Other', 'ATTENDANCE', '差勤', '电话卡', '其他', '\u3000其他', 'x', ' attendance', 'Room 5', '房间'],
  customerId: ['', '5', '0005', '1234567890', 'x'],
  ref: ['', 'R-1', 'x'.repeat(120), 'x'.repeat(121), ' R'],
  note: ['', 'hello', 'a b', 'x'.repeat(500), 'x'.repeat(501), 'tab\there', '中文', '\u00a0x', 'q"uote'],
};

/** Mostly plain values, so that many generated lines are ones the fast writer takes. */
const PLAIN: Record<FactColumn, string[]> = {
  staffId: ['101', '102'], kind: [...PAY_FACT_KINDS], date: ['2026-10-05', '2026-10-31', '2026-11-03'], quantity: ['', '1', '12'], amount: ['', '1', '1.5', '200', '-3'],
  faceValue: ['', '500', '0.5'], spent: ['', '300', '12.25'], gifted: ['', '0', '1', 'true', 'no', '否', '是'], subKind: ['', 'attendance', 'phoneCard', 'other', 'Room 5'],
  customerId: ['', '5'], ref: ['', 'R-1'], note: ['', 'hello', 'a b'],
};
const value = (c: FactColumn) => fc.oneof({ arbitrary: fc.constantFrom(...PLAIN[c]), weight: 5 }, { arbitrary: fc.constantFrom(...VALUES[c]), weight: 1 });
const fileLine = fc.tuple(fc.subarray(FACT_COLUMNS.filter((c) => c !== 'staffId' && c !== 'kind' && c !== 'date')), fc.infiniteStream(fc.nat()))
  .map(([rest, rnd]) => {
    const cols: FactColumn[] = ['staffId', 'kind', 'date', ...rest];
    // A random order of the columns.
    for (let i = cols.length - 1; i > 0; i--) { const j = rnd.next().value % (i + 1); [cols[i], cols[j]] = [cols[j]!, cols[i]!]; }
    return cols;
  })
  .chain((cols) => fc.tuple(fc.constant(cols), fc.tuple(...cols.map(value)), fc.integer({ min: 2, max: 1_000_000 })));

describe('FactCopyOut', () => {
  it('takes only lines factLine accepts, and writes exactly the line factLine makes, with the row\'s fact id', () => {
    let taken = 0;
    fc.assert(fc.property(fileLine, ([cols, values, row]) => {
      const out = new FactCopyOut(ctx);
      out.columns(cols);
      const text = Buffer.from(`x${values.join(',')}y`);
      const ok = out.line(text, 1, text.length - 1, row);
      const got = Buffer.concat(out.take()).toString('utf8');
      const rec: Partial<Record<FactColumn, string>> = {};
      cols.forEach((c, i) => { rec[c] = values[i]; });
      let expected: string | null = null;
      try { expected = factLine(rec, ctx).line; } catch { /* a row error: the fast writer must decline */ }
      if (!ok) { expect(got).toBe(''); return; }
      taken++;
      expect(expected, `${cols.join(',')}\n${values.join(',')}`).not.toBeNull();
      expect(got).toBe(`${44 * 2 ** 32 + row - 1},${expected}`);
    }), { numRuns: 20_000 });
    // The generator reaches plain lines often enough for the comparison to mean something.
    expect(taken).toBeGreaterThan(2000);
  });

  it('keeps lines of both paths in order, counted, with the highest row', () => {
    const out = new FactCopyOut(ctx);
    out.columns(['staffId', 'kind', 'date', 'amount']);
    const a = Buffer.from('101,card,2026-10-05,12.5');
    expect(out.line(a, 0, a.length, 2)).toBe(true);
    out.text(factLine({ staffId: ' 102', kind: '办卡', date: '2026-10-06', amount: '8' }, ctx).line, 3);
    expect(Buffer.concat(out.take()).toString()).toBe(`${44 * 2 ** 32 + 1},3,9,101,card,"",2026-10-05,1,1250,0,0,false,,,44,""\n${44 * 2 ** 32 + 2},3,9,102,card,"",2026-10-06,1,800,0,0,false,,,44,""\n`);
    expect([out.count, out.fastCount, out.maxRow]).toEqual([2, 1, 3]);
  });
});
