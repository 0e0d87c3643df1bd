/**
 * The business day in China (UTC+8, no daylight saving): what "today" means for visits,
 * deadlines, validity dates and every date a form offers by default. The server and the browser
 * both count it this way, so a browser abroad or a few minutes either side of midnight never
 * proposes a date the server reads as yesterday or tomorrow. Has no imports: the web app takes
 * it through the `@kehu/domain/business-date` entry without the rest of the domain.
 */
export function businessDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
