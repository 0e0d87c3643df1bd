import { useState } from 'react';
import { AutoComplete, Button, DatePicker, Input, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditEntry } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useAuditList } from '../api/list-audit.ts';
import type { AuditFilters } from '../api/list-audit.ts';
import { AuditDiff } from '../components/audit-diff.tsx';
import { useOrgUnits } from '../../org-units/api/list-org-units.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, actionColor } from '../components/audit-labels.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';

interface Draft { entity: string; entityId: string; action: string; actor: string; range: [Dayjs | null, Dayjs | null] | null }
const EMPTY: Draft = { entity: '', entityId: '', action: '', actor: '', range: null };

function toFilters(d: Draft): AuditFilters {
  return {
    entity: d.entity.trim() || undefined,
    entityId: d.entityId.trim() || undefined,
    action: d.action.trim() || undefined,
    actor: d.actor.trim() || undefined,
    from: d.range?.[0]?.format('YYYY-MM-DD'),
    to: d.range?.[1]?.format('YYYY-MM-DD'),
  };
}

export default function AuditPage() {
  const { t, label } = useI18n();
  const options = (m: Record<string, { zh: string; en: string }>) => Object.entries(m).map(([value, l]) => ({ value, label: `${label(l)} (${value})` }));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const list = useAuditList(filters);
  const units = useOrgUnits();
  const unitName = (id: number) => units.data?.items.find((u) => u.id === id)?.name;
  const apply = () => setFilters({ ...toFilters(draft), page: 1, pageSize: filters.pageSize });

  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{t('audit.title')}</Typography.Title>
      <div className="kehu-toolbar" data-testid="audit-filters">
        <AutoComplete style={{ width: 150 }} placeholder={t('audit.entity')} value={draft.entity} onChange={(v: string) => setDraft({ ...draft, entity: v })} options={options(AUDIT_ENTITIES)} allowClear data-testid="audit-filter-entity" />
        <Input style={{ width: 110 }} placeholder={t('audit.entityId')} value={draft.entityId} onChange={(e) => setDraft({ ...draft, entityId: e.target.value })} onPressEnter={apply} allowClear />
        <AutoComplete style={{ width: 170 }} placeholder={t('audit.action')} value={draft.action} onChange={(v: string) => setDraft({ ...draft, action: v })} options={options(AUDIT_ACTIONS)} allowClear data-testid="audit-filter-action" />
        <Input style={{ width: 140 }} placeholder={t('audit.actor')} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} onPressEnter={apply} allowClear />
        <DatePicker.RangePicker value={draft.range} onChange={(v) => setDraft({ ...draft, range: v })} />
        <Button type="primary" onClick={apply} data-testid="audit-search">{t('common.search')}</Button>
        <Button onClick={() => { setDraft(EMPTY); setFilters({ page: 1, pageSize: filters.pageSize }); }}>{t('common.reset')}</Button>
      </div>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          expandable={{ expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} unitName={unitName} />, rowExpandable: (e) => e.before != null || e.after != null }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 160, render: (_, e) => formatDateTime(e.at) },
            { title: t('audit.actor'), dataIndex: 'actorName', width: 140 },
            { title: t('audit.action'), dataIndex: 'action', width: 160, render: (_, e) => <Tag color={actionColor(e.action)}>{label(AUDIT_ACTIONS[e.action], e.action)}</Tag> },
            { title: t('audit.entity'), dataIndex: 'entity', width: 120, render: (_, e) => label(AUDIT_ENTITIES[e.entity], e.entity) },
            { title: t('audit.entityId'), dataIndex: 'entityId', width: 100, render: (_, e) => e.entityId ?? '—' },
            { title: t('audit.ip'), dataIndex: 'ip', render: (_, e) => e.ip ?? '—' },
          ]}
          pagination={{
            current: list.data?.page ?? filters.page,
            pageSize: list.data?.pageSize ?? filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
          }}
        />
      )}
    </div>
  );
}
