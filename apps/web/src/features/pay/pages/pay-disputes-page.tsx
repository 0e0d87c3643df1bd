import { useState } from 'react';
import { App, Button, Empty, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { PayDispute } from '@kehu/contracts';
import { useCan } from '../../../app/session-context.ts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useAnswerDispute, useDisputes } from '../api/pay-api.ts';
import { usePayText, yuan } from '../components/pay-text.ts';

/** Disputes: HR answers (accept → an adjustment in the next open period; reject with a reason); managers follow theirs. */
export default function PayDisputesPage() {
  const p = usePayText();
  const { text, locale } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const disputes = useDisputes();
  const answer = useAnswerDispute();
  const [open, setOpen] = useState<{ d: PayDispute; accept: boolean } | null>(null);
  const [form] = Form.useForm<{ answer: string; amount?: number }>();
  if (disputes.error) return <ApiErrorAlert error={disputes.error} />;
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{p('disputes')}</Typography.Title>
      <Table<PayDispute> rowKey="id" loading={disputes.isPending} dataSource={disputes.data?.items ?? []} data-testid="disputes-table" scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={p('noDisputes')} /> }}
        columns={[
          { title: p('period'), dataIndex: 'period' },
          { title: p('name'), dataIndex: 'staffName' },
          { title: p('line'), key: 'l', render: (_, d) => <Link to={`/pay/slips/${d.slipId}`}>{locale === 'en' ? d.lineLabelEn : d.lineLabelZh} ({yuan(d.lineAmountFen)})</Link> },
          { title: p('comment'), dataIndex: 'comment' },
          { title: p('status'), key: 's', render: (_, d) => <Tag color={d.status === 'open' ? 'blue' : d.status === 'accepted' ? 'green' : 'red'}>{p(d.status === 'open' ? 'disputeOpen' : d.status === 'accepted' ? 'disputeAccepted' : 'disputeRejected')}</Tag> },
          { title: p('answer'), key: 'a', render: (_, d) => <>{d.answer}{d.adjustment ? <div>{p('adjustmentIn', { p: d.adjustment.period, a: yuan(d.adjustment.amountFen) })}</div> : null}</> },
          { title: p('raisedAt'), key: 'c', render: (_, d) => formatDateTime(d.createdAt) },
          ...(can('pay.answerDispute') ? [{
            title: '', key: 'act', render: (_: unknown, d: PayDispute) => d.status === 'open' && (
              <>
                <Button size="small" type="primary" onClick={() => { form.resetFields(); setOpen({ d, accept: true }); }} data-testid="dispute-accept">{p('accept')}</Button>{' '}
                <Button size="small" danger onClick={() => { form.resetFields(); setOpen({ d, accept: false }); }} data-testid="dispute-reject">{p('reject')}</Button>
              </>
            ),
          }] : []),
        ]} />
      <Modal open={open !== null} title={open ? (open.accept ? p('accept') : p('reject')) : ''} onCancel={() => setOpen(null)} okButtonProps={{ 'data-testid': 'dispute-answer-ok' }}
        onOk={() => void form.validateFields().then((v) => open && answer.mutate(
          { id: open.d.id, accept: open.accept, answer: v.answer, amountFen: open.accept && v.amount !== undefined ? Math.round(v.amount * 100) : null },
          { onSuccess: () => setOpen(null), onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)) },
        ))}>
        <Form form={form} layout="vertical">
          {open?.accept && <Form.Item name="amount" label={p('correction')} rules={[{ required: true }]}><InputNumber precision={2} style={{ width: 200 }} data-testid="dispute-amount" /></Form.Item>}
          <Form.Item name="answer" label={p('answer')} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="dispute-answer" /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
