import { describe, expect, it } from 'vitest';
import { capitalYuan, warningText } from './credit-text.ts';

describe('capital amounts on the demand notice (大写金额)', () => {
  it.each([
    [8_000_000, '捌万元整'],
    [8_288_000, '捌万贰仟捌佰捌拾元整'],
    [8_050_000, '捌万零伍佰元整'],
    [100_050_000, '壹佰万零伍佰元整'],
    [100_500_000, '壹佰万伍仟元整'],
    [100_000_050_000, '壹拾亿零伍佰元整'], [10_000_050_000, '壹亿零伍佰元整'],
    [100_512, '壹仟零伍元壹角贰分'],
    [100_002, '壹仟元零贰分'],
    [0, '零元整'],
  ])('%i fen → %s', (fen, want) => expect(capitalYuan(fen)).toBe(want));
});

describe('risk warning text (风险预警)', () => {
  it.each([
    ['normal → special_mention', '正常 → 关注', 'Normal → Special mention'],
    ['special_mention → substandard', '关注 → 次级', 'Special mention → Substandard'],
    ['substandard → doubtful', '次级 → 可疑', 'Substandard → Doubtful'],
    ['doubtful → loss', '可疑 → 损失', 'Doubtful → Loss'],
  ])('downgrade %s shows the five-class names in both languages', (detail, zh, en) => {
    expect(warningText({ kind: 'downgrade', detail, zh: 'server text' })).toEqual({ zh, en });
  });
  it('other warnings keep the server\'s words; an unknown class is not guessed', () => {
    expect(warningText({ kind: 'matured_unpaid', detail: 'balance outstanding after maturity 2026-01-01', zh: '已于2026-01-01到期，余额未还清' }))
      .toEqual({ zh: '已于2026-01-01到期，余额未还清', en: 'balance outstanding after maturity 2026-01-01' });
    expect(warningText({ kind: 'downgrade', detail: 'normal → bogus', zh: '正常 → ?' })).toEqual({ zh: '正常 → ?', en: 'normal → bogus' });
  });
});
