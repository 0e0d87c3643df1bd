// @kehu/domain — pure rules: no I/O, no clock, no randomness.
export * from './people/index.ts';
export * from './access/index.ts';
export * from './portfolio/index.ts';
export * from './settlement/index.ts';
export * from './money/index.ts';
export * from './calendar/index.ts';
export * from './policy/index.ts';
export * from './presets/index.ts';
export * from './evaluation/index.ts';
export * from './grades/index.ts';
export * from './legal/index.ts';
export * from './credit/index.ts';
