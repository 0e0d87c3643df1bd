export * from './staff-enums.ts';
export * from './id-card.ts';
export * from './masking.ts';
