import { z } from 'zod';
import { EDUCATION_LEVELS } from '../people/staff-enums.ts';

/**
 * The policy document format. A rule book becomes one or more YAML documents of these kinds;
 * every bound says whether it includes its number (Civil Code art. 1259: 以上/以下/以内 include it,
 * 不满/超过 exclude it), and every result line names the clause it comes from.
 */
export const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof text>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const FACT_TYPES = ['money', 'count', 'number', 'rate', 'date', 'boolean', 'enum', 'text', 'list', 'dates', 'map'] as const;
export const factDecl = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_.]*$/),
  type: z.enum(FACT_TYPES),
  label: text,
  unit: z.string().optional(),
  values: z.array(z.string()).optional(),
  item: z.record(z.string(), z.enum(FACT_TYPES)).optional(),
  optional: z.boolean().default(false),
}).strict();
export type FactDecl = z.infer<typeof factDecl>;

export const decision = z.object({
  id: z.string(),
  clause: z.string(),
  original: z.string().describe('The rule book\'s own words'),
  reading: text,
  why: text,
}).strict();
export type Decision = z.infer<typeof decision>;

export const bound = z.object({ value: z.number(), inclusive: z.boolean() }).strict();
export type Bound = z.infer<typeof bound>;

const OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in'] as const;
export type Op = (typeof OPS)[number];
export interface Leaf { field: string; op: Op; value: unknown }
export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const condition: z.ZodType<Condition> = z.lazy(() => z.union([
  z.object({ field: z.string(), op: z.enum(OPS), value: z.unknown() }).strict(),
  z.object({ all: z.array(condition).min(1) }).strict(),
  z.object({ any: z.array(condition).min(1) }).strict(),
  z.object({ not: condition }).strict(),
]));

export const tier = z.object({
  min: bound.optional(),
  max: bound.optional(),
  rate: z.number().optional().describe('Percent of the amount, e.g. 2.5'),
  price: z.number().optional().describe('Yuan per unit counted'),
  label: z.string().optional(),
}).strict().refine((t) => (t.rate === undefined) !== (t.price === undefined), { message: 'a tier has exactly one of rate or price' });
export type Tier = z.infer<typeof tier>;

const multiplier = z.object({
  label: text,
  clause: z.string(),
  expr: z.string(),
  cap: z.number().optional(),
  floor: z.number().optional(),
  onUndefined: z.number().optional().describe('Value when the expression divides by zero'),
}).strict();

const adjustment = z.object({
  label: text,
  clause: z.string(),
  when: condition,
  ratePoints: z.number().describe('Percentage points added to the rate (negative to reduce)'),
  floorAtZero: z.boolean().default(true),
}).strict();

const tieredCalc = z.object({
  type: z.literal('tiered'),
  source: z.string().describe('A list fact'),
  filter: z.array(z.object({ when: condition, reason: text }).strict()).default([]),
  measure: z.union([z.literal('count'), z.object({ sum: z.string() }).strict()]).default('count'),
  apply: z.enum(['whole', 'marginal', 'per_item']),
  basis: z.string().optional().describe('per_item: the item field the tier is chosen by and the rate applies to'),
  tiers: z.array(tier).min(1),
  monotone: z.boolean().default(false),
  adjustments: z.array(adjustment).default([]),
  countField: z.string().optional().describe('Item field giving how many identical items an item stands for (default 1)'),
  creditField: z.string().optional().describe('Item field with the amount credited for the item (all `count` of it together) when it is not the basis × count: per_item takes the band by the basis and applies the rate to it; a sum of the basis adds it instead — a group of cards of one band: the rate on their exact total; a shared customer\'s card: the band by the whole card, the rate on the manager\'s part'),
}).strict();

const pieceRateCalc = z.object({
  type: z.literal('piece_rate'),
  quantity: z.string().describe('Expression giving the quantity, e.g. newDepositsYuan'),
  per: z.number().positive().default(1).describe('Units per price, e.g. 10000 for "per 10,000 yuan"'),
  price: z.number().describe('Yuan per `per` units; may be negative'),
  target: z.string().optional().describe('Expression: quantity up to it earns `price`, beyond it `beyondPrice`'),
  beyondPrice: z.number().optional(),
}).strict();

const formulaCalc = z.object({ type: z.literal('formula'), expr: z.string() }).strict();

export const calc = z.discriminatedUnion('type', [tieredCalc, pieceRateCalc, formulaCalc]);
export type Calc = z.infer<typeof calc>;

export const component = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  label: text,
  clause: z.string(),
  sign: z.enum(['earning', 'deduction']).default('earning'),
  calc,
  multiplier: multiplier.optional(),
}).strict();
export type Component = z.infer<typeof component>;

const variant = z.object({
  id: z.string(),
  label: text,
  clause: z.string(),
  when: condition,
  replace: z.record(z.string(), z.object({ calc: calc.optional(), multiplier: multiplier.nullable().optional() }).strict()).default({}),
  add: z.array(component).default([]),
  remove: z.array(z.string()).default([]),
}).strict();

const payday = z.object({
  clause: z.string(),
  dayOfNextMonth: z.number().int().min(1).max(28),
  delayByLeave: z.object({ fact: z.string(), fromDay: z.number().int().min(1), toDay: z.number().int().max(31), count: z.enum(['calendar', 'working']) }).strict().optional(),
}).strict();

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: text,
  version: z.number().int().positive(),
  effective: z.object({ from: isoDate, to: isoDate.nullable().default(null) }).strict(),
  source: z.object({ title: z.string(), clauses: z.array(z.object({ ref: z.string(), text: z.string() }).strict()).default([]) }).strict(),
  facts: z.array(factDecl).default([]),
  decisions: z.array(decision).default([]),
  rounding: z.enum(['half_up', 'half_even', 'down', 'up']).default('half_up'),
};

