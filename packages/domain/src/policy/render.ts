import { describeCondition } from './conditions.ts';
import { describeTier, describeTierValue } from './tiers.ts';
import { ladderCounts } from './ladder.ts';
import type { Calc, Policy, Predicate } from './schema.ts';
import { LABELS } from '../people/staff-enums.ts';

type Lang = 'zh' | 'en';

/** "第2条" / "clause 2" for numbered clauses, "“发放”条款" / "the \"发放\" clause" for named ones. */
export function clauseRef(clause: string, lang: Lang): string {
  if (/^\d+$/.test(clause)) return lang === 'zh' ? `第${clause}条` : `clause ${clause}`;
  return lang === 'zh' ? `“${clause}”条款` : `the "${clause}" clause`;
}

function calcText(calc: Calc, lang: Lang): string[] {
  const zh = lang === 'zh';
  if (calc.type === 'formula') return [zh ? `按公式：${calc.expr}` : `By formula: ${calc.expr}`];
  if (calc.type === 'piece_rate') {
    const beyond = calc.target && calc.beyondPrice !== undefined ? (zh ? `；超过目标（${calc.target}）的部分每 ${calc.per} 计 ${calc.beyondPrice} 元` : `; beyond the target (${calc.target}) ${calc.beyondPrice} yuan per ${calc.per}`) : '';
    return [zh ? `按量计酬：${calc.quantity} 每 ${calc.per} 计 ${calc.price} 元${beyond}` : `Piece rate: ${calc.price} yuan per ${calc.per} of ${calc.quantity}${beyond}`];
  }
  const lines: string[] = [];
  for (const f of calc.filter) lines.push(zh ? `计入条件：${describeCondition(f.when, 'zh')}（否则不计：${f.reason.zh}）` : `Counts only when ${describeCondition(f.when, 'en')} (otherwise left out: ${f.reason.en})`);
  const how = { whole: zh ? '达到的档次适用于全部数量' : 'the band reached applies to the whole volume', marginal: zh ? '分段累进计算' : 'each band applies to the part within it', per_item: zh ? `逐笔按${calc.basis ?? '金额'}所在档次计算` : `each item by the band of its ${calc.basis ?? 'amount'}` }[calc.apply];
  lines.push(zh ? `计算方式：${how}。` : `Method: ${how}.`);
  for (const tier of calc.tiers) lines.push(`  - ${describeTier(tier, lang)}：${describeTierValue(tier, lang)}`);
  for (const a of calc.adjustments) lines.push(zh ? `调整：${describeCondition(a.when, 'zh')} 时费率 ${a.ratePoints > 0 ? '+' : ''}${a.ratePoints} 个百分点${a.floorAtZero ? '，最低 0%' : ''}（${clauseRef(a.clause, lang)}）` : `Adjustment: when ${describeCondition(a.when, 'en')} the rate changes by ${a.ratePoints} pp${a.floorAtZero ? ', never below 0%' : ''} (${clauseRef(a.clause, lang)})`);
  return lines;
}

function predicateText(p: Predicate, lang: Lang): string {
  const zh = lang === 'zh';
  if ('all' in p) return p.all.map((x) => predicateText(x, lang)).join(zh ? '，且' : '; and ');
  if ('any' in p) return `(${p.any.map((x) => predicateText(x, lang)).join(zh ? '；或 ' : '; or ')})`;
  if ('not' in p) return (zh ? '不得：' : 'not: ') + predicateText(p.not, lang);
  if ('ageAtMost' in p) return zh ? `男性 ${p.ageAtMost.male} 周岁及以下、女性 ${p.ageAtMost.female} 周岁及以下（以 ${p.on} 为准）` : `men aged ${p.ageAtMost.male} or younger, women ${p.ageAtMost.female} or younger (full years on ${p.on})`;
  if ('educationAtLeast' in p) return zh ? `学历${LABELS.education[p.educationAtLeast].zh}及以上` : `education ${LABELS.education[p.educationAtLeast].en} or above`;
  const name = p.label ? p.label[lang] : p.fact;
  return `${name} ${p.op} ${JSON.stringify(p.value)}`;
}

/**
 * The policy as readable text (Simplified Chinese or English): what is published is what runs.
 * Decisions on what the rule book left open appear with its own words, the reading and why.
 */
