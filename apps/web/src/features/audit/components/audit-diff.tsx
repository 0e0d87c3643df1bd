import { Table, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { displayFieldValue, fieldLabelKey } from '../../staff/components/field-display.ts';

interface Row { field: string; before: unknown; after: unknown; changed: boolean }

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Side-by-side before/after of one audited write; changed fields first and highlighted. */
export function diffRows(before: unknown, after: unknown): Row[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((field) => ({
    field, before: b[field], after: a[field],
    changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
  return rows.sort((x, y) => Number(y.changed) - Number(x.changed));
}

export function AuditDiff({ before, after, unitName }: { before: unknown; after: unknown; unitName: (id: number) => string | undefined }) {
  const { t, label } = useI18n();
  const show = (field: string, v: unknown) =>
    (field === 'orgUnitId' || field === 'parentId') && typeof v === 'number' ? `${unitName(v) ?? ''} (${v})` : displayFieldValue(field, v, label);
  const rows = diffRows(before, after);
  if (!rows.length) return <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>;
  const name = (f: string) => {
    const key = fieldLabelKey(f);
    return key ? `${t(key)} (${f})` : f;
  };
  return (
    <Table<Row>
      data-testid="audit-diff"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? 'kehu-diff-changed' : '')}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 200, render: (_, r) => <Typography.Text strong={r.changed}>{name(r.field)}</Typography.Text> },
        { title: t('audit.before'), key: 'before', render: (_, r) => <Typography.Text type={r.changed ? 'danger' : 'secondary'}>{show(r.field, r.before)}</Typography.Text> },
        { title: t('audit.after'), key: 'after', render: (_, r) => <Typography.Text type={r.changed ? 'success' : 'secondary'}>{show(r.field, r.after)}</Typography.Text> },
      ]}
    />
  );
}
