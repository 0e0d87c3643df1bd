import { idCardCheckChar } from '@kehu/domain';

/**
 * A valid ID number (GB 11643) unique to this run: region 110105, the given birth date,
 * a sequence number whose last digit carries the gender, then the check character.
 */
export function makeIdCard(birth: string, seq: number, gender: 'male' | 'female'): string {
  let s = seq % 1000;
  if ((s % 2 === 1) !== (gender === 'male')) s = (s + 1) % 1000;
  const first17 = `110105${birth.replaceAll('-', '')}${String(s).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, -1) + (last === '0' ? '1' : '0');
}
