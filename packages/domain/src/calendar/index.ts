export * from './payday.ts';
export * from './dates.ts';
