// @kehu/domain — pure rules: no I/O, no clock, no randomness.
export * from './people/index.ts';
export * from './access/index.ts';
export * from './portfolio/index.ts';
export * from './settlement/index.ts';
