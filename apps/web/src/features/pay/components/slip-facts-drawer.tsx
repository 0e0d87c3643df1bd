import { useState } from 'react';
import { Drawer, Table, Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useSlipFacts, type SlipFact } from '../api/pay-api.ts';
import { useKindLabel, usePayText, yuan } from './pay-text.ts';

/** The raw facts behind one component of a slip: each one counted or not, and why not. */
export function SlipFactsDrawer({ slipId, kind, onClose }: { slipId: number; kind: string | null; onClose: () => void }) {
  const p = usePayText();
  const { text } = useI18n();
  const kindLabel = useKindLabel();
  const [page, setPage] = useState(1);
  const facts = useSlipFacts(slipId, kind, page);
  return (
    <Drawer open={kind !== null} onClose={onClose} size="large" title={p('showFacts')} destroyOnHidden>
      <Table<SlipFact> size="small" rowKey="id" loading={facts.isPending} dataSource={facts.data?.items ?? []} data-testid="slip-facts" scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 50, total: facts.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: p('date'), dataIndex: 'date', width: 110 },
          { title: p('kind'), key: 'k', render: (_, f) => kindLabel(f.kind) },
          { title: p('quantity'), dataIndex: 'quantity' },
          { title: p('amount'), key: 'a', align: 'right', render: (_, f) => (f.amountFen ? yuan(f.amountFen) : '') },
          { title: p('faceValue'), key: 'f', align: 'right', render: (_, f) => (f.faceValueFen ? yuan(f.faceValueFen) : '') },
          { title: p('spent'), key: 's', align: 'right', render: (_, f) => (f.spentFen ? yuan(f.spentFen) : '') },
          { title: p('gifted'), key: 'g', render: (_, f) => (f.gifted ? '✓' : '') },
          { title: '', key: 'c', render: (_, f) => (f.counted ? <Tag color="green">{p('countedYes')}</Tag> : <Tag color="red">{p('countedNo')}</Tag>) },
          { title: p('reason'), key: 'r', render: (_, f) => (f.reason ? text(f.reason) : '') },
        ]} />
    </Drawer>
  );
}
