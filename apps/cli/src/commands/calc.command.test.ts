import { describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayWidth, registerCalcCommand, table } from './calc.command.ts';

async function calc(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
  const exit = vi.spyOn(process, 'exit').mockImplementation(((c?: number) => { throw new Error(`exit ${c}`); }) as never);
  let code = 0;
  try {
    const program = new Command('kehu').exitOverride();
    registerCalcCommand(program);
    await program.parseAsync(['node', 'kehu', 'calc', ...args]);
  } catch (e) {
    code = Number(/exit (\d+)/.exec((e as Error).message)?.[1] ?? 99);
  } finally {
    log.mockRestore(); error.mockRestore(); exit.mockRestore();
  }
  return { out: out.join('\n'), err: err.join('\n'), code };
}

const dir = mkdtempSync(join(tmpdir(), 'kehu-calc-doc-'));
const file = (name: string, facts: unknown) => {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(facts));
  return f;
};
const ruralPay = file('rural-pay.json', { positionPayYuan: 3000, managementPoolYuan: 1000, managementCoefficient: 1.1, newDepositsYuan: 1_500_000, depositTargetYuan: 1_000_000, nplRecoveredYuan: 50_000, expenseLinkYuan: 200 });
const applicant = file('applicant.json', { gender: 'female', birthDate: '1983-06-01', competitionDate: '2026-06-01', education: 'senior_middle', characterReview: true, trainingExamScore: 75 });

describe('explain tables', () => {
  it.each([
    ['ASCII counts one column a character', 'abc', 3],
    ['Chinese counts two', '订房提成', 8],
    ['full-width punctuation counts two', '（）', 4],
    ['mixed', '5元/间', 6],
  ])('%s', (_n, s, w) => expect(displayWidth(s)).toBe(w));

  it('keeps the column separators of Chinese and English rows in the same terminal column', () => {
    const lines = table(['clause', 'item'], [['组成', '底薪'], ['1', 'Booking commission'], ['2', '办卡提成']], [0]);
    const sepAt = (l: string) => displayWidth(l.slice(0, l.indexOf('│')));
    expect(new Set(lines.filter((l) => l.includes('│')).map(sepAt)).size).toBe(1);
    expect(lines[2]).toBe('  组成 │ 底薪');
  });
});

describe('kehu calc on multi-document presets', () => {
  it.each([
    ['--doc picks the pay document of rural-credit', ['--policy', 'rural-credit', '--doc', 'rural-credit-pay']],
    ['a document id works as --policy', ['--policy', 'rural-credit-pay']],
  ])('%s', async (_n, args) => {
    const r = await calc(...args, '--input', ruralPay);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { policy: string; total: string };
    expect(json).toMatchObject({ policy: 'rural-credit-pay', total: '8300.00' });
  });

  it('exits 1 naming the documents when --doc is unknown', async () => {
    const r = await calc('--policy', 'rural-credit', '--doc', 'nope', '--input', ruralPay);
    expect(r.code).toBe(1);
    expect(r.err).toContain('rural-credit-pay');
  });

  it('explains an eligibility refusal as a table with its reason', async () => {
    const r = await calc('--policy', 'tobacco-hiring', '--input', applicant, '--explain');
    expect(r.code).toBe(0);
    expect(r.out).toContain('fail 不通过');
    expect(r.out).toContain('大专');
    expect(r.out).toContain('eligible 结论: no 不符合');
  });
});
