export * from './tenancy.ts';
export * from './people.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './portfolio.ts';
export * from './pay.ts';
export * from './evaluation.ts';
export * from './credit.ts';
