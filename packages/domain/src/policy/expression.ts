import jsep from 'jsep';
import { Decimal } from 'decimal.js';
import { dec } from '../money/fen.ts';

/**
 * Formulas where structure is not enough: parsed by jsep (a parser only — nothing is ever
 * executed as JavaScript) and evaluated here over exact decimals. Allowed: numbers, names of
 * facts (dotted paths), + − × ÷, comparisons, && || !, `a ? b : c`, and min/max/abs/floor/ceil.
 */
export type Value = Decimal | boolean | string | null;
export type Scope = (path: string) => unknown;

export class ExpressionError extends Error {
  constructor(readonly expr: string, message: string) {
    super(`${message} — in "${expr}"`);
  }
}
export class DivideByZero extends ExpressionError {}

const cache = new Map<string, jsep.Expression>();
function parse(expr: string): jsep.Expression {
  let ast = cache.get(expr);
  if (!ast) {
    try {
      ast = jsep(expr);
    } catch (e) {
      throw new ExpressionError(expr, `cannot parse: ${(e as Error).message}`);
    }
    cache.set(expr, ast);
  }
  return ast;
}

function pathOf(node: jsep.Expression, expr: string): string {
  if (node.type === 'Identifier') return (node as jsep.Identifier).name;
  if (node.type === 'MemberExpression') {
    const m = node as jsep.MemberExpression;
    if (m.computed) throw new ExpressionError(expr, 'computed member access is not allowed');
    return `${pathOf(m.object, expr)}.${(m.property as jsep.Identifier).name}`;
  }
  throw new ExpressionError(expr, `not a name: ${node.type}`);
}

/** The fact paths an expression reads, for the linter. */
export function expressionNames(expr: string): string[] {
  const names = new Set<string>();
  const walk = (n: jsep.Expression): void => {
    switch (n.type) {
      case 'Identifier': case 'MemberExpression': names.add(pathOf(n, expr)); return;
      case 'BinaryExpression': walk((n as jsep.BinaryExpression).left); walk((n as jsep.BinaryExpression).right); return;
      case 'UnaryExpression': walk((n as jsep.UnaryExpression).argument); return;
      case 'ConditionalExpression': { const c = n as jsep.ConditionalExpression; walk(c.test); walk(c.consequent); walk(c.alternate); return; }
      case 'CallExpression': (n as jsep.CallExpression).arguments.forEach(walk); return;
      default: return;
    }
  };
  walk(parse(expr));
  return [...names];
}

const num = (v: Value, expr: string): Decimal => {
  if (v instanceof Decimal) return v;
  if (typeof v === 'boolean') return new Decimal(v ? 1 : 0);
  throw new ExpressionError(expr, `expected a number, got ${JSON.stringify(v)}`);
};

function toValue(raw: unknown, path: string, expr: string): Value {
  if (raw === undefined) throw new ExpressionError(expr, `unknown fact "${path}"`);
  if (raw === null || typeof raw === 'boolean' || typeof raw === 'string' || raw instanceof Decimal) {
    return typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw) ? dec(raw) : (raw);
  }
  if (typeof raw === 'number') return dec(raw);
  if (Array.isArray(raw)) return new Decimal(raw.length);
  throw new ExpressionError(expr, `fact "${path}" is not a value`);
}

const FUNCTIONS: Record<string, (args: Decimal[]) => Decimal> = {
  min: (a) => Decimal.min(...a),
  max: (a) => Decimal.max(...a),
  abs: (a) => a[0]!.abs(),
  floor: (a) => a[0]!.floor(),
  ceil: (a) => a[0]!.ceil(),
};

/** Evaluates `expr` against `scope` with exact decimals. Division by zero throws DivideByZero. */
export function evaluateExpression(expr: string, scope: Scope): Value {
  const ev = (n: jsep.Expression): Value => {
    switch (n.type) {
      case 'Literal': {
        const v = (n as jsep.Literal).value;
        if (typeof v === 'number') return dec((n as jsep.Literal).raw);
        if (typeof v === 'boolean' || typeof v === 'string' || v === null) return v;
        throw new ExpressionError(expr, 'unsupported literal');
      }
      case 'Identifier': case 'MemberExpression': {
        const p = pathOf(n, expr);
        if (p === 'true' || p === 'false') return p === 'true';
        return toValue(scope(p), p, expr);
      }
      case 'UnaryExpression': {
        const u = n as jsep.UnaryExpression;
        const a = ev(u.argument);
        if (u.operator === '-') return num(a, expr).negated();
        if (u.operator === '+') return num(a, expr);
        if (u.operator === '!') return !truthy(a);
        throw new ExpressionError(expr, `operator ${u.operator} is not allowed`);
      }
      case 'BinaryExpression': {
        const b = n as jsep.BinaryExpression;
        if (b.operator === '&&') return truthy(ev(b.left)) && truthy(ev(b.right));
        if (b.operator === '||') return truthy(ev(b.left)) || truthy(ev(b.right));
        const l = ev(b.left);
        const r = ev(b.right);
        if (b.operator === '==' || b.operator === '===') return equal(l, r);
        if (b.operator === '!=' || b.operator === '!==') return !equal(l, r);
        const x = num(l, expr);
        const y = num(r, expr);
        switch (b.operator) {
          case '+': return x.plus(y);
          case '-': return x.minus(y);
          case '*': return x.times(y);
          case '/': if (y.isZero()) throw new DivideByZero(expr, 'division by zero'); return x.dividedBy(y);
          case '>': return x.greaterThan(y);
          case '>=': return x.greaterThanOrEqualTo(y);
          case '<': return x.lessThan(y);
          case '<=': return x.lessThanOrEqualTo(y);
          default: throw new ExpressionError(expr, `operator ${b.operator} is not allowed`);
        }
      }
      case 'ConditionalExpression': {
        const c = n as jsep.ConditionalExpression;
        return truthy(ev(c.test)) ? ev(c.consequent) : ev(c.alternate);
      }
      case 'CallExpression': {
        const c = n as jsep.CallExpression;
        const name = c.callee.type === 'Identifier' ? (c.callee as jsep.Identifier).name : '';
        const f = FUNCTIONS[name];
        if (!f) throw new ExpressionError(expr, `function "${name}" is not allowed`);
        if (c.arguments.length === 0) throw new ExpressionError(expr, `${name}() needs arguments`);
        return f(c.arguments.map((a) => num(ev(a), expr)));
      }
      default:
        throw new ExpressionError(expr, `${n.type} is not allowed`);
    }
  };
  return ev(parse(expr));
}

/** Evaluates a numeric expression. */
export function evaluateNumber(expr: string, scope: Scope): Decimal {
  return num(evaluateExpression(expr, scope), expr);
}

function truthy(v: Value): boolean {
  if (v instanceof Decimal) return !v.isZero();
  return Boolean(v);
}

function equal(a: Value, b: Value): boolean {
  if (a instanceof Decimal && b instanceof Decimal) return a.equals(b);
  return a === b;
}
