import type { Db } from '@kehu/db';
import { addDays, daysBetween, type CustomerVoice, type Figure } from '@kehu/domain';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { complaintsService } from '../complaints/complaints.service.ts';
import { surveysService } from '../surveys/surveys.service.ts';
import { customersMetricsService } from '../customers/customers-metrics.service.ts';
import { newCustomersService } from '../customers/new-customers.service.ts';
import { visitsService } from '../visits/visits.service.ts';
import { salesFiguresService } from '../settlement/sales-figures.service.ts';
import { creditService } from '../credit/credit.service.ts';
import { managerBalancesService } from '../credit/manager-balances.service.ts';

/**
 * Where a scorecard's quantitative facts come from. Each source reads one or more facts (named
 * as the scorecard policies name them) for a set of people over a period, through the owning
 * module's service and with the reading actor's own permissions and scope. Every figure carries
 * the text of its source, shown beside it on the scorecard and in the trace.
 */
type Period = { from: string; to: string };
type Figures = Map<number, Record<string, Figure>>;
export interface FigureSource {
  keys: readonly string[];
  label: { zh: string; en: string };
  read(db: Db, actor: Actor, staffIds: number[], period: Period): Promise<Figures>;
}

/** The quarter (same length) before a period, for retention's "held in both periods". */
function previousPeriod(p: Period): Period {
  const days = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}
const yuan = (fen: number) => Math.round(fen) / 100;
const pct = (rate: number) => `${(rate * 100).toFixed(2)}%`;
const put = (out: Figures, id: number, key: string, f: Figure) => out.set(id, { ...(out.get(id) ?? {}), [key]: f });

export const FIGURE_SOURCES: FigureSource[] = [
  {
    keys: ['complaints'], label: { zh: '投诉登记', en: 'Complaint register' },
    async read(db, actor, staffIds, period) {
      const r = await complaintsService.stats(db, actor, period);
      const out: Figures = new Map();
      for (const id of staffIds) put(out, id, 'complaints', { value: 0, source: `投诉登记 ${period.from}~${period.to}：0 件` });
      for (const i of r.items) if (staffIds.includes(i.staffId)) put(out, i.staffId, 'complaints', { value: i.total, source: `投诉登记 ${period.from}~${period.to}：${i.total} 件` });
      return out;
    },
  },
  {
    keys: ['surveyRating'], label: { zh: '满意度调查', en: 'Satisfaction surveys' },
    async read(db, actor, staffIds, period) {
      const out: Figures = new Map();
      for (const [id, v] of await readCustomerVoice(db, actor, staffIds, period)) put(out, id, 'surveyRating', { value: v.rating, source: v.source });
      return out;
    },
  },
  {
    keys: ['retentionRate'], label: { zh: '客户保有率', en: 'Customer retention' },
    async read(db, actor, staffIds, period) {
      const prev = previousPeriod(period);
      const r = await customersMetricsService.retention(db, actor, { firstFrom: prev.from, firstTo: prev.to, secondFrom: period.from, secondTo: period.to });
      const out: Figures = new Map();
      for (const i of r.items) if (staffIds.includes(i.staffId) && i.rate !== null) put(out, i.staffId, 'retentionRate', { value: Number(i.rate), source: `客户管户：保有 ${i.kept}/${i.base} 户（${prev.from}~${prev.to} → ${period.from}~${period.to}）` });
      return out;
    },
  },
  {
    keys: ['newCustomers'], label: { zh: '新增客户', en: 'New customers' },
    async read(db, actor, staffIds, period) {
      const r = await newCustomersService.byManager(db, actor, staffIds, period);
      const out: Figures = new Map();
      for (const id of staffIds) put(out, id, 'newCustomers', { value: r.get(id) ?? 0, source: `客户管户：${period.from}~${period.to} 首次建立管户 ${r.get(id) ?? 0} 户` });
      return out;
    },
  },
  {
    keys: ['visitCompliance'], label: { zh: '走访达标率', en: 'Visit compliance' },
    async read(db, actor, staffIds, period) {
      // Compliance on the period's last day, or today while the period runs.
      const today = businessDate();
      const date = period.to < today ? period.to : today;
      const r = await visitsService.compliance(db, actor, { date });
      const out: Figures = new Map();
      for (const m of r.managers) if (staffIds.includes(m.staffId) && m.rate !== null) put(out, m.staffId, 'visitCompliance', { value: Number(m.rate), source: `走访计划：截至 ${date} 应走访 ${m.required} 户，逾期 ${m.overdue} 户` });
      return out;
    },
  },
  {
    keys: ['salesYuan', 'avgOrderYuan'], label: { zh: '销售（薪酬事实）', en: 'Sales (pay facts)' },
    async read(db, actor, staffIds, period) {
      const r = await salesFiguresService.salesByStaff(db, actor, staffIds, period);
      const out: Figures = new Map();
      for (const [id, s] of r) {
        put(out, id, 'salesYuan', { value: yuan(s.salesFen), source: `薪酬事实：${period.from}~${period.to} 销售 ${s.orders} 笔，合计 ${yuan(s.salesFen).toFixed(2)} 元` });
        if (s.averageOrderFen !== null) put(out, id, 'avgOrderYuan', { value: yuan(s.averageOrderFen), source: `薪酬事实：${yuan(s.salesFen).toFixed(2)} 元 ÷ ${s.orders} 笔` });
      }
      return out;
    },
  },
  {
    keys: ['avgDailyDepositYuan', 'avgDailyLoanYuan'], label: { zh: '存贷款日均（积数）', en: 'Average daily balances (day-sums)' },
    async read(db, actor, staffIds, period) {
      const r = await managerBalancesService.averagesByManager(db, actor, staffIds, period);
      const out: Figures = new Map();
      for (const [id, b] of r) {
        if (b.depositAverageFen !== null) put(out, id, 'avgDailyDepositYuan', { value: yuan(b.depositAverageFen), source: `存款积数：${b.depositAccounts} 户 ${period.from}~${period.to}（${b.days} 天）日均 ${yuan(b.depositAverageFen).toFixed(2)} 元` });
        if (b.loanAverageFen !== null) put(out, id, 'avgDailyLoanYuan', { value: yuan(b.loanAverageFen), source: `贷款积数：${b.loanAccounts} 笔 ${period.from}~${period.to}（${b.days} 天）日均 ${yuan(b.loanAverageFen).toFixed(2)} 元` });
      }
      return out;
    },
  },
  {
    keys: ['nplRatio', 'interestCollectionRate', 'dueLoanRecoveryRate', 'newNplResponsible'], label: { zh: '信贷台账', en: 'Loan ledger' },
    async read(db, actor, staffIds, period) {
      const year = Number(period.to.slice(0, 4));
      const r = await creditService.figures(db, actor, year);
      const out: Figures = new Map();
      for (const m of r.byManager) {
        const id = Number(m.key.replace('staff:', ''));
        if (!staffIds.includes(id)) continue;
        if (m.nplRatio !== null) put(out, id, 'nplRatio', { value: Number(m.nplRatio), source: `信贷台账：不良 ${yuan(m.nplFen).toFixed(2)} ÷ 余额 ${yuan(m.balanceFen).toFixed(2)} 元 = ${pct(Number(m.nplRatio))}（${m.loanCount} 笔）` });
        if (m.interestRate !== null) put(out, id, 'interestCollectionRate', { value: Number(m.interestRate), source: `信贷台账 ${year} 年：收息 ${yuan(m.interestCollectedFen).toFixed(2)} ÷ 应收 ${yuan(m.interestDueFen).toFixed(2)} 元` });
        if (m.recoveryThisYear !== null) put(out, id, 'dueLoanRecoveryRate', { value: Number(m.recoveryThisYear), source: `信贷台账 ${year} 年：到期收回 ${yuan(m.recoveredThisYearFen).toFixed(2)} ÷ 到期 ${yuan(m.dueThisYearFen).toFixed(2)} 元（当年贷款）` });
        put(out, id, 'newNplResponsible', { value: m.newNplFen > 0 ? 1 : 0, source: `信贷台账 ${year} 年：本人推荐新增不良 ${yuan(m.newNplFen).toFixed(2)} 元` });
      }
      return out;
    },
  },
];

