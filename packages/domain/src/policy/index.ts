export * from './schema.ts';
export * from './parse.ts';
export * from './result.ts';
export * from './evaluate.ts';
export { evaluateCompensation, applyVariants } from './compensation.ts';
export { evaluateExpression, evaluateNumber, expressionNames, ExpressionError } from './expression.ts';
export { holds, readPath, describeCondition } from './conditions.ts';
export { findTier, inTier, describeTier } from './tiers.ts';
