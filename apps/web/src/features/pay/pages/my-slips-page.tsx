import { Empty, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { PaySlipSummary } from '@kehu/contracts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useMySlips } from '../api/pay-api.ts';
import { RunStatusTag } from '../components/run-status-tag.tsx';
import { usePayText, yuan } from '../components/pay-text.ts';

/** A manager's own slips, newest first. */
export default function MySlipsPage() {
  const p = usePayText();
  const slips = useMySlips();
  if (slips.error) return <ApiErrorAlert error={slips.error} />;
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{p('mySlips')}</Typography.Title>
      <Table<PaySlipSummary> rowKey="id" loading={slips.isPending} dataSource={slips.data?.items ?? []} pagination={false} data-testid="my-slips" scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={p('noSlips')} /> }}
        columns={[
          { title: p('period'), key: 'p', render: (_, s) => <Link to={`/pay/slips/${s.id}`} data-testid={`my-slip-${s.period}`}>{s.period}</Link> },
          { title: p('runStatus'), key: 'st', render: (_, s) => <RunStatusTag status={s.runStatus} /> },
          { title: p('total'), key: 't', align: 'right', render: (_, s) => <b>{yuan(s.totalFen)}</b> },
          { title: p('payday'), dataIndex: 'payday' },
        ]} />
    </div>
  );
}
