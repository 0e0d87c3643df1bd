import { Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { EvalResult } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';

type InputRow = EvalResult['inputs'][number];
export type Entered = Record<string, { value: number; evidence: string }>;
const l = (zh: string, en: string) => ({ zh, en });
const T = {
  input: l('考核数据', 'Input'), value: l('数值', 'Value'), whence: l('数据出处', 'Where it comes from'), auto: l('自动取数', 'Filled from Kehu'),
  enter: l('录入值', 'Entered value'), evidence: l('依据', 'Evidence'), superior: l('上级360评分（0–100）', 'Superior 360 score (0–100)'),
  conduct: l('按本期奖惩记录自动计入', 'From the period\'s conduct records'), raters: l('由评价人（含客户满意度调查）评分', 'Scored by the raters (customers through the survey)'),
  pct: l('（%）', ' (%)'), yesNo: l('（1=是 0=否）', ' (1 = yes, 0 = no)'),
};

/** The drafter's form: what Kehu filled (with its source), what to enter (with evidence), the superior's 360 scores. */
export function DraftInputsTable({ result, entered, setEntered, superior, setSuperior }: {
  result: EvalResult; entered: Entered; setEntered: (f: (e: Entered) => Entered) => void;
  superior: Record<string, number>; setSuperior: (f: (s: Record<string, number>) => Record<string, number>) => void;
}) {
  const { label } = useI18n();
  const auto = (i: InputRow) => (i.fill === 'figure' ? result.figures[i.key] : i.fill === 'survey' ? result.figures.surveyRating : undefined);
  const unit = (i: InputRow) => (i.type === 'rate' ? label(T.pct) : i.type === 'boolean' ? label(T.yesNo) : i.unit ? `（${i.unit}）` : '');
  return (
    <Table<InputRow> rowKey="key" size="small" pagination={false} dataSource={result.inputs} data-testid="inputs-table" scroll={{ x: true }}
      columns={[
        { title: label(T.input), key: 'k', render: (_: unknown, i) => `${label(i.label)}${unit(i)}` },
        {
          title: label(T.value), key: 'v', render: (_: unknown, i) => {
            const a = auto(i);
            if (a) return <span data-testid={`auto-${i.key}`}>{i.type === 'rate' ? `${(a.value * 100).toFixed(2)}%` : a.value} <Tag color="blue">{label(T.auto)}</Tag></span>;
            if (i.fill === 'conduct') return <Typography.Text type="secondary">{label(T.conduct)}</Typography.Text>;
            if (i.fill === '360') {
              const item = i.items[0]!;
              return <InputNumber size="small" min={0} max={100} placeholder={label(T.superior)} data-testid={`superior-${item}`} value={superior[item]} onChange={(v) => setSuperior((s) => ({ ...s, [item]: Number(v ?? 0) }))} />;
            }
            return (
              <Space.Compact>
                <InputNumber size="small" placeholder={label(T.enter)} data-testid={`enter-${i.key}`} value={entered[i.key]?.value ?? result.entered[i.key]?.value}
                  onChange={(v) => setEntered((e) => ({ ...e, [i.key]: { value: Number(v ?? 0), evidence: e[i.key]?.evidence ?? result.entered[i.key]?.evidence ?? '' } }))} />
                <Input size="small" placeholder={label(T.evidence)} style={{ width: 140 }} data-testid={`evidence-${i.key}`} value={entered[i.key]?.evidence ?? result.entered[i.key]?.evidence}
                  onChange={(ev) => setEntered((e) => ({ ...e, [i.key]: { value: e[i.key]?.value ?? result.entered[i.key]?.value ?? 0, evidence: ev.target.value } }))} />
              </Space.Compact>
            );
          },
        },
        {
          title: label(T.whence), key: 'w', render: (_: unknown, i) => {
            const a = auto(i);
            if (a) return <span data-testid={`source-${i.key}`}>{a.source}</span>;
            if (i.fill === '360') return label(T.raters);
            return result.unavailable[i.key] ?? '—';
          },
        },
      ]} />
  );
}
