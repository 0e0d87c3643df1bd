import { describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerPolicyCommands } from './policy.command.ts';
import { registerCalcCommand } from './calc.command.ts';

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
  const exit = vi.spyOn(process, 'exit').mockImplementation(((c?: number) => { throw new Error(`exit ${c}`); }) as never);
  process.exitCode = 0;
  let code = 0;
  try {
    const program = new Command('kehu').exitOverride();
    registerPolicyCommands(program);
    registerCalcCommand(program);
    await program.parseAsync(['node', 'kehu', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    code = Number(/exit (\d+)/.exec((e as Error).message)?.[1] ?? 99);
  } finally {
    log.mockRestore(); error.mockRestore(); exit.mockRestore();
    process.exitCode = 0;
  }
  return { out: out.join('\n'), err: err.join('\n'), code };
}

const dir = mkdtempSync(join(tmpdir(), 'kehu-calc-'));
const times = <T>(n: number, x: T) => Array.from({ length: n }, () => x);

describe('kehu policy and calc', () => {
  it('lists the nine presets', async () => {
    const r = await run('policy', 'list');
    expect(r.out.split('\n')).toHaveLength(9);
    expect(r.out).toContain('spa-pay');
  });

  it('check exits 1 on the literal spa rule book and 0 on the preset', async () => {
    const literal = await run('policy', 'check', 'docs/policies/examples/spa-pay.literal.yaml');
    expect(literal.code).toBe(1);
    expect(literal.out).toContain('both include 80');
    expect((await run('policy', 'check', 'spa-pay')).code).toBe(0);
  });

  it('check names the path in an invalid file', async () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, 'id: x\nkind: compensation\ntitle: { zh: 甲, en: A }\nversion: 0\n');
    const r = await run('policy', 'check', f);
    expect(r.code).toBe(1);
    expect(r.err).toContain('version');
  });

  it('renders in Chinese and English', async () => {
    expect((await run('policy', 'render', 'spa-pay')).out).toContain('## 决定（细则未明确之处）');
    expect((await run('policy', 'render', 'spa-pay', '--lang', 'en')).out).toContain('## Decisions');
  });

  it('calc gives the worked example: total 6000.00, components and payday', async () => {
    const input = join(dir, 'example.json');
    writeFileSync(input, JSON.stringify({
      period: '2026-10', manager: { hireType: 'staff', firstMonth: false, baseFen: 0 }, bookingTarget: 100,
      bookings: times(100, { cardFaceValue: 1000, spent: 350 }), cards: times(40, { amount: 5000, giftedDrinks: false }),
      leaveDates: ['2026-11-03'], deductions: { attendance: 0, phoneCard: 0, other: 0 },
    }));
    const r = await run('calc', '--policy', 'spa-pay', '--input', input);
    const json = JSON.parse(r.out) as { total: string; payday: string; components: { id: string; amount: string }[] };
    expect(json.total).toBe('6000.00');
    expect(json.payday).toBe('2026-11-16');
    expect(json.components.find((c) => c.id === 'cardCommission')!.amount).toBe('5000.00');
    const explained = await run('calc', '--policy', 'spa-pay', '--input', input, '--explain');
    expect(explained.out).toContain('total 合计: 6000.00');
  });

  it('calc names bad facts', async () => {
    const input = join(dir, 'bad.json');
    writeFileSync(input, JSON.stringify({ period: '2026-10', manager: { hireType: 'staff', firstMonth: false, baseFen: 0 }, bookingTarget: 'many', bookings: [], cards: [{ amount: 'x', giftedDrinks: false }], leaveDates: [], deductions: { attendance: 0, phoneCard: 0, other: 0 } }));
    const r = await run('calc', '--policy', 'spa-pay', '--input', input);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bookingTarget');
    expect(r.err).toContain('cards.0.amount');
  });
});
