/**
 * The business day in China (UTC+8, no daylight saving): what "today" means for visits,
 * deadlines and validity dates. Services call this and pass the date into the domain.
 */
export function businessDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
