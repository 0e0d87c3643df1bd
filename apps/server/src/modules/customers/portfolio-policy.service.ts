import { can, isPreset, lintPolicy, listPresets, presetSource, rulesFromPortfolioPolicy } from '@kehu/domain';
import type { PortfolioPolicySet, PortfolioPolicyView } from '@kehu/contracts';
import { portfolioPolicies, type Db } from '@kehu/db';
import { AppError } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { forgetPortfolioRules, portfolioDocument, portfolioPolicyRow, portfolioRules } from './customers.rules.ts';
import { fieldError } from './customers.service.ts';

const presets = () => listPresets().filter((p) => p.kinds.includes('portfolio')).map((p) => ({ id: p.id, title: `${p.title.zh} / ${p.title.en}` }));

/** The tenant's portfolio policy: which rule book the visits, staffing ratios and big customers run on. */
export const portfolioPolicyService = {
  async get(db: Db, actor: Actor): Promise<PortfolioPolicyView> {
    // HR sets it; those who work customers read what they are held to.
    authorize(actor, can(actor.role, 'policy.assign') ? 'policy.assign' : 'customers.read');
    const today = businessDate();
    const [row, rules] = await Promise.all([portfolioPolicyRow(db, actor.tenantId, today), portfolioRules(db, actor.tenantId, today)]);
    const { visitRules, ...rest } = rules;
    return {
      current: row ? { id: row.id, presetId: row.presetId, validFrom: row.validFrom, createdByName: row.createdByName, document: row.document } : null,
      rules: { ...rest, visitRules: visitRules.map((v) => ({ id: v.id, clause: v.clause, everyMonths: v.everyMonths })) },
      presets: presets(),
    };
  },

  /** Puts a portfolio policy in force from `validFrom` (today or later) for the whole tenant. */
  async set(db: Db, actor: Actor, input: PortfolioPolicySet): Promise<PortfolioPolicyView> {
    authorize(actor, 'policy.assign');
    if (input.validFrom < businessDate()) throw fieldError('validFrom', '生效日期不能早于今天（已过去的日子按当时的制度）', 'The policy cannot take effect in the past: past days keep the rules they had');
    if (input.presetId !== null && !isPreset(input.presetId)) throw fieldError('presetId', '没有这个预置制度', 'No such preset');
    const document = input.document ?? (input.presetId !== null ? presetSource(input.presetId) : null);
    if (document === null) throw fieldError('document', '请选择预置制度或填写制度文档', 'Choose a preset or give the policy document');
    const field = input.document !== null ? 'document' : 'presetId';
    let source: string;
    let policy: ReturnType<typeof portfolioDocument>;
    try {
      policy = portfolioDocument(document);
      source = rulesFromPortfolioPolicy(policy).source;
    } catch (e) {
      throw fieldError(field, `制度文档无效或不含管户制度（kind: portfolio）：${(e as Error).message}`, `Invalid document or no document of kind portfolio: ${(e as Error).message}`);
    }
    // The same check the HR page shows before saving: a document with lint errors is never put in force.
    const errors = lintPolicy(policy).filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      throw fieldError(field,
        `制度文档有 ${errors.length} 处错误：${errors.map((f) => `${f.path}：${f.message.zh}`).join('；')}`,
        `The policy document has ${errors.length} error(s): ${errors.map((f) => `${f.path}: ${f.message.en}`).join('; ')}`);
    }
    await db.transaction(async (tx) => {
      const [row] = await tx.insert(portfolioPolicies).values({ tenantId: actor.tenantId, presetId: input.presetId, document, validFrom: input.validFrom, createdByName: actor.displayName }).returning();
      if (!row) throw new AppError('internal');
      await auditService.record(tx, actor, { action: 'create', entity: 'portfolio_policy', entityId: row.id, after: { presetId: row.presetId, validFrom: row.validFrom, source } });
    });
    forgetPortfolioRules(db, actor.tenantId);
    return this.get(db, actor);
  },
};
