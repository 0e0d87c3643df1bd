import type { Text } from './schema.ts';

/** One explained result line: where it comes from, what went in, what came out. */
export interface Line {
  id: string;
  label: Text;
  clause: string;
  sign: 'earning' | 'deduction';
  /** Signed: deductions are negative. Totals are the sum of these, always. */
  amountFen: number;
  formula: string;
  inputs: Record<string, string>;
  /** `note`: the band the item fell in and the sum it made, in each language ("≥ 500 and < 800: 500 × 1% = 5"). */
  counted: { index: number; item: unknown; note?: Text }[];
  excluded: { index: number; item: unknown; reason: Text }[];
  multiplier?: { label: Text; clause: string; expr: string; value: string; applied: string };
}

export interface PolicyRef { id: string; version: number; title: Text }

export interface CompensationResult {
  kind: 'compensation';
  policy: PolicyRef;
  totalFen: number;
  /** Yuan with two decimals, e.g. "6000.00". */
  total: string;
  lines: Line[];
  variants: { id: string; label: Text; clause: string }[];
  payday: { date: string; base: string; delayDays: number; countedLeave: string[]; clause: string } | null;
}
