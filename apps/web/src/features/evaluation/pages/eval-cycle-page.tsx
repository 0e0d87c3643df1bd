import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { EvalCycleDetail } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { EChart } from '../../../components/echart.tsx';
import { useCalibrate, useCycle, usePublish, useReview } from '../api/evaluation.ts';
import { EVAL_STATUS, finalBand, statusColor } from '../components/eval-text.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  progress: l('考核进度（谁还没有评价谁）', 'Progress (who has not evaluated whom)'), person: l('考核对象', 'Person'), unit: l('机构', 'Unit'), drafter: l('直接上级', 'Drafter'),
  raters: l('360评价', '360 ratings'), waiting: l('待评价人', 'Still to rate'), total: l('得分', 'Score'), band: l('等次', 'Band'), status: l('状态', 'Status'),
  calibrated: l('校准等次', 'Calibrated band'), reason: l('调整理由', 'Reason'), apply: l('保存校准', 'Save calibration'), publish: l('发布结果', 'Publish'),
  review: l('审核通过', 'Approve'), open: l('评分', 'Score'), dist: l('等次分布与名额', 'Distribution and quotas'), count: l('人数', 'Count'), allowed: l('名额上限', 'Quota'), saved: l('校准已保存', 'Calibration saved'),
};

/** The progress board, HR review, calibration with the distribution chart, and publication. */
export default function EvalCyclePage() {
  const id = Number(useParams().id);
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const cycle = useCycle(id);
  const review = useReview();
  const calibrate = useCalibrate();
  const publish = usePublish();
  const [changes, setChanges] = useState<Record<number, { band: string; reason: string }>>({});
  const onErr = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));
  const d = cycle.data;
  const chart = useMemo(() => (d ? {
    tooltip: {}, legend: { top: 0 }, grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: d.distribution.map((x) => `${x.grade} ${label(d.bands.find((b) => b.grade === x.grade)!.label)}`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: label(T.count), type: 'bar', data: d.distribution.map((x) => ({ value: x.count, itemStyle: { color: x.over ? '#cf1322' : '#1677ff' } })) },
      { name: label(T.allowed), type: 'bar', data: d.distribution.map((x) => x.allowed ?? null), itemStyle: { color: '#d9d9d9' } },
    ],
  } : {}), [d, label]);
  if (cycle.error) return <ApiErrorAlert error={cycle.error} />;
  if (!d) return null;
  const allReviewed = d.rows.every((r) => ['reviewed', 'calibrated'].includes(r.status));
  const calibratable = can('eval.calibrate') && d.status === 'open' && allReviewed;
  type Row = EvalCycleDetail['rows'][number];
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }} data-testid="cycle-title">{d.name}</Typography.Title>
        <Tag color={statusColor(d.status)}>{label(EVAL_STATUS[d.status] ?? l(d.status, d.status))}</Tag>
        <span className="kehu-spacer" />
        <Space>
          {calibratable ? <Button data-testid="calibrate" loading={calibrate.isPending}
            onClick={() => calibrate.mutate({ id, changes: Object.entries(changes).filter(([, c]) => c.band).map(([rid, c]) => ({ resultId: Number(rid), band: c.band, reason: c.reason })) }, { onSuccess: () => { setChanges({}); void message.success(label(T.saved)); }, onError: onErr })}>{label(T.apply)}</Button> : null}
          {can('eval.publish') && d.status === 'open' && d.rows.every((r) => r.status === 'calibrated')
            ? <Button type="primary" data-testid="publish" loading={publish.isPending} onClick={() => publish.mutate(id, { onError: onErr })}>{label(T.publish)}</Button> : null}
        </Space>
      </div>
      <Card title={label(T.dist)} size="small" style={{ marginBottom: 16 }}><EChart option={chart} height={220} testId="distribution-chart" /></Card>
      <Card title={label(T.progress)} size="small">
        <Table<Row> rowKey="resultId" size="small" dataSource={d.rows} pagination={false} data-testid="progress-table" scroll={{ x: true }}
          columns={[
            { title: label(T.person), key: 'n', render: (_: unknown, r) => <Link to={`/eval/results/${r.resultId}`} data-testid={`result-link-${r.name}`}>{r.name}</Link> },
            { title: label(T.unit), dataIndex: 'orgUnitName' },
            { title: label(T.drafter), key: 'd', render: (_: unknown, r) => r.drafter ?? '—' },
            { title: label(T.raters), key: 'r', render: (_: unknown, r) => `${r.raters.submitted}/${r.raters.total}` },
            { title: label(T.waiting), key: 'w', render: (_: unknown, r) => r.pendingRaters.join('、') || '—' },
            { title: label(T.total), key: 't', render: (_: unknown, r) => r.total ?? '—' },
            { title: label(T.band), key: 'b', render: (_: unknown, r) => {
              const f = finalBand(r.band, r.calibratedBand);
              return <span data-testid={`band-${r.name}`}>{f.band ?? '—'}{f.was ? <Typography.Text type="secondary" delete style={{ marginLeft: 6 }}>{f.was}</Typography.Text> : null}</span>;
            } },
            { title: label(T.status), key: 's', render: (_: unknown, r) => <Tag color={statusColor(r.status)} data-testid={`status-${r.name}`}>{label(EVAL_STATUS[r.status] ?? l(r.status, r.status))}</Tag> },
            ...(calibratable ? [{
              title: label(T.calibrated), key: 'c', render: (_: unknown, r: Row) => (
                <Space.Compact>
                  <Select allowClear placeholder={r.calibratedBand ?? r.band ?? ''} style={{ width: 80 }} value={changes[r.resultId]?.band} data-testid={`cal-band-${r.name}`}
                    options={d.bands.map((b) => ({ value: b.grade, label: b.grade }))} onChange={(band: string) => setChanges((c) => ({ ...c, [r.resultId]: { band, reason: c[r.resultId]?.reason ?? '' } }))} />
                  <Input placeholder={label(T.reason)} style={{ width: 180 }} value={changes[r.resultId]?.reason} data-testid={`cal-reason-${r.name}`}
                    onChange={(e) => setChanges((c) => ({ ...c, [r.resultId]: { band: c[r.resultId]?.band ?? '', reason: e.target.value } }))} />
                </Space.Compact>
              ),
            }] : []),
            {
              title: '', key: 'act', render: (_: unknown, r: Row) => (
                <Space>
                  {can('eval.review') && r.status === 'drafted' && can('eval.calibrate') ? <Button size="small" data-testid={`review-${r.name}`} onClick={() => review.mutate(r.resultId, { onError: onErr })}>{label(T.review)}</Button> : null}
                  {can('eval.evaluate') && ['pending', 'drafted'].includes(r.status) ? <Link to={`/eval/results/${r.resultId}`}>{label(T.open)}</Link> : null}
                </Space>
              ),
            },
          ]} />
      </Card>
    </div>
  );
}