export const compensationPolicy = z.object({
  ...common,
  kind: z.literal('compensation'),
  components: z.array(component).min(1),
  variants: z.array(variant).default([]),
  payday: payday.optional(),
}).strict();

const scoreItem = z.object({
  id: z.string(),
  label: text,
  clause: z.string(),
  group: z.string().optional(),
  weight: z.number().positive().describe('Points of the item at 100% completion'),
  completion: z.string().optional().describe('Expression for the completion factor; absent = a manual score 0..1 given as fact `score.<id>`'),
  floor: z.number().default(0),
  cap: z.number().default(1),
  source: z.enum(['data', 'evaluator', 'survey', '360']).default('data'),
}).strict();

const bonusItem = z.object({
  id: z.string(), label: text, clause: z.string(),
  points: z.string().describe('Expression giving points (positive for a bonus, negative for a penalty)'),
  cap: z.number().optional(),
}).strict();

const band = z.object({
  grade: z.string(), label: text, min: bound.optional(), max: bound.optional(),
  quotaPercent: z.number().min(0).max(100).optional(), coefficient: z.number(),
}).strict();

export const scorecardPolicy = z.object({
  ...common,
  kind: z.literal('scorecard'),
  cycle: z.enum(['month', 'quarter', 'half_year', 'year']),
  raters: z.array(z.object({ role: z.enum(['superior', 'peer', 'subordinate', 'self', 'customer']), weight: z.number().min(0), minRespondents: z.number().int().min(1).default(1), anonymous: z.boolean().default(false) }).strict()).default([]),
  items: z.array(scoreItem).min(1),
  adjustments: z.array(bonusItem).default([]),
  vetoes: z.array(z.object({ id: z.string(), label: text, clause: z.string(), when: condition }).strict()).default([]),
  bands: z.array(band).min(1),
  appealDays: z.number().int().positive().default(7),
}).strict();

export type Predicate =
  | { ageAtMost: { male: number; female: number }; on: string }
  | { educationAtLeast: (typeof EDUCATION_LEVELS)[number] }
  | { fact: string; op: Op; value: unknown; label?: Text }
  | { all: Predicate[] } | { any: Predicate[] } | { not: Predicate };
export const predicate: z.ZodType<Predicate> = z.lazy(() => z.union([
  z.object({ ageAtMost: z.object({ male: z.number().int(), female: z.number().int() }).strict(), on: z.string().describe('Fact holding the reference date') }).strict(),
  z.object({ educationAtLeast: z.enum(EDUCATION_LEVELS) }).strict(),
  z.object({ fact: z.string(), op: z.enum(OPS), value: z.unknown(), label: text.optional() }).strict(),
  z.object({ all: z.array(predicate).min(1) }).strict(),
  z.object({ any: z.array(predicate).min(1) }).strict(),
  z.object({ not: predicate }).strict(),
]));

export const eligibilityPolicy = z.object({
  ...common,
  kind: z.literal('eligibility'),
  rules: z.array(z.object({ id: z.string(), label: text, clause: z.string(), test: predicate, grants: z.string().optional().describe('What passing this route gives, e.g. provisional junior') }).strict()).min(1),
  combine: z.enum(['all', 'any']).default('all'),
}).strict();

export const ladderPolicy = z.object({
  ...common,
  kind: z.literal('ladder'),
  tracks: z.array(z.object({ id: z.string(), label: text }).strict()).min(1),
  levels: z.array(z.object({ id: z.string(), label: text, steps: z.number().int().min(1), clause: z.string(), qualificationRequired: z.boolean().default(false), seniorExpert: z.boolean().default(false) }).strict()).min(1),
  expected: z.object({ levels: z.number().int(), grades: z.number().int() }).strict().optional().describe('What the rule book says the ladder adds up to; the linter checks it'),
  benefitsRule: z.object({ clause: z.string(), text }).strict().optional(),
}).strict();

export const portfolioPolicy = z.object({
  ...common,
  kind: z.literal('portfolio'),
  visitFrequency: z.array(z.object({ id: z.string(), label: text, clause: z.string(), when: condition, everyMonths: z.number().positive() }).strict()).default([]),
  staffingRatios: z.array(z.object({ id: z.string(), label: text, clause: z.string(), customerType: z.string(), maxPerManager: z.number().int().positive() }).strict()).default([]),
  bigCustomers: z.object({ clause: z.string(), topN: z.number().int().positive(), by: z.string(), permanentOnly: z.boolean() }).strict().optional(),
  reports: z.array(z.object({ id: z.string(), label: text, clause: z.string(), everyMonths: z.number().positive() }).strict()).default([]),
  /** Claims and transfers: how many days back an effective date may lie (0 = no back-dating); when a visit shows as due. */
  assignments: z.object({ clause: z.string().optional(), maxBackdateDays: z.number().int().min(0), dueSoonDays: z.number().int().min(0).default(7) }).strict().optional(),
}).strict();

export const policyDocument = z.discriminatedUnion('kind', [compensationPolicy, scorecardPolicy, eligibilityPolicy, ladderPolicy, portfolioPolicy]);
export type Policy = z.infer<typeof policyDocument>;
export type CompensationPolicy = z.infer<typeof compensationPolicy>;
export type ScorecardPolicy = z.infer<typeof scorecardPolicy>;
export type EligibilityPolicy = z.infer<typeof eligibilityPolicy>;
export type LadderPolicy = z.infer<typeof ladderPolicy>;
export type PortfolioPolicy = z.infer<typeof portfolioPolicy>;
export type PolicyKind = Policy['kind'];
