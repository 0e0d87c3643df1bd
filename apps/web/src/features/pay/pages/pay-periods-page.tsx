import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { PayPeriod, PayRun } from '@kehu/contracts';
import { useCan } from '../../../app/session-context.ts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useCorrect, useCreatePeriod, useFactSummary, usePeriods, useRuns, useStartRun, useTransition } from '../api/pay-api.ts';
import { FactImport } from '../components/fact-import.tsx';
import { FactEntryForm } from '../components/fact-entry-form.tsx';
import { FactLedgerDrawer } from '../components/fact-ledger-drawer.tsx';
import { RunStatusTag } from '../components/run-status-tag.tsx';
import { useKindLabel, usePayText, yuan } from '../components/pay-text.ts';

/** HR: periods → facts in → run → review → approve → lock; supervisors watch and review. */
export default function PayPeriodsPage() {
  const p = usePayText();
  const kindLabel = useKindLabel();
  const { text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const periods = usePeriods();
  const selectedId = Number(params.get('period')) || periods.data?.items[0]?.id || null;
  const selected = periods.data?.items.find((x) => x.id === selectedId) ?? null;
  const runs = useRuns(selectedId);
  const facts = useFactSummary(selectedId, can('pay.facts.write'));
  const create = useCreatePeriod();
  const start = useStartRun();
  const step = useTransition();
  const correct = useCorrect();
  const [newPeriod, setNewPeriod] = useState<string | null>(null);
  const [ledger, setLedger] = useState(false);
  const fail = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));

  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{p('periods')}</Typography.Title>
        <span className="kehu-spacer" />
        {can('pay.run') && (
          <Space>
            <DatePicker picker="month" onChange={(d) => setNewPeriod(d ? d.format('YYYY-MM') : null)} data-testid="period-picker" />
            <Button disabled={!newPeriod} onClick={() => newPeriod && create.mutate(newPeriod, { onSuccess: (x) => setParams({ period: String(x.id) }), onError: fail })} data-testid="period-create">{p('newPeriod')}</Button>
          </Space>
        )}
      </div>
      {periods.error ? <ApiErrorAlert error={periods.error} /> : (
        <Row gutter={16}>
          <Col xs={24} lg={8}>
            <Table<PayPeriod> size="small" rowKey="id" loading={periods.isPending} dataSource={periods.data?.items ?? []} pagination={false} data-testid="periods-table"
              locale={{ emptyText: <Empty description={p('noPeriods')} /> }}
              rowClassName={(r) => (r.id === selectedId ? 'ant-table-row-selected' : '')}
              onRow={(r) => ({ onClick: () => setParams({ period: String(r.id) }), style: { cursor: 'pointer' } })}
              columns={[
                { title: p('period'), dataIndex: 'period' },
                { title: p('status'), key: 's', render: (_, r) => (r.status === 'locked' ? <Tag color="green">{p('locked')}</Tag> : <Tag>{p('open')}</Tag>) },
                { title: p('facts'), dataIndex: 'factCount' },
                { title: p('pendingAdj'), dataIndex: 'pendingAdjustments' },
              ]} />
          </Col>
          <Col xs={24} lg={16}>
            {!selected ? (periods.data?.items.length ? <Empty description={p('pickPeriod')} /> : null) : (
              <Space direction="vertical" style={{ width: '100%' }} size="middle">
                {can('pay.facts.write') && (
                  <Card title={`${selected.period} · ${p('importFacts')}`} size="small"
                    extra={<Button onClick={() => setLedger(true)} data-testid="fact-ledger-open">{p('ledger')}</Button>}>
                    <FactImport periodId={selected.id} />
                    <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>{p('enterFact')}</Typography.Text>
                    <FactEntryForm periodId={selected.id} />
                    <Table size="small" style={{ marginTop: 12 }} rowKey="kind" pagination={false} dataSource={facts.data?.items ?? []} data-testid="fact-summary"
                      columns={[{ title: p('kind'), key: 'k', render: (_, r) => kindLabel(r.kind) }, { title: p('rows'), dataIndex: 'rows' }, { title: p('people'), dataIndex: 'people' }, { title: p('amount'), key: 'a', render: (_, r) => yuan(r.amountFen) }]} />
                    <FactLedgerDrawer periodId={selected.id} period={selected.period} open={ledger} onClose={() => setLedger(false)} />
                  </Card>
                )}
                <Card size="small" title={`${selected.period} · ${p('runs')}`} extra={
                  <Space>
                    {can('pay.run') && selected.status === 'open' && <Button type="primary" loading={start.isPending} onClick={() => start.mutate(selected.id, { onError: fail })} data-testid="run-start">{p('runSettlement')}</Button>}
                    {can('pay.run') && selected.status === 'locked' && (
                      <Button onClick={() => correct.mutate(selected.id, { onError: fail, onSuccess: (r) => void message.success(r.adjustments ? p('corrected', { n: r.adjustments, p: r.targetPeriod ?? '' }) : p('noCorrection')) })} data-testid="period-correct">{p('correct')}</Button>
                    )}
                  </Space>
                }>
                  <Table<PayRun> size="small" rowKey="id" loading={runs.isPending} dataSource={runs.data?.items ?? []} pagination={false} data-testid="runs-table" scroll={{ x: 'max-content' }}
                    locale={{ emptyText: <Empty description={p('noRuns')} /> }}
                    columns={[
                      { title: p('seq'), key: 'seq', render: (_, r) => <Link to={`/pay/runs/${r.id}`}>#{r.seq}</Link> },
                      { title: p('status'), key: 'st', render: (_, r) => <RunStatusTag status={r.status} /> },
                      { title: p('headcount'), dataIndex: 'headcount' },
                      { title: p('total'), key: 't', render: (_, r) => yuan(r.totalFen) },
                      { title: p('createdAt'), key: 'c', render: (_, r) => formatDateTime(r.createdAt) },
                      {
                        title: '', key: 'act', render: (_, r) => (
                          <Space size={4} wrap>
                            <Link to={`/pay/runs/${r.id}`}>{p('view')}</Link>
                            {r.status === 'draft' && can('pay.review') && <Button size="small" onClick={() => step.mutate({ runId: r.id, action: 'review' }, { onError: fail })} data-testid="run-review">{p('review')}</Button>}
                            {r.status === 'reviewed' && can('pay.approve') && <Button size="small" onClick={() => step.mutate({ runId: r.id, action: 'approve' }, { onError: fail })} data-testid="run-approve">{p('approve')}</Button>}
                            {r.status === 'approved' && can('pay.lock') && (
                              <Popconfirm title={p('lockConfirm')} onConfirm={() => step.mutate({ runId: r.id, action: 'lock' }, { onError: fail })} okButtonProps={{ 'data-testid': 'run-lock-confirm' }}>
                                <Button size="small" danger data-testid="run-lock">{p('lock')}</Button>
                              </Popconfirm>
                            )}
                            {(r.status === 'reviewed' || r.status === 'approved') && can('pay.review') && <Button size="small" onClick={() => step.mutate({ runId: r.id, action: 'return' }, { onError: fail })}>{p('return')}</Button>}
                          </Space>
                        ),
                      },
                    ]} />
                </Card>
              </Space>
            )}
          </Col>
        </Row>
      )}
    </div>
  );
}
