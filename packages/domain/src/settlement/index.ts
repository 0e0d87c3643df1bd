export * from './run-status.ts';
export * from './diff.ts';
export * from './adjustments.ts';
export * from './periods.ts';
export * from './plan-assignment.ts';
export * from './credit-split.ts';
