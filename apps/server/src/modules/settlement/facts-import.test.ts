import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { FactCopyOut } from './fact-copy-out.ts';
import { csvRecords, factLine, rowError, type FactColumn } from './facts-import.ts';

const ctx = { tenantId: 3, periodId: 9, period: '2026-10', staffIds: new Set([101, 102]), fileId: 44 };
const row = (r: Partial<Record<FactColumn, string>>) => ({ staffId: '101', kind: 'card', date: '2026-10-05', amount: '1000', ...r });
const errorOf = (r: Partial<Record<FactColumn, string>>) => {
  try {
    factLine(row(r), ctx);
  } catch (e) {
    return rowError(2, e);
  }
  return null;
};

describe('factLine amounts (each distinct text parsed once)', () => {
  it('reads yuan with thousands separators and spaces into fen, the same on every row', () => {
    for (let i = 0; i < 2; i++) {
      expect(factLine(row({ amount: ' 1,000.5 ' }), ctx).line).toBe('3,9,101,card,"",2026-10-05,1,100050,0,0,false,,,44,""\n');
      expect(factLine(row({ kind: 'deposit', amount: '-12.3' }), ctx).line).toContain(',-1230,');
    }
  });

  it('reports a bad amount the same way however often it comes, and per the row\'s own kind', () => {
    for (let i = 0; i < 3; i++) {
      expect(errorOf({ amount: '12.345' })).toEqual({ row: 2, column: '金额 (amount)', message: { 'zh-CN': '“12.345”不是金额（元，最多两位小数）', en: '"12.345" is not an amount in yuan with at most two decimals' } });
      // -5 was a valid deposit amount just before: on a deduction it is still refused.
      factLine(row({ kind: 'deposit', amount: '-5' }), ctx);
      expect(errorOf({ kind: 'deduction', subKind: '差勤', amount: '-5' })?.message.en).toBe('must not be negative');
      expect(errorOf({ amount: '' })?.message.en).toBe('required');
      expect(errorOf({ amount: '200000000000' })?.message.en).toBe('amount too large');
    }
  });
});

/** A facts CSV with the awkward parts: BOM, CRLF, quoted fields with commas, quotes and a line break. */
const SAMPLE = '\uFEFFstaffId,kind,date,amount,note\r\n'
  + '101,card,2026-10-05,"1,000",plain\r\n'
  + '102,booking,2026-10-06,,"say ""hi"", then\nnext line"\n'
  + '\n'
  + '101,card,2026-10-07,500,"a,b"\r\n'
  + '101,card,2026-10-09,900,备注：续卡 🎉\r\n'
  + '102,card,2026-10-08,800,last';

async function readAll(chunks: Buffer[]) {
  const out: unknown[] = [];
  for await (const batch of csvRecords(Readable.from(chunks), createHash('sha256'), () => undefined)) out.push(...batch);
  return out;
}

describe('csvRecords', () => {
  it('gives the records csv-parse gives, with row numbers, however the bytes are cut into chunks', async () => {
    const parsed: string[][] = parse(SAMPLE.replace(/^\uFEFF/, ''), { skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] });
    const rows = parsed.slice(1);
    const expected = rows.map((f, i) => ({ row: i + 2, rec: { staffId: f[0], kind: f[1], date: f[2], amount: f[3], note: f[4] } }));
    const bytes = Buffer.from(SAMPLE);
    await fc.assert(fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
      const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
      const chunks = at.slice(1).map((end, i) => bytes.subarray(at[i], end));
      expect(await readAll(chunks)).toEqual(expected);
    }), { numRuns: 300 });
  });

  it('with a fast writer, writes the plain lines and gives the others as the same records, however the bytes are cut', async () => {
    const ctx2 = { tenantId: 3, periodId: 9, period: '2026-10', staffIds: new Set([101, 102]), fileId: 44 };
    const bytes = Buffer.from('\uFEFFstaffId,kind,date,amount,note\r\n101,card,2026-10-05,1000,plain\r\n102,booking,2026-10-06,,"say ""hi"", then\nnext line"\n\n'
      + '101,card,2026-10-07,500,"a,b"\r\n101,办卡,2026-10-09,900,x\r\n102,card,2026-10-08,800,last\n101,card,2026-10-08,800,tail');
    await fc.assert(fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
      const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
      const out = new FactCopyOut(ctx2);
      const items: unknown[] = [];
      for await (const batch of csvRecords(Readable.from(at.slice(1).map((end, i) => bytes.subarray(at[i], end))), createHash('sha256'), () => undefined, out)) items.push(...batch);
      // Rows 2, 5 and 6 are plain; 3 and 4 have quotes, 7 is the unterminated last line.
      expect(items.map((x) => (x as { row: number }).row)).toEqual([3, 4, 7]);
      expect(Buffer.concat(out.take()).toString().split('\n').map((l) => l.split(',')[0])).toEqual([1, 4, 5].map((n) => String(44 * 2 ** 32 + n)).concat(''));
    }), { numRuns: 200 });
  });

  it('stops at a row with the wrong number of fields, naming it', async () => {
    const out = await readAll([Buffer.from('staffId,kind,date\n101,card,2026-10-05\n101,card\n101,card,2026-10-06\n')]);
    expect(out.at(-1)).toMatchObject({ row: 1, headerError: { row: 3, message: { en: 'The row has 2 fields; the header has 3' } } });
    expect(out).toHaveLength(2);
  });
});
