import { Table, Tag } from 'antd';
import type { PayDiff } from '@kehu/contracts';
import { usePayText, yuan } from './pay-text.ts';

type Person = PayDiff['people'][number];
const COLOR: Record<Person['change'], string> = { added: 'green', removed: 'red', changed: 'orange', same: 'default' };

/** Per-person difference table with a totals row. */
export function DiffTable({ diff, testId }: { diff: PayDiff; testId: string }) {
  const p = usePayText();
  return (
    <Table<Person> size="small" rowKey="staffId" dataSource={diff.people} pagination={{ pageSize: 20 }} data-testid={testId}
      columns={[
        { title: p('name'), dataIndex: 'staffName' },
        { title: `${p('before')} ${diff.beforeLabel}`, key: 'b', align: 'right', render: (_, r) => yuan(r.beforeFen) },
        { title: `${p('after')} ${diff.afterLabel}`, key: 'a', align: 'right', render: (_, r) => yuan(r.afterFen) },
        { title: p('delta'), key: 'd', align: 'right', render: (_, r) => <span style={{ color: r.deltaFen < 0 ? '#cf1322' : r.deltaFen > 0 ? '#389e0d' : undefined }}>{yuan(r.deltaFen)}</span> },
        { title: p('change'), key: 'c', render: (_, r) => <Tag color={COLOR[r.change]}>{p(r.change)}</Tag> },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}><b>{p('total')}</b></Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">{yuan(diff.beforeTotalFen)}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{yuan(diff.afterTotalFen)}</Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right"><b data-testid={`${testId}-total`}>{yuan(diff.deltaTotalFen)}</b></Table.Summary.Cell>
          <Table.Summary.Cell index={4}>{diff.changed}</Table.Summary.Cell>
        </Table.Summary.Row>
      )} />
  );
}
