import { z } from 'zod';
import { isoDate } from './common.ts';

/** The portfolio rules a tenant runs on, as read off its portfolio policy (or the defaults). */
export const portfolioRulesView = z.object({
  source: z.string(),
  visitRules: z.array(z.object({ id: z.string(), clause: z.string(), everyMonths: z.number() })),
  dueSoonDays: z.number().int(),
  maxRetailPerManager: z.number().int().nullable(),
  maxCorporatePerManager: z.number().int().nullable(),
  bigCustomerTopN: z.number().int().nullable(),
  allowBackdating: z.boolean(),
  maxBackdateDays: z.number().int(),
});

export const portfolioPolicyView = z.object({
  /** The policy row in force today; null while the tenant runs on the defaults. */
  current: z.object({ id: z.number().int(), presetId: z.string().nullable(), validFrom: z.string(), createdByName: z.string(), document: z.string() }).nullable(),
  rules: portfolioRulesView,
  /** Presets with a portfolio document. */
  presets: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type PortfolioPolicyView = z.infer<typeof portfolioPolicyView>;

export const portfolioPolicySet = z.object({
  presetId: z.string().trim().min(1).max(60).nullable().default(null),
  document: z.string().max(200_000).nullable().default(null).describe('A YAML policy text with a document of kind portfolio; instead of presetId'),
  validFrom: isoDate.describe('Today or later: rules in force on a past day never change'),
}).strict();
export type PortfolioPolicySet = z.infer<typeof portfolioPolicySet>;
