import { Table } from 'antd';
import type { ImportRowError } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';

/** One line per bad cell: sheet row, column, and the reason in the user's language. */
export function ImportReportTable({ errors }: { errors: ImportRowError[] }) {
  const { t, text } = useI18n();
  return (
    <Table<ImportRowError & { key: number }>
      data-testid="import-report"
      size="small"
      rowKey="key"
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      pagination={errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
      columns={[
        // Row 0 means the whole file (not a workbook, no sheet, wrong headers).
        { title: t('import.row'), dataIndex: 'row', width: 70, render: (_, e) => (e.row > 0 ? e.row : '—') },
        { title: t('import.column'), dataIndex: 'column', width: 140, render: (_, e) => e.column || '—' },
        { title: t('import.reason'), key: 'reason', render: (_, e) => text(e.message) },
      ]}
    />
  );
}
