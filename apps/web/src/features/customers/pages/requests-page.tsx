import { useState } from 'react';
import { App, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import type { AssignmentRequest } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useDecide, useRequests } from '../api/requests.ts';
import { HandoverCard } from '../components/handover-card.tsx';
import { P, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, ROLE_LABELS_P } from '../portfolio-text.ts';

const statusColor = { pending: 'processing', approved: 'success', rejected: 'default' } as const;

/** Claims and transfers: a manager follows their own; a supervisor approves or rejects those of the unit. */
export default function RequestsPage() {
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [pendingOnly, setPendingOnly] = useState(can('customers.approve'));
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useRequests({ ...(pendingOnly ? { status: 'pending' as const } : {}), ...page });
  const decide = useDecide();
  const act = (r: AssignmentRequest, decision: 'approve' | 'reject') => decide.mutate({ id: r.id, body: { decision, note: '' } }, {
    onSuccess: () => void message.success(label(P.decided)),
    onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)),
  });
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(P.requests)}</Typography.Title>
        <span className="kehu-spacer" />
        <Space><Switch checked={pendingOnly} onChange={setPendingOnly} data-testid="requests-pending-only" />{label(P.pendingOnly)}</Space>
      </div>
      {list.error ? <ApiErrorAlert error={list.error} /> : (
        <Table<AssignmentRequest> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} data-testid="requests-table" scroll={{ x: true }}
          pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
          columns={[
            { title: label(P.kindOfRequest), dataIndex: 'kind', render: (k: AssignmentRequest['kind']) => label(REQUEST_KIND_LABELS[k]) },
            { title: label(P.customer), dataIndex: 'customerName' },
            { title: label(P.from), dataIndex: 'fromStaffName', render: (n: string | null) => n ?? '—' },
            { title: label(P.to), dataIndex: 'toStaffName' },
            { title: label(P.role), dataIndex: 'role', render: (r: AssignmentRequest['role']) => `${label(ROLE_LABELS_P[r])}` },
            { title: label(P.share), dataIndex: 'share', align: 'right' },
            { title: label(P.effectiveDate), dataIndex: 'effectiveDate' },
            { title: label(P.reason), dataIndex: 'reason' },
            { title: label(P.requestedBy), dataIndex: 'requestedByName' },
            { title: label(P.status), dataIndex: 'status', render: (s: AssignmentRequest['status'], r) => <Tag color={statusColor[s]}>{label(REQUEST_STATUS_LABELS[s])}{r.decidedByName ? ` · ${r.decidedByName}` : ''}</Tag> },
            ...(can('customers.approve') ? [{
              title: '', key: 'act', render: (_: unknown, r: AssignmentRequest) => (r.status === 'pending' ? (
                <Space>
                  <Button size="small" type="primary" data-testid={`approve-${r.id}`} onClick={() => act(r, 'approve')}>{label(P.approve)}</Button>
                  <Popconfirm title={label(P.reject)} onConfirm={() => act(r, 'reject')}><Button size="small" danger data-testid={`reject-${r.id}`}>{label(P.reject)}</Button></Popconfirm>
                </Space>
              ) : null),
            }] : []),
          ]} />
      )}
      {can('customers.assign') ? <HandoverCard /> : null}
    </div>
  );
}