/** Fact names some source can fill. */
export const FIGURE_KEYS: ReadonlySet<string> = new Set(FIGURE_SOURCES.flatMap((s) => s.keys));

/** The customers' survey per person (answered / issued, mean 1–5), as a 360 rater group and as the survey figure. */
export async function readCustomerVoice(db: Db, actor: Actor, staffIds: number[], period: Period): Promise<Map<number, CustomerVoice>> {
  const r = await surveysService.ratings(db, actor, period);
  const out = new Map<number, CustomerVoice>();
  for (const i of r.items) {
    if (!staffIds.includes(i.staffId) || i.rating === null) continue;
    out.set(i.staffId, { respondents: i.answered, rating: Number(i.rating), source: `满意度调查 ${period.from}~${period.to}：${i.answered}/${i.issued} 份答卷，平均 ${i.rating} 分` });
  }
  return out;
}

/**
 * Reads every figure a scorecard needs. A source the reader may not use (e.g. HR has no
 * complaint access) leaves its figures empty for the evaluator to enter; the reason is returned
 * so the form can say why.
 */
export async function readFigures(db: Db, actor: Actor, keys: string[], staffIds: number[], period: Period) {
  const figures = new Map<number, Record<string, Figure>>(staffIds.map((id) => [id, {}]));
  const unavailable: Record<string, string> = {};
  for (const src of FIGURE_SOURCES.filter((s) => s.keys.some((k) => keys.includes(k)))) {
    try {
      const m = await src.read(db, actor, staffIds, period);
      for (const [id, fs] of m) for (const [k, f] of Object.entries(fs)) if (keys.includes(k)) figures.get(id)![k] = f;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      for (const k of src.keys) if (keys.includes(k)) unavailable[k] = `${src.label.zh}：${e.code}`;
    }
  }
  return { figures, unavailable };
}
