import { useState } from 'react';
import { App, Button, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Customer } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { apiDownload } from '../../../lib/api-client.ts';
import { useCustomers, type CustomerFilters } from '../api/customers.ts';
import { useCreateRequest } from '../api/requests.ts';
import { KIND_LABELS, P, VISIT_STATUS_LABELS, chinaToday, yuan } from '../portfolio-text.ts';

const visitColor = { overdue: 'red', due: 'orange', ok: 'green', not_required: 'default' } as const;

/** Customers in scope; a manager can switch to the unassigned customers of their unit and claim one. */
export default function CustomerListPage() {
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<CustomerFilters>({ page: 1, pageSize: 20 });
  const list = useCustomers(filters);
  const claim = useCreateRequest();
  const claimable = filters.unassigned === 'true';

  const columns = [
    { title: label(P.customerNo), dataIndex: 'customerNo', width: 110 },
    { title: label(P.name), dataIndex: 'name', render: (n: string, c: Customer) => (claimable ? n : <Link to={`/customers/${c.id}`} data-testid={`customer-link-${c.customerNo}`}>{n}</Link>) },
    { title: label(P.kind), dataIndex: 'kind', render: (k: Customer['kind']) => label(KIND_LABELS[k]) },
    { title: label(P.idNo), dataIndex: 'idNo' },
    { title: label(P.phone), dataIndex: 'phone' },
    { title: label(P.loan), dataIndex: 'loanBalanceFen', align: 'right' as const, render: yuan },
    { title: label(P.managers), key: 'm', render: (_: unknown, c: Customer) => c.managers.map((m) => `${m.staffName} ${m.share}%`).join('，') || '—' },
    { title: label(P.visit), dataIndex: 'visitStatus', render: (s: Customer['visitStatus'], c: Customer) => <Tag color={visitColor[s]}>{label(VISIT_STATUS_LABELS[s])}{c.visitDueDate && s !== 'ok' ? ` ${c.visitDueDate}` : ''}</Tag> },
    ...(claimable ? [{
      title: '', key: 'claim', render: (_: unknown, c: Customer) => (
        <Button size="small" type="primary" data-testid={`claim-${c.customerNo}`} loading={claim.isPending}
          onClick={() => claim.mutate({ kind: 'claim', customerId: c.id, effectiveDate: chinaToday() }, {
            onSuccess: () => void message.success(label(P.claimSent)),
            onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)),
          })}>{label(P.claim)}</Button>
      ),
    }] : []),
  ];

  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(P.customers)}</Typography.Title>
        <span className="kehu-spacer" />
        <Space wrap>
          {can('customers.request') ? (
            <Segmented data-testid="customer-tabs" value={claimable ? 'claimable' : 'mine'}
              options={[{ value: 'mine', label: label(P.mine) }, { value: 'claimable', label: label(P.claimable) }]}
              onChange={(v) => setFilters((f) => ({ ...f, page: 1, unassigned: v === 'claimable' ? 'true' : undefined }))} />
          ) : null}
          <Button data-testid="customer-export" onClick={() => void apiDownload('/api/v1/customers/export.xlsx', { q: filters.q, unassigned: filters.unassigned }, 'customers.xlsx')}>{label(P.export)}</Button>
          <Input.Search allowClear placeholder={label(P.searchPlaceholder)} style={{ width: 280 }} data-testid="customer-search"
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))} />
        </Space>
      </div>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<Customer> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns} scroll={{ x: true }} data-testid="customer-table"
          pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }} />
      )}
    </div>
  );
}
