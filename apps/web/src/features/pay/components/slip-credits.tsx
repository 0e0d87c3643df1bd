import { Card, Descriptions, Table, Typography } from 'antd';
import type { PaySlip } from '@kehu/contracts';
import { usePayText, yuan } from './pay-text.ts';

/**
 * What a slip read besides its own facts: card sales of customers shared with other managers,
 * split by share (customer, share, whole amount, amount credited; a share kept for a manager who
 * gets no slip says whose and why), and the published evaluation
 * (coefficient, band, cycle) the plan could read.
 */
export function SlipCredits({ slip }: { slip: PaySlip }) {
  const p = usePayText();
  return (
    <>
      {slip.credits.length > 0 && (
        <Card size="small" title={p('credits')} style={{ marginBottom: 16 }} data-testid="slip-credits">
          <Table<PaySlip['credits'][number]> size="small" pagination={false} rowKey={(c) => `${c.customerId}-${c.share ?? 'rest'}-${c.keptFor?.staffId ?? ''}`} dataSource={slip.credits} scroll={{ x: 'max-content' }}
            columns={[
              { title: p('customer'), dataIndex: 'customerName' },
              { title: p('share'), key: 's', render: (_, c) => (c.share === null ? <Typography.Text type="secondary">{p('restShare')}</Typography.Text> : c.keptFor ? (
                // Another manager's share kept by this person as the seller: whose and why.
                <span data-testid="slip-credit-kept">{`${Number(c.share)}%`} <Typography.Text type="warning">{p(c.keptFor.reason === 'left' ? 'keptLeft' : 'keptNoPlan', { name: c.keptFor.staffName })}</Typography.Text></span>
              ) : `${Number(c.share)}%`) },
              { title: p('cards'), dataIndex: 'cards', align: 'right' },
              { title: p('wholeAmount'), key: 'w', align: 'right', render: (_, c) => yuan(c.wholeFen) },
              { title: p('credited'), key: 'c', align: 'right', render: (_, c) => <b>{yuan(c.creditedFen)}</b> },
            ]} />
        </Card>
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered style={{ marginBottom: 16 }} data-testid="slip-evaluation">
        {slip.evaluation ? (
          <>
            <Descriptions.Item label={p('evaluation')}>{slip.evaluation.cycleName}</Descriptions.Item>
            <Descriptions.Item label={p('band')}>{slip.evaluation.band ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={p('coefficient')}><b>{slip.evaluation.coefficient}</b></Descriptions.Item>
          </>
        ) : <Descriptions.Item label={p('evaluation')}>{p('noEvaluation')}</Descriptions.Item>}
      </Descriptions>
    </>
  );
}