export function renderPolicy(policy: Policy, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const out: string[] = [`# ${policy.title[lang]}`, '', zh ? `版本 ${policy.version}，自 ${policy.effective.from} 起${policy.effective.to ? `至 ${policy.effective.to}` : ''}施行。依据：${policy.source.title}。` : `Version ${policy.version}, in force from ${policy.effective.from}${policy.effective.to ? ` to ${policy.effective.to}` : ''}. Source: ${policy.source.title}.`, ''];
  if (policy.facts.length) {
    out.push(zh ? '## 所需数据' : '## Facts used', '');
    for (const f of policy.facts) out.push(zh ? `- ${f.label.zh}（${f.name}${f.unit ? `，${f.unit}` : ''}）` : `- ${f.label.en} (${f.name}${f.unit ? `, ${f.unit}` : ''})`);
    out.push('');
  }
  switch (policy.kind) {
    case 'compensation':
      out.push(zh ? '## 薪酬组成' : '## Components', '');
      policy.components.forEach((c, i) => {
        out.push(`### ${i + 1}. ${c.label[lang]}${c.sign === 'deduction' ? (zh ? '（扣款）' : ' (deduction)') : ''} — ${clauseRef(c.clause, lang)}`, ...calcText(c.calc, lang));
        if (c.multiplier) out.push(zh ? `乘以${c.multiplier.label.zh}：${c.multiplier.expr}${c.multiplier.cap !== undefined ? `，上限 ${c.multiplier.cap}` : '，不设上限'}${c.multiplier.floor !== undefined ? `，下限 ${c.multiplier.floor}` : ''}` : `Multiplied by ${c.multiplier.label.en}: ${c.multiplier.expr}${c.multiplier.cap !== undefined ? `, capped at ${c.multiplier.cap}` : ', uncapped'}${c.multiplier.floor !== undefined ? `, floor ${c.multiplier.floor}` : ''}`);
        out.push('');
      });
      for (const v of policy.variants) {
        out.push(`### ${zh ? '特殊情形' : 'Variant'}: ${v.label[lang]} — ${describeCondition(v.when, lang)}`);
        if (v.remove.length) out.push(zh ? `不计：${v.remove.join('、')}` : `Not paid: ${v.remove.join(', ')}`);
        for (const [id, r] of Object.entries(v.replace)) {
          out.push(zh ? `${id} 改为：` : `${id} becomes:`);
          if (r.calc) out.push(...calcText(r.calc, lang));
          if (r.multiplier === null) out.push(zh ? '不乘系数' : 'no multiplier');
        }
        out.push('');
      }
      if (policy.payday) out.push(zh ? `## 发薪日\n次月 ${policy.payday.dayOfNextMonth} 日${policy.payday.delayByLeave ? `；次月 ${policy.payday.delayByLeave.fromDay}–${policy.payday.delayByLeave.toDay} 日之间请假、旷工的，按${policy.payday.delayByLeave.count === 'calendar' ? '日历' : '工作'}天数顺延` : ''}。` : `## Payday\nThe ${policy.payday.dayOfNextMonth}th of the next month${policy.payday.delayByLeave ? `; later by the ${policy.payday.delayByLeave.count} days of leave or absence between the ${policy.payday.delayByLeave.fromDay}st and the ${policy.payday.delayByLeave.toDay}th` : ''}.`, '');
      break;
    case 'scorecard':
      out.push(zh ? `## 考核指标（${{ month: '月度', quarter: '季度', half_year: '半年', year: '年度' }[policy.cycle]}）` : `## Indicators (${policy.cycle.replace('_', '-')})`, '');
      for (const x of policy.items) out.push(`- ${x.label[lang]}：${x.weight} ${zh ? '分' : 'points'}${x.completion ? ` × ${x.completion}` : zh ? ' × 评分' : ' × rating'}（${x.floor}–${x.cap}×，${clauseRef(x.clause, lang)}）`);
      for (const a of policy.adjustments) out.push(`- ${a.label[lang]}：${a.points}${a.cap !== undefined ? (zh ? `，最多 ${a.cap} 分` : `, at most ${a.cap} points`) : ''}`);
      for (const v of policy.vetoes) out.push(`- ${zh ? '一票否决' : 'Veto'}：${v.label[lang]}（${describeCondition(v.when, lang)}）`);
      if (policy.raters.length) out.push('', zh ? '评价人权重：' : 'Raters:', ...policy.raters.map((r) => `- ${r.role}: ${r.weight}%${r.anonymous ? (zh ? '，匿名' : ', anonymous') : ''}${zh ? `，至少 ${r.minRespondents} 人` : `, at least ${r.minRespondents}`}`));
      out.push('', zh ? '## 等次' : '## Grades', ...policy.bands.map((b) => `- ${b.grade} ${b.label[lang]}：${describeTier({ ...(b.min ? { min: b.min } : {}), ...(b.max ? { max: b.max } : {}), price: 0 }, lang)}${zh ? '，系数' : ', coefficient'} ${b.coefficient}${b.quotaPercent !== undefined ? (zh ? `，名额不超过 ${b.quotaPercent}%` : `, at most ${b.quotaPercent}% of people`) : ''}`), '', zh ? `考核结果公布后 ${policy.appealDays} 日内可申诉。` : `Appeals within ${policy.appealDays} days of publication.`, '');
      break;
    case 'eligibility':
      out.push(zh ? `## 条件（${policy.combine === 'all' ? '须全部满足' : '满足其一即可'}）` : `## Conditions (${policy.combine === 'all' ? 'all must hold' : 'any one suffices'})`, '', ...policy.rules.map((r) => `- ${r.label[lang]}：${predicateText(r.test, lang)}${r.grants ? (zh ? `（可获：${r.grants}）` : ` (grants: ${r.grants})`) : ''}`), '');
      break;
    case 'ladder': {
      const c = ladderCounts(policy);
      out.push(zh ? `## 等级设置：${c.levels} 个等级、${c.grades} 个档次${c.seniorExpertLevels ? `，另设资深 ${c.seniorExpertLevels} 级` : ''}` : `## Ladder: ${c.levels} levels, ${c.grades} grades${c.seniorExpertLevels ? `, plus ${c.seniorExpertLevels} senior-expert levels` : ''}`, '');
      out.push(zh ? `序列：${policy.tracks.map((t) => t.label.zh).join('、')}` : `Tracks: ${policy.tracks.map((t) => t.label.en).join(', ')}`);
      for (const l of policy.levels) out.push(`- ${l.label[lang]}：${l.steps} ${zh ? '档' : 'steps'}${l.qualificationRequired ? (zh ? '，须取得任职资格' : ', qualification required') : ''}`);
      if (policy.benefitsRule) out.push('', policy.benefitsRule.text[lang]);
      out.push('');
      break;
    }
    case 'portfolio':
      if (policy.visitFrequency.length) out.push(zh ? '## 走访频次' : '## Visits', ...policy.visitFrequency.map((v) => `- ${v.label[lang]}：${zh ? `每 ${v.everyMonths} 个月至少一次` : `at least once every ${v.everyMonths} month(s)`}（${describeCondition(v.when, lang)}）`), '');
      if (policy.staffingRatios.length) out.push(zh ? '## 人员配备' : '## Staffing', ...policy.staffingRatios.map((s) => `- ${s.label[lang]}：${zh ? `每名客户经理不超过 ${s.maxPerManager} 户` : `at most ${s.maxPerManager} per manager`}`), '');
      if (policy.bigCustomers) out.push(zh ? `## 大客户\n用电量排名前 ${policy.bigCustomers.topN} 名的${policy.bigCustomers.permanentOnly ? '永久性' : ''}客户。` : `## Big customers\nThe top ${policy.bigCustomers.topN} ${policy.bigCustomers.permanentOnly ? 'permanent ' : ''}customers by ${policy.bigCustomers.by}.`, '');
      if (policy.reports.length) out.push(zh ? '## 报告' : '## Reports', ...policy.reports.map((r) => `- ${r.label[lang]}：${zh ? `每 ${r.everyMonths} 个月一份` : `one every ${r.everyMonths} months`}`), '');
      break;
  }
  if (policy.decisions.length) {
    out.push(zh ? '## 决定（细则未明确之处）' : '## Decisions (where the rule book is silent)', '');
    for (const d of policy.decisions) out.push(`- ${zh ? '原文' : 'Original'}（${clauseRef(d.clause, lang)}）：“${d.original}”`, `  ${zh ? '执行口径' : 'Reading'}：${d.reading[lang]}`, `  ${zh ? '理由' : 'Why'}：${d.why[lang]}`);
    out.push('');
  }
  return out.join('\n');
}
