const l = (zh: string, en: string) => ({ zh, en });
export type L = { zh: string; en: string };

export const CLASS_LABEL: Record<string, L> = {
  normal: l('正常', 'Normal'), special_mention: l('关注', 'Special mention'), substandard: l('次级', 'Substandard'), doubtful: l('可疑', 'Doubtful'), loss: l('损失', 'Loss'),
};
export const CLASS_COLOR: Record<string, string> = { normal: 'green', special_mention: 'gold', substandard: 'orange', doubtful: 'volcano', loss: 'red' };
export const LIM_STATUS: Record<string, L> = {
  running: l('时效内', 'Running'), expired: l('已届满', 'Expired'), suspended: l('中止中', 'Suspended'), in_proceedings: l('诉讼中', 'In proceedings'),
  lapsed_old_rule: l('旧法已过时效', 'Lapsed (old rule)'), settled: l('已结清', 'Settled'),
};
export const LIM_COLOR: Record<string, string> = { running: 'green', expired: 'red', suspended: 'purple', in_proceedings: 'blue', lapsed_old_rule: 'default', settled: 'default' };
export const G_STATUS: Record<string, L> = { running: l('保证期间内', 'Running'), preserved: l('已主张', 'Preserved'), released: l('保证人免责', 'Released') };
export const EVENT_KIND: Record<string, L> = {
  demand_delivered: l('催收通知送达签收', 'Demand delivered'), message_arrived: l('催收信息到达', 'Message arrived'), account_deduction: l('账户扣收', 'Account deduction'),
  public_notice: l('公告催收', 'Public notice'), suit: l('起诉', 'Suit'), arbitration: l('仲裁', 'Arbitration'), acknowledgement: l('债务人承认债务', 'Acknowledgement'),
  part_payment: l('部分还款', 'Part payment'), repayment_plan: l('还款计划', 'Repayment plan'), security_offered: l('提供担保', 'Security offered'),
  extension_requested: l('请求延期', 'Asked for more time'), agreed_to_pay_after_expiry: l('届满后同意履行', 'Agreed to pay after expiry'), obstacle: l('中止事由', 'Obstacle'),
  start: l('起算', 'Start'), cap: l('20年上限', '20-year cap'), transition: l('新旧法衔接', 'Transition'),
  suit_against_debtor: l('起诉债务人', 'Suit against debtor'), arbitration_against_debtor: l('对债务人仲裁', 'Arbitration against debtor'),
  demand_to_guarantor: l('向保证人主张', 'Demand to guarantor'), suit_against_guarantor: l('起诉保证人', 'Suit against guarantor'), demand_to_debtor: l('向债务人催收', 'Demand to debtor'),
  period: l('保证期间', 'Guarantee period'),
};
export const WARNING_KIND: Record<string, L> = {
  overdue_instalment: l('分期逾期', 'Overdue instalment'), matured_unpaid: l('到期未还', 'Matured unpaid'), downgrade: l('分类下调', 'Downgrade'),
  visit_overdue: l('大额贷款走访逾期', 'Large-loan visit overdue'), guarantor_problem: l('保证人风险', 'Guarantor problem'),
};
export const SEVERITY: Record<string, L> = { high: l('高', 'High'), medium: l('中', 'Medium'), low: l('低', 'Low') };
export const SEVERITY_COLOR: Record<string, string> = { high: 'red', medium: 'orange', low: 'blue' };
export const PRODUCT: Record<string, L> = { micro: l('小额信用贷款', 'Micro'), joint_guarantee: l('联保贷款', 'Joint guarantee'), corporate: l('公司贷款', 'Corporate'), mortgage: l('抵押贷款', 'Mortgage') };
export const DEADLINE_KIND: Record<string, L> = { limitation: l('诉讼时效', 'Limitation'), guarantee: l('保证期间', 'Guarantee period'), disposal: l('处置期限', 'Disposal') };

/**
 * A risk warning's text in both languages. The server words a downgrade with the class codes
 * ("special_mention → substandard"); both sides are shown by their five-class names here.
 */
export function warningText(w: { kind: string; detail: string; zh: string }): L {
  const m = w.kind === 'downgrade' ? /^(\w+) → (\w+)$/.exec(w.detail.trim()) : null;
  const from = m ? CLASS_LABEL[m[1]!] : undefined;
  const to = m ? CLASS_LABEL[m[2]!] : undefined;
  if (from && to) return { zh: `${from.zh} → ${to.zh}`, en: `${from.en} → ${to.en}` };
  return { zh: w.zh, en: w.detail };
}

export const yuan = (fen: number): string => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const pct = (r: string | null): string => (r === null ? '—' : `${(Number(r) * 100).toFixed(2)}%`);

/** 12345.6 yuan → 壹万贰仟叁佰肆拾伍元陆角 (capital amount on the printed notice). */
export function capitalYuan(fen: number): string {
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const units = ['', '拾', '佰', '仟'];
  const big = ['', '万', '亿'];
  let n = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const fenPart = fen % 10;
  if (n === 0 && fen === 0) return '零元整';
  let out = '';
  let group = 0;
  let lower = 0;
  while (n > 0) {
    const chunk = n % 10000;
    let s = '';
    let zero = false;
    for (let i = 3; i >= 0; i -= 1) {
      const d = Math.floor(chunk / 10 ** i) % 10;
      if (d === 0) { zero = s !== ''; continue; }
      if (zero) { s += '零'; zero = false; }
      s += digits[d]! + units[i]!;
    }
    // A zero between groups when the lower group is below a thousand (壹佰万零伍佰).
    if (s) out = s + big[group]! + (out && lower < 1000 && out[0] !== '零' ? '零' : '') + out;
    else if (out && out[0] !== '零') out = `零${out}`;
    lower = chunk;
    n = Math.floor(n / 10000);
    group += 1;
  }
  out = out ? `${out}元` : '';
  if (jiao === 0 && fenPart === 0) return `${out}整`;
  return out + (jiao ? `${digits[jiao]}角` : (out ? '零' : '')) + (fenPart ? `${digits[fenPart]}分` : '');
}
