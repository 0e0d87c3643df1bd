export * from './roles.ts';
export * from './scope.ts';
export * from './tenant-features.ts';
