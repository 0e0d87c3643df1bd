/**
 * Masking of personal numbers outside the views allowed to see them in full
 * (保密制度: ID numbers shown whole to HR only, phones masked in lists).
 */

/** 110105199003071234 → 110105********1234 */
export function maskIdCard(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export function isMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.trim());
}
