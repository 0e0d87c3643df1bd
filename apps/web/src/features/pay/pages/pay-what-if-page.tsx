import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Input, Select, Space, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { EChart } from '../../../components/echart.tsx';
import { usePeriods, usePlans, useWhatIf } from '../api/pay-api.ts';
import { DiffTable } from '../components/diff-table.tsx';
import { usePayText } from '../components/pay-text.ts';

/** A draft policy against a past period: per-person and total difference from what was paid, table and chart. Saves nothing. */
export default function PayWhatIfPage() {
  const p = usePayText();
  const { text } = useI18n();
  const { message } = App.useApp();
  const periods = usePeriods();
  const whatIf = useWhatIf();
  const [periodId, setPeriodId] = useState<number | null>(null);
  const plans = usePlans();
  const [planId, setPlanId] = useState<number | null>(null);
  const [doc, setDoc] = useState('');
  const pickPlan = (id: number) => {
    setPlanId(id);
    setDoc(plans.data?.plans.find((x) => x.id === id)?.document ?? '');
  };
  // Start from the plan most people are on (the first assignment's), else the first plan: this tenant's rule book, not another's.
  useEffect(() => {
    const view = plans.data;
    if (!view || planId !== null || doc !== '') return;
    const first = view.assignments[0]?.planId ?? view.plans[0]?.id;
    if (first !== undefined) pickPlan(first);
  }, [plans.data]);
  // Start from the latest period that was paid (the list comes newest first): what a what-if compares with.
  useEffect(() => {
    if (periodId !== null) return;
    const paid = periods.data?.items.find((x) => x.runCount > 0);
    if (paid) setPeriodId(paid.id);
  }, [periods.data]);
  const data = whatIf.data;
  const option = useMemo(() => data && ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [p('paid'), p('simulated'), p('delta')] },
    grid: { left: 60, right: 20, bottom: 60 },
    xAxis: { type: 'category', data: data.people.map((x) => x.staffName), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: p('paid'), type: 'bar', data: data.people.map((x) => (x.beforeFen ?? 0) / 100) },
      { name: p('simulated'), type: 'bar', data: data.people.map((x) => (x.afterFen ?? 0) / 100) },
      { name: p('delta'), type: 'bar', data: data.people.map((x) => x.deltaFen / 100) },
    ],
  }), [data, p]);
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{p('whatIf')}</Typography.Title>
      <Typography.Paragraph type="secondary">{p('whatIfHint')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select style={{ width: 200 }} placeholder={p('period')} value={periodId ?? undefined} onChange={setPeriodId} data-testid="whatif-period"
            options={(periods.data?.items ?? []).map((x) => ({ value: x.id, label: x.period }))} />
          <Space wrap>
            <Typography.Text>{p('startFrom')}</Typography.Text>
            <Select style={{ minWidth: 240 }} value={planId ?? undefined} onChange={pickPlan} data-testid="whatif-plan" placeholder={p('startFromHint')}
              options={(plans.data?.plans ?? []).map((x) => ({ value: x.id, label: `${x.title} · ${x.version}` }))} />
          </Space>
          <Typography.Text>{p('document')}</Typography.Text>
          <Input.TextArea rows={10} value={doc} onChange={(e) => setDoc(e.target.value)} style={{ fontFamily: 'monospace' }} data-testid="whatif-doc" />
          <Button type="primary" disabled={!periodId} loading={whatIf.isPending} data-testid="whatif-run"
            onClick={() => periodId && whatIf.mutate({ periodId, document: doc }, { onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)) })}>{p('simulate')}</Button>
        </Space>
      </Card>
      {data && option && (
        <Card size="small">
          <EChart option={option} height={320} testId="whatif-chart" />
          <DiffTable diff={data} testId="whatif-table" />
        </Card>
      )}
    </div>
  );
}
