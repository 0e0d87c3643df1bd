export * from './ladder.ts';
export * from './eligibility.ts';
