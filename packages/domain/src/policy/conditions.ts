import { Decimal } from 'decimal.js';
import { dec } from '../money/fen.ts';
import type { Condition, Leaf, Op } from './schema.ts';

const SPLIT = new Map<string, string[]>();

/** Reads a dotted path from an object: `manager.hireType`. */
export function readPath(obj: unknown, path: string): unknown {
  let parts = SPLIT.get(path);
  if (!parts) {
    parts = path.split('.');
    SPLIT.set(path, parts);
  }
  let cur: unknown = obj;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

// Two JSON numbers compare exactly as doubles: rounding to the nearest double is monotone, and
// amounts of up to 15 significant digits never share a double. Only arithmetic needs decimals.
const NATIVE: Record<Exclude<Op, 'in'>, (a: number, b: number) => boolean> = {
  eq: (a, b) => a === b, ne: (a, b) => a !== b, gt: (a, b) => a > b, gte: (a, b) => a >= b, lt: (a, b) => a < b, lte: (a, b) => a <= b,
};

function compare(actual: unknown, op: Op, expected: unknown): boolean {
  if (op !== 'in' && typeof actual === 'number' && typeof expected === 'number') return NATIVE[op](actual, expected);
  if (op === 'in') return Array.isArray(expected) && expected.some((e) => compare(actual, 'eq', e));
  const bothNumbers = (typeof actual === 'number' || typeof actual === 'string') && typeof expected === 'number' && /^-?\d+(\.\d+)?$/.test(String(actual));
  if (bothNumbers) {
    const a = dec(actual);
    const b = dec(expected);
    return cmp(a, op, b);
  }
  if (op === 'eq') return actual === expected;
  if (op === 'ne') return actual !== expected;
  if (typeof actual === 'string' && typeof expected === 'string') {
    const c = actual < expected ? -1 : actual > expected ? 1 : 0;
    return cmp(new Decimal(c), op, new Decimal(0));
  }
  return false;
}

function cmp(a: Decimal, op: Op, b: Decimal): boolean {
  switch (op) {
    case 'eq': return a.equals(b);
    case 'ne': return !a.equals(b);
    case 'gt': return a.greaterThan(b);
    case 'gte': return a.greaterThanOrEqualTo(b);
    case 'lt': return a.lessThan(b);
    case 'lte': return a.lessThanOrEqualTo(b);
    case 'in': return false;
  }
}

/** True when `c` holds for `subject` (an item of a list, or the whole facts object). */
export function holds(c: Condition, subject: unknown): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, subject));
  if ('any' in c) return c.any.some((x) => holds(x, subject));
  if ('not' in c) return !holds(c.not, subject);
  return compare(readPath(subject, c.field), c.op, c.value);
}

/** Every leaf of a condition, for the linter. */
export function leaves(c: Condition): Leaf[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not);
  return [c];
}

const OP_TEXT: Record<Op, { zh: string; en: string }> = {
  eq: { zh: '等于', en: '=' }, ne: { zh: '不等于', en: '≠' }, gt: { zh: '大于', en: '>' }, gte: { zh: '大于或等于', en: '≥' },
  lt: { zh: '小于', en: '<' }, lte: { zh: '小于或等于', en: '≤' }, in: { zh: '属于', en: 'in' },
};

/** A condition in words. */
export function describeCondition(c: Condition, lang: 'zh' | 'en'): string {
  const join = lang === 'zh' ? { all: '且', any: '或' } : { all: ' and ', any: ' or ' };
  if ('all' in c) return c.all.map((x) => describeCondition(x, lang)).join(join.all);
  if ('any' in c) return `(${c.any.map((x) => describeCondition(x, lang)).join(join.any)})`;
  if ('not' in c) return (lang === 'zh' ? '非' : 'not ') + describeCondition(c.not, lang);
  return `${c.field} ${OP_TEXT[c.op][lang]} ${JSON.stringify(c.value)}`;
}
