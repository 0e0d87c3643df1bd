import { useState } from 'react';
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { PaySlipSummary } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { downloadRun, useRun, useRunDiff, useRunSlips } from '../api/pay-api.ts';
import { DiffTable } from '../components/diff-table.tsx';
import { RunStatusTag } from '../components/run-status-tag.tsx';
import { usePayText, yuan } from '../components/pay-text.ts';

/** One run: every person's slip with one column per component, the difference from the run before, Excel export. */
export default function PayRunPage() {
  const id = Number(useParams().id);
  const p = usePayText();
  const { locale } = useI18n();
  const [page, setPage] = useState(1);
  const run = useRun(id);
  const slips = useRunSlips(id, page);
  const diff = useRunDiff(id);
  if (run.error) return <ApiErrorAlert error={run.error} />;
  const comps = slips.data?.components ?? [];
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{run.data ? `${run.data.period} · ${p('seq')} #${run.data.seq}` : ''}</Typography.Title>
        <span className="kehu-spacer" />
        <Space>
          {run.data && <Link to={`/pay?period=${run.data.periodId}`}>{p('periods')}</Link>}
          <Button onClick={() => void downloadRun(id)} data-testid="run-export">{p('export')}</Button>
        </Space>
      </div>
      {run.data && (
        <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={p('status')}><RunStatusTag status={run.data.status} /></Descriptions.Item>
          <Descriptions.Item label={p('headcount')}>{run.data.headcount}</Descriptions.Item>
          <Descriptions.Item label={p('total')}><span data-testid="run-total">{yuan(run.data.totalFen)}</span></Descriptions.Item>
          <Descriptions.Item label={p('createdAt')}>{formatDateTime(run.data.createdAt)}</Descriptions.Item>
        </Descriptions>
      )}
      <Card size="small" title={p('slips')} style={{ marginBottom: 16 }}>
        <Table<PaySlipSummary> size="small" rowKey="id" loading={slips.isPending} dataSource={slips.data?.items ?? []} data-testid="run-slips" scroll={{ x: true }}
          pagination={{ current: page, pageSize: 50, total: slips.data?.total ?? 0, onChange: setPage }}
          columns={[
            { title: p('name'), key: 'n', render: (_, s) => <Link to={`/pay/slips/${s.id}`}>{s.staffName}</Link> },
            { title: p('unit'), dataIndex: 'orgUnitName' },
            ...comps.map((c) => ({ title: locale === 'en' ? c.en : c.zh, key: c.key, align: 'right' as const, render: (_: unknown, s: PaySlipSummary) => yuan(s.components[c.key] ?? 0) })),
            { title: p('total'), key: 't', align: 'right', render: (_, s) => <b data-testid={`slip-total-${s.staffName}`}>{yuan(s.totalFen)}</b> },
            { title: p('payday'), dataIndex: 'payday' },
          ]} />
      </Card>
      <Card size="small" title={p('diff')}>
        {diff.error ? <ApiErrorAlert error={diff.error} /> : diff.data && <DiffTable diff={diff.data} testId="run-diff" />}
      </Card>
    </div>
  );
}
