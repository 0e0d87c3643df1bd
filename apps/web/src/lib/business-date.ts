import dayjs, { type Dayjs } from 'dayjs';
import { businessDate } from '@kehu/domain/business-date';

/**
 * Today as the server counts it (China, UTC+8), never the browser's own date: a form opened
 * abroad or just after midnight in UTC must default to the day the server will accept.
 */
export const businessToday = (): string => businessDate();
/** The business day as a DatePicker value (midnight local, so it formats back to the same date). */
export const businessDay = (): Dayjs => dayjs(businessDate());
/** The business date n days back. */
export const businessDaysAgo = (n: number): string => businessDay().subtract(n, 'day').format('YYYY-MM-DD');
