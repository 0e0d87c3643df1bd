// @kehu/contracts — the request/response schemas and error codes shared by server and web.
export * from './errors.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './org.ts';
export * from './staff.ts';
export * from './audit.ts';
export * from './users.ts';
export * from './portfolio.ts';
export * from './portfolio-policy.ts';
export * from './big-customers.ts';
export * from './pay.ts';
export * from './evaluation.ts';
export * from './credit.ts';
export * from './notifications.ts';
