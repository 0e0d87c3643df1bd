import type { Db } from '@kehu/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../lib/actor.ts';
import { complaintsService } from '../complaints/complaints.service.ts';
import { surveysService } from '../surveys/surveys.service.ts';
import { customersMetricsService } from '../customers/customers-metrics.service.ts';

/**
 * Where quantitative scorecard items get their figures. Each source reads one figure for a
 * set of people over a period, through the owning module's service and with the reading
 * actor's own permissions and scope. A new source (deposits, loans, pay) is one entry here.
 */
export interface Figure { value: number; source: string }
export interface FigureSource {
  key: string;
  label: { zh: string; en: string };
  read(db: Db, actor: Actor, staffIds: number[], period: { from: string; to: string }): Promise<Map<number, Figure>>;
}

/** The quarter (same length) before a period, for retention's "held in both periods". */
function previousPeriod(p: { from: string; to: string }): { from: string; to: string } {
  const from = new Date(`${p.from}T00:00:00Z`);
  const to = new Date(`${p.to}T00:00:00Z`);
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000) + 1;
  const pTo = new Date(from.getTime() - 86_400_000);
  const pFrom = new Date(from.getTime() - days * 86_400_000);
  return { from: pFrom.toISOString().slice(0, 10), to: pTo.toISOString().slice(0, 10) };
}

export const FIGURE_SOURCES: FigureSource[] = [
  {
    key: 'complaints', label: { zh: '投诉登记', en: 'Complaint register' },
    async read(db, actor, staffIds, period) {
      const r = await complaintsService.stats(db, actor, period);
      const out = new Map<number, Figure>(staffIds.map((id) => [id, { value: 0, source: `投诉登记 ${period.from}~${period.to}: 0` }]));
      for (const i of r.items) if (staffIds.includes(i.staffId)) out.set(i.staffId, { value: i.total, source: `投诉登记 ${period.from}~${period.to}: ${i.total} 件` });
      return out;
    },
  },
  {
    key: 'surveyRating', label: { zh: '满意度调查', en: 'Satisfaction surveys' },
    async read(db, actor, staffIds, period) {
      const r = await surveysService.ratings(db, actor, period);
      const out = new Map<number, Figure>();
      for (const i of r.items) if (staffIds.includes(i.staffId) && i.rating !== null) out.set(i.staffId, { value: Number(i.rating), source: `满意度调查 ${i.answered}/${i.issued} 份答卷, 平均 ${i.rating}` });
      return out;
    },
  },
  {
    key: 'retention', label: { zh: '客户保有率', en: 'Customer retention' },
    async read(db, actor, staffIds, period) {
      const prev = previousPeriod(period);
      const r = await customersMetricsService.retention(db, actor, { firstFrom: prev.from, firstTo: prev.to, secondFrom: period.from, secondTo: period.to });
      const out = new Map<number, Figure>();
      for (const i of r.items) if (staffIds.includes(i.staffId) && i.rate !== null) out.set(i.staffId, { value: Math.round(Number(i.rate) * 10000) / 100, source: `客户管户: 保有 ${i.kept}/${i.base} 户 (${prev.from}~${prev.to} → ${period.from}~${period.to})` });
      return out;
    },
  },
];

/**
 * Reads every figure a scorecard needs. A source the reader may not use (e.g. HR has no
 * complaint access) or that fails leaves the figure empty for the evaluator to enter; the
 * reason is returned so the form can say why.
 */
export async function readFigures(db: Db, actor: Actor, keys: string[], staffIds: number[], period: { from: string; to: string }) {
  const figures = new Map<number, Record<string, Figure>>(staffIds.map((id) => [id, {}]));
  const unavailable: Record<string, string> = {};
  for (const key of keys) {
    const src = FIGURE_SOURCES.find((s) => s.key === key);
    if (!src) { unavailable[key] = 'no source registered: entered by the evaluator'; continue; }
    try {
      const m = await src.read(db, actor, staffIds, period);
      for (const [id, f] of m) figures.get(id)![key] = f;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      unavailable[key] = `${src.label.en}: ${e.code}`;
    }
  }
  return { figures, unavailable };
}
