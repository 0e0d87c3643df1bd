import { useState } from 'react';
import { App, Button, Input, Modal, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Breakpoint } from 'antd';
import type { Customer } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { apiDownload } from '../../../lib/api-client.ts';
import { useCustomers, type CustomerFilters } from '../api/customers.ts';
import { useCreateRequest } from '../api/requests.ts';
import { useAssignTerritory, useTerritories, useUnassignTerritory } from '../api/territories.ts';
import { CustomerImportDialog } from '../components/customer-import-dialog.tsx';
import { KIND_LABELS, P, VISIT_STATUS_LABELS, fill, yuan } from '../portfolio-text.ts';
import { businessToday } from '../../../lib/business-date.ts';

// On a phone the table keeps number, name, balance and visit; the rest shows from 576 px. Cells never wrap: the table scrolls inside itself.
const sm: Breakpoint[] = ['sm'];
const visitColor = { overdue: 'red', due: 'orange', ok: 'green', not_required: 'default' } as const;

/** Customers in scope; a manager can switch to the unassigned customers of their unit and claim one. */
export default function CustomerListPage() {
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  // The territory filter lives in the address, so a territory's link opens its customers.
  const [params, setParams] = useSearchParams();
  const territoryId = Number(params.get('territoryId')) || undefined;
  const [filters, setFilters] = useState<CustomerFilters>({ page: 1, pageSize: 20 });
  const list = useCustomers({ ...filters, territoryId });
  const claim = useCreateRequest();
  const claimable = filters.unassigned === 'true';
  const territories = useTerritories();
  const moveTo = useAssignTerritory();
  const takeOut = useUnassignTerritory();
  const canMove = can('customers.assign');
  const [selected, setSelected] = useState<number[]>([]);
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const territoryName = new Map((territories.data ?? []).map((t) => [t.id, t.name]));
  const setTerritory = (id: number | undefined) => {
    setParams((p) => { if (id) p.set('territoryId', String(id)); else p.delete('territoryId'); return p; });
    setFilters((f) => ({ ...f, page: 1 }));
  };

  const columns = [
    { title: label(P.customerNo), dataIndex: 'customerNo', width: 110 },
    { title: label(P.name), dataIndex: 'name', render: (n: string, c: Customer) => (claimable ? n : <Link to={`/customers/${c.id}`} data-testid={`customer-link-${c.customerNo}`}>{n}</Link>) },
    { title: label(P.kind), dataIndex: 'kind', responsive: sm, render: (k: Customer['kind']) => label(KIND_LABELS[k]) },
    { title: label(P.territory), dataIndex: 'territoryId', responsive: sm, render: (id: number | null) => (id ? territoryName.get(id) ?? '—' : '—') },
    { title: label(P.idNo), dataIndex: 'idNo', responsive: sm },
    { title: label(P.phone), dataIndex: 'phone', responsive: sm },
    { title: label(P.loan), dataIndex: 'loanBalanceFen', align: 'right' as const, render: yuan },
    { title: label(P.managers), key: 'm', responsive: sm, render: (_: unknown, c: Customer) => c.managers.map((m) => `${m.staffName} ${m.share}%`).join('，') || '—' },
    { title: label(P.visit), dataIndex: 'visitStatus', render: (s: Customer['visitStatus'], c: Customer) => <Tag color={visitColor[s]}>{label(VISIT_STATUS_LABELS[s])}{c.visitDueDate && s !== 'ok' ? ` ${c.visitDueDate}` : ''}</Tag> },
    ...(claimable ? [{
      title: '', key: 'claim', render: (_: unknown, c: Customer) => (
        <Button size="small" type="primary" data-testid={`claim-${c.customerNo}`} loading={claim.isPending}
          onClick={() => claim.mutate({ kind: 'claim', customerId: c.id, effectiveDate: businessToday() }, {
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
          <Select allowClear data-testid="territory-filter" style={{ width: 160 }} placeholder={label(P.allTerritories)} value={territoryId}
            options={(territories.data ?? []).map((t) => ({ value: t.id, label: `${t.name}（${t.customers}）` }))} onChange={(v?: number) => setTerritory(v)} />
          {canMove && territoryId ? (
            <Popconfirm title={fill(label(P.fromTerritoryConfirm), { n: selected.length })} disabled={selected.length === 0}
              okButtonProps={{ 'data-testid': 'from-territory-ok' }}
              onConfirm={() => takeOut.mutate({ id: territoryId, customerIds: selected }, {
                onSuccess: () => { void message.success(label(P.territoryUnassigned)); setSelected([]); },
                onError: (e) => void message.error(e instanceof ApiError ? (e.fields[0] ? text(e.fields[0].message) : text(e.text)) : String(e)),
              })}>
              <Button data-testid="from-territory" disabled={selected.length === 0} loading={takeOut.isPending}>{label(P.fromTerritory)}</Button>
            </Popconfirm>
          ) : null}
          {canMove ? <Button data-testid="to-territory" disabled={selected.length === 0} onClick={() => { setTarget(null); setMoving(true); }}>{label(P.toTerritory)}</Button> : null}
          {can('customers.create') ? <Button data-testid="customer-import" onClick={() => setImporting(true)}>{label(P.importCustomers)}</Button> : null}
          <Button data-testid="customer-export" onClick={() => void apiDownload('/api/v1/customers/export.xlsx', { q: filters.q, unassigned: filters.unassigned, territoryId }, 'customers.xlsx')}>{label(P.export)}</Button>
          <Input.Search allowClear placeholder={label(P.searchPlaceholder)} style={{ width: 280 }} data-testid="customer-search"
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))} />
        </Space>
      </div>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<Customer> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns} scroll={{ x: 'max-content' }} data-testid="customer-table"
          rowSelection={canMove && !claimable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
          pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }} />
      )}
      <Modal open={moving} title={label(P.toTerritory)} onCancel={() => setMoving(false)} confirmLoading={moveTo.isPending} okButtonProps={{ disabled: target === null, 'data-testid': 'to-territory-submit' }}
        onOk={() => target !== null && moveTo.mutate({ id: target, customerIds: selected }, {
          onSuccess: () => { void message.success(label(P.territoryAssigned)); setMoving(false); setSelected([]); },
          onError: (e) => void message.error(e instanceof ApiError ? (e.fields[0] ? text(e.fields[0].message) : text(e.text)) : String(e)),
        })}>
        <Typography.Paragraph type="secondary">{fill(label(P.toTerritoryHint), { n: selected.length })}</Typography.Paragraph>
        <Select style={{ width: '100%' }} data-testid="to-territory-select" value={target ?? undefined} onChange={(v: number) => setTarget(v)}
          options={(territories.data ?? []).map((t) => ({ value: t.id, label: `${t.code} ${t.name}` }))} />
      </Modal>
      <CustomerImportDialog open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
