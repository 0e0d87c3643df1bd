import { Empty, Table, Tag, Timeline, Typography } from 'antd';
import type { HistoryEntry } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { MessageKey } from '../../../lib/i18n/messages-zh.ts';
import { displayFieldValue, fieldLabelKey } from './field-display.ts';

const ACTION_KEYS: Record<string, MessageKey> = {
  create: 'history.action.create', update: 'history.action.update', import: 'history.action.import', delete: 'history.action.delete',
};

/** Who changed what, newest first. */
export function StaffHistoryList({ items }: { items: HistoryEntry[] }) {
  const { t, label } = useI18n();
  if (!items.length) return <Empty description={t('staff.historyEmpty')} />;
  const actionLabel = (a: string) => {
    const short = a.split('.').pop() ?? a;
    const key = ACTION_KEYS[short];
    return key ? t(key) : a;
  };
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
              <Tag color="geekblue">{actionLabel(h.action)}</Tag>
              <Typography.Text>{formatDateTime(h.at)}</Typography.Text>
              <Typography.Text type="secondary"> · {t('history.by')}：{h.actor}</Typography.Text>
            </div>
            {h.changes.length ? (
              <Table
                size="small"
                pagination={false}
                rowKey="field"
                dataSource={h.changes}
                columns={[
                  { title: t('history.field'), dataIndex: 'field', width: 120, render: (_, c) => fieldName(c.field) },
                  { title: t('history.from'), key: 'from', render: (_, c) => <Typography.Text delete type="secondary">{displayFieldValue(c.field, c.from, label)}</Typography.Text> },
                  { title: t('history.to'), key: 'to', render: (_, c) => displayFieldValue(c.field, c.to, label) },
                ]}
              />
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
