/** Labels shared by the evaluation pages (zh, en). */
const l = (zh: string, en: string) => ({ zh, en });
export const EVAL_STATUS: Record<string, { zh: string; en: string }> = {
  pending: l('待评分', 'Pending'), drafted: l('已评分待审核', 'Drafted'), reviewed: l('已审核', 'Reviewed'), calibrated: l('已校准', 'Calibrated'),
  published: l('已发布', 'Published'), acknowledged: l('已确认', 'Acknowledged'), appealed: l('申诉中', 'Appealed'), final: l('已复核', 'Final'),
  open: l('进行中', 'Open'),
};
export const RATER_ROLE: Record<string, { zh: string; en: string }> = {
  superior: l('上级', 'Superior'), peer: l('同事', 'Peers'), subordinate: l('下属', 'Subordinates'), self: l('自评', 'Self'), customer: l('客户', 'Customers'),
};
export const SOURCE: Record<string, { zh: string; en: string }> = { data: l('系统数据', 'Kehu data'), evaluator: l('考核人录入', 'Evaluator'), '360': l('360评价', '360-degree'), survey: l('客户满意度调查', 'Customer survey') };
export const statusColor = (s: string) => (['published', 'acknowledged', 'final'].includes(s) ? 'success' : s === 'appealed' ? 'warning' : s === 'pending' ? 'default' : 'processing');

/** The band a person ends with: HR's calibration wins over the engine's band; `was` is the engine's when it differs. */
export function finalBand(band: string | null, calibratedBand: string | null): { band: string | null; was: string | null } {
  const final = calibratedBand ?? band;
  return { band: final, was: calibratedBand && band && calibratedBand !== band ? band : null };
}
