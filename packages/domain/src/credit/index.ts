// Credit ledger rules: classification, NPL and recovery rates, day-sums, credit villages, warnings.
export * from './classification.ts';
export * from './rates.ts';
export * from './day-sums.ts';
export * from './credit-rating.ts';
export * from './warnings.ts';
export * from './alert-notices.ts';
export * from './household-lines.ts';
export * from './village-rating.ts';
