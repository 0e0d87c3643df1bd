export * from './payday.ts';
