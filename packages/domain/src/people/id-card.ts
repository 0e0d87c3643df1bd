/**
 * Resident ID card numbers (居民身份证号码, GB 11643-1999): 18 characters, the last a
 * check character computed by ISO 7064 MOD 11-2 over the first 17 digits.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

export type IdCardProblem = 'format' | 'birth_date' | 'checksum';

/** The check character for the first 17 digits of an ID number. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Returns why an ID number is invalid, or null when it is valid. Lower-case x is accepted. */
export function idCardProblem(raw: string): IdCardProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birth_date';
  if (idCardCheckChar(id) !== id[17]) return 'checksum';
  return null;
}

/** The birth date (YYYY-MM-DD) written in a valid ID number. */
export function idCardBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The gender written in a valid ID number: the 17th digit is odd for men. */
export function idCardGender(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Normalises an ID number for storage: trimmed, check character upper-case. */
export function normalizeIdCard(raw: string): string {
  return raw.trim().toUpperCase();
}
