export * from './roles.ts';
export * from './scope.ts';
