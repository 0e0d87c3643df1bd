import { describe, expect, it } from 'vitest';
import { capitalYuan } from './credit-text.ts';

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
