// Legal deadlines of the loan ledger: limitation (诉讼时效), guarantee period (保证期间), alerts.
export { shiftOffHolidays } from './dates.ts';
export * from './limitation.ts';
export * from './guarantee.ts';
export * from './alerts.ts';
