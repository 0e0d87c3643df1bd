import { Empty, Table, Tag, Timeline, Typography } from 'antd';
import type { HistoryEntry } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { AUDIT_ACTIONS, actionColor } from '../../audit/components/audit-labels.ts';
import { displayFieldValue, fieldLabelKey } from './field-display.ts';

/** Who changed what, newest first. */
// Bookkeeping columns say nothing to a reader of the history.
const HIDDEN = new Set(['id', 'tenantId', 'version', 'createdAt', 'updatedAt']);

export function StaffHistoryList({ items, unitName }: { items: HistoryEntry[]; unitName: (id: number) => string | undefined }) {
  const { t, label, locale } = useI18n();
  const show = (field: string, v: unknown) =>
    field === 'orgUnitId' && typeof v === 'number' ? unitName(v) ?? String(v) : displayFieldValue(field, v, label);
  if (!items.length) return <Empty description={t('staff.historyEmpty')} />;
  const actionLabel = (a: string) => label(AUDIT_ACTIONS[a], a);
  const fieldName = (f: string) => {
    const key = fieldLabelKey(f);
    return key ? t(key) : f;
  };

  return (
    <Timeline
      data-testid="staff-history"
      items={items.map((h) => ({
        key: h.id,
        content: (
          <div>
            <div style={{ marginBottom: 6 }}>
              <Tag color={actionColor(h.action)}>{actionLabel(h.action)}</Tag>
              <Typography.Text>{formatDateTime(h.at)}</Typography.Text>
              <Typography.Text type="secondary"> · {t('history.by')}{locale === 'en' ? ': ' : '：'}{h.actor}</Typography.Text>
            </div>
            {h.changes.some((c) => !HIDDEN.has(c.field)) ? (
              <Table
                size="small"
                pagination={false}
                rowKey="field"
                dataSource={h.changes.filter((c) => !HIDDEN.has(c.field))}
                columns={[
                  { title: t('history.field'), dataIndex: 'field', width: 120, render: (_, c) => fieldName(c.field) },
                  { title: t('history.from'), key: 'from', render: (_, c) => <Typography.Text delete type="secondary">{show(c.field, c.from)}</Typography.Text> },
                  { title: t('history.to'), key: 'to', render: (_, c) => show(c.field, c.to) },
                ]}
              />
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
