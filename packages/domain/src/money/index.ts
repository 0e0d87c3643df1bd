export * from './fen.ts';
