export * from './rules.ts';
export * from './shares.ts';
export * from './visits.ts';
export * from './metrics.ts';
export * from './requests.ts';
export * from './research.ts';
