import { describe, expect, it } from 'vitest';
import { deadlineNotices, nearestSupervisors, stageSeverity, warningNotices } from './alert-notices.ts';

describe('alert notices', () => {
  const sups = [{ userId: 1, unitPath: '/1/' }, { userId: 2, unitPath: '/1/4/' }, { userId: 3, unitPath: '/1/4/' }, { userId: 4, unitPath: '/1/5/' }];
  it.each([
    ['unit with its own supervisors', '/1/4/', [2, 3]],
    ['sub-unit: the nearest unit up that has any', '/1/4/9/', [2, 3]],
    ['sibling branch: its own, not the neighbour', '/1/5/7/', [4]],
    ['no supervisor below the root: the root one', '/1/6/', [1]],
    ['another tree: nobody', '/2/', []],
    ['a prefix that is not an ancestor (/1/4 vs /1/45/)', '/1/45/', [1]],
  ])('nearest supervisors — %s', (_, path, want) => {
    expect(nearestSupervisors(path, sups).sort()).toEqual(want);
  });

  it.each([[90, 'low'], [30, 'medium'], [7, 'high'], [0, 'high']] as const)('stage %i is %s', (stage, sev) => {
    expect(stageSeverity(stage)).toBe(sev);
  });

  it('one notice per alert and recipient; the dedup key is the alert key (deadline, date, stage)', () => {
    const a = { alertKey: 'claim:5:2026-12-06:7', kind: 'limitation' as const, date: '2026-12-06', stage: 7, daysLeft: 7, loanId: 5, loanNo: 'L5', subject: '诉讼时效 张三' };
    const n = deadlineNotices([a], (id) => (id === 5 ? [10, 11] : []));
    expect(n.map((x) => [x.userId, x.dedupKey, x.severity, x.link])).toEqual([[10, 'deadline:claim:5:2026-12-06:7', 'high', '/loans/5'], [11, 'deadline:claim:5:2026-12-06:7', 'high', '/loans/5']]);
    expect(n[0]!.titleZh).toBe('【7天预警】诉讼时效还有7天届满（2026-12-06）：诉讼时效 张三，借据 L5');
    expect(deadlineNotices([{ ...a, daysLeft: 0, stage: 0 }], () => [1])[0]!.titleEn).toContain('ends today');
    const w = warningNotices([{ loanId: 5, loanNo: 'L5', customerName: '张三', kind: 'overdue_instalment', severity: 'medium', since: '2026-09-01', detail: '1 overdue', zh: '1期逾期' }], () => [10]);
    expect(w).toEqual([expect.objectContaining({ userId: 10, dedupKey: 'warning:5:overdue_instalment:2026-09-01', severity: 'medium' })]);
  });
  it('a downgrade notice names the five classes in English, not their codes', () => {
    const [n] = warningNotices([{ loanId: 5, loanNo: 'L5', customerName: '张三', kind: 'downgrade', severity: 'high', since: '2026-09-01', detail: 'special_mention → substandard', zh: '关注 → 次级' }], () => [10]);
    expect([n!.titleEn, n!.titleZh]).toEqual(['Risk warning: loan L5 — Special mention → Substandard', '风险预警：张三（借据 L5）关注 → 次级']);
  });
});
