export * from './fen.ts';
export * from './yuan.ts';
