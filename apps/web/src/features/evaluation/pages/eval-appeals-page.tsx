import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Empty, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useAnswerAppeal, useAppeals, type Appeal } from '../api/evaluation.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  none: l('暂无考核申诉', 'No appeals'), title: l('考核申诉复核', 'Evaluation appeals'), person: l('申诉人', 'Person'), cycle: l('考核周期', 'Cycle'), reason: l('理由', 'Reason'), band: l('当前等次', 'Band'),
  status: l('状态', 'Status'), answer: l('复核', 'Re-review'), accept: l('受理并调整', 'Accept and change'), reject: l('驳回', 'Reject'), newBand: l('调整后等次', 'New band'),
  reply: l('复核意见', 'Answer'), notYou: l('首次考核人不能复核', 'The first evaluator may not re-review'),
};
const STATUS = { open: l('待复核', 'Open'), accepted: l('已受理', 'Accepted'), rejected: l('已驳回', 'Rejected') } as const;

/** Appeals re-reviewed by someone other than the first evaluator. */
export default function EvalAppealsPage() {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const appeals = useAppeals();
  const answer = useAnswerAppeal();
  const [current, setCurrent] = useState<Appeal | null>(null);
  const [accept, setAccept] = useState(true);
  const [band, setBand] = useState<string | undefined>();
  const [reply, setReply] = useState('');
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{label(T.title)}</Typography.Title>
      {appeals.error ? <ApiErrorAlert error={appeals.error} /> : (
        <Table<Appeal> rowKey="id" size="middle" pagination={false} dataSource={appeals.data?.items ?? []} data-testid="appeals-table" locale={{ emptyText: <Empty description={label(T.none)} /> }}
          columns={[
            { title: label(T.person), key: 'p', render: (_: unknown, a) => <Link to={`/eval/results/${a.resultId}`}>{a.name}</Link> },
            { title: label(T.cycle), dataIndex: 'cycleName' },
            { title: label(T.reason), dataIndex: 'reason' },
            { title: label(T.band), key: 'b', render: (_: unknown, a) => a.band ?? '—' },
            { title: label(T.status), key: 's', render: (_: unknown, a) => <Tag>{label(STATUS[a.status as keyof typeof STATUS] ?? l(a.status, a.status))}</Tag> },
            { title: '', key: 'act', render: (_: unknown, a) => (a.status !== 'open' ? a.answer : a.mayAnswer
              ? <Button size="small" type="primary" data-testid={`answer-${a.name}`} onClick={() => { setCurrent(a); setAccept(true); setBand(undefined); setReply(''); }}>{label(T.answer)}</Button>
              : <Typography.Text type="secondary">{label(T.notYou)}</Typography.Text>) },
          ]} />
      )}
      <Modal open={!!current} title={`${label(T.answer)} · ${current?.name ?? ''}`} onCancel={() => setCurrent(null)} okButtonProps={{ disabled: !reply.trim() || (accept && !band), 'data-testid': 'answer-submit' }}
        onOk={() => current && answer.mutate({ id: current.id, body: { accept, ...(accept ? { band } : {}), answer: reply } }, { onSuccess: () => setCurrent(null), onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)) })}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={accept} onChange={(e) => setAccept(e.target.value as boolean)} options={[{ value: true, label: label(T.accept) }, { value: false, label: label(T.reject) }]} />
          {accept ? <Select placeholder={label(T.newBand)} value={band} onChange={setBand} style={{ width: 160 }} data-testid="answer-band" options={['A', 'B', 'C', 'D'].map((b) => ({ value: b, label: b }))} /> : null}
          <Input.TextArea rows={3} placeholder={label(T.reply)} value={reply} onChange={(e) => setReply(e.target.value)} data-testid="answer-text" />
        </Space>
      </Modal>
    </div>
  );
}
