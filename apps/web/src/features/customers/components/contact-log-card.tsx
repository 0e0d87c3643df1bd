import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { CONTACT_CHANNELS, type BigCustomerContact } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useSession } from '../../../app/session-context.ts';
import { useContactLog, useCorrectContact, useDeleteContact, useRecordContact } from '../api/contacts.ts';
import { P, VISIT_STATUS_LABELS, fill } from '../portfolio-text.ts';
import { businessDay } from '../../../lib/business-date.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('大客户服务档案 · 联系日志', 'Big-customer service archive · contact log'),
  record: l('记录联系', 'Record a contact'),
  date: l('联系日期', 'Date'),
  person: l('联系人', 'Contact person'),
  channel: l('方式', 'Channel'),
  content: l('联系内容', 'What was discussed'),
  followUp: l('后续跟进', 'Follow-up'),
  next: l('按制度每 {m} 个月联系一次，下次应在 {d} 前', 'Contact every {m} months by the policy; next by {d}'),
  none: l('本制度未要求定期联系', 'The policy asks for no regular contact'),
  saved: l('联系已记录', 'Contact recorded'),
  correct: l('更正', 'Correct'),
  correctTitle: l('更正联系记录', 'Correct the contact entry'),
  corrected: l('联系记录已更正', 'Contact entry corrected'),
  remove: l('删除', 'Delete'),
  removeConfirm: l('删除这条联系记录？', 'Delete this contact entry?'),
  removed: l('联系记录已删除', 'Contact entry deleted'),
};
const CHANNEL_LABELS: Record<BigCustomerContact['channel'], { zh: string; en: string }> = {
  visit: l('上门走访', 'Visit'), phone: l('电话', 'Phone'), meeting: l('座谈会', 'Meeting'), wechat: l('微信', 'WeChat'), email: l('邮件', 'E-mail'), other: l('其他', 'Other'),
};
const statusColor = { overdue: 'red', due: 'orange', ok: 'green', not_required: 'default' } as const;

interface Values { contactDate: Dayjs; contactPerson: string; channel: BigCustomerContact['channel']; content: string; followUp?: string }

/**
 * A big customer's contact log with the next regular contact the policy asks for (供电局细则 5.6).
 * Its author or HR (customers.correctContacts) corrects or deletes an entry.
 */
export function ContactLogCard({ customerId, canWrite }: { customerId: number; canWrite: boolean }) {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const log = useContactLog(customerId, true);
  const record = useRecordContact(customerId);
  const correct = useCorrectContact(customerId);
  const remove = useDeleteContact(customerId);
  const me = useSession();
  const mayCorrect = (c: BigCustomerContact) => me.permissions.includes('customers.correctContacts') || (canWrite && me.staffId === c.staffId);
  // null: closed; 'new': recording; an entry: correcting it.
  const [editing, setEditing] = useState<BigCustomerContact | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const d = log.data;
  const onError = (e: Error) => {
    if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path as keyof Values, errors: [text(f.message)] })));
    else void message.error(e instanceof ApiError ? text(e.text) : String(e));
  };
  const submit = (v: Values) => {
    const body = { contactDate: v.contactDate.format('YYYY-MM-DD'), contactPerson: v.contactPerson, channel: v.channel, content: v.content, followUp: v.followUp ?? '' };
    const done = (msg: typeof T.saved) => () => { void message.success(label(msg)); setEditing(null); };
    if (editing === 'new') record.mutate(body, { onSuccess: done(T.saved), onError });
    else if (editing) correct.mutate({ id: editing.id, body }, { onSuccess: done(T.corrected), onError });
  };
  const startCorrect = (c: BigCustomerContact) => {
    form.setFieldsValue({ contactDate: dayjs(c.contactDate), contactPerson: c.contactPerson, channel: c.channel, content: c.content, followUp: c.followUp });
    setEditing(c);
  };
  return (
    <Card size="small" title={label(T.title)} data-testid="contact-log"
      extra={canWrite ? <Button size="small" type="primary" data-testid="contact-record" onClick={() => { form.resetFields(); setEditing('new'); }}>{label(T.record)}</Button> : null}>
      {d ? (
        <Typography.Paragraph data-testid="contact-next">
          {d.everyMonths !== null && d.nextDue
            ? <><Tag color={statusColor[d.status]}>{label(VISIT_STATUS_LABELS[d.status])}</Tag>{fill(label(T.next), { m: d.everyMonths, d: d.nextDue })}</>
            : label(T.none)}
        </Typography.Paragraph>
      ) : null}
      <Table<BigCustomerContact> size="small" rowKey="id" loading={log.isLoading} dataSource={d?.items ?? []} pagination={{ pageSize: 5 }} scroll={{ x: true }}
        columns={[
          { title: label(T.date), dataIndex: 'contactDate', width: 110 },
          { title: label(T.person), dataIndex: 'contactPerson' },
          { title: label(T.channel), dataIndex: 'channel', render: (c: BigCustomerContact['channel']) => label(CHANNEL_LABELS[c]) },
          { title: label(T.content), dataIndex: 'content' },
          { title: label(T.followUp), dataIndex: 'followUp', render: (f: string) => f || '—' },
          { title: label(P.managers), dataIndex: 'staffName', width: 80 },
          {
            title: '', key: 'actions', width: 130,
            render: (_: unknown, c: BigCustomerContact) => (mayCorrect(c) ? (
              <Space size="small">
                <Button size="small" data-testid={`contact-correct-${c.id}`} onClick={() => startCorrect(c)}>{label(T.correct)}</Button>
                <Popconfirm title={label(T.removeConfirm)} okButtonProps={{ danger: true, 'data-testid': `contact-delete-ok-${c.id}` }}
                  onConfirm={() => remove.mutate(c.id, { onSuccess: () => void message.success(label(T.removed)), onError })}>
                  <Button size="small" danger data-testid={`contact-delete-${c.id}`}>{label(T.remove)}</Button>
                </Popconfirm>
              </Space>
            ) : null),
          },
        ]} />
      <Modal open={editing !== null} title={label(editing === 'new' ? T.record : T.correctTitle)} onCancel={() => setEditing(null)} onOk={() => form.submit()}
        confirmLoading={record.isPending || correct.isPending} okButtonProps={{ 'data-testid': 'contact-submit' }} forceRender>
        <Form form={form} layout="vertical" initialValues={{ contactDate: businessDay(), channel: 'visit' }} onFinish={submit}>
          <Form.Item name="contactDate" label={label(T.date)} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="contactPerson" label={label(T.person)} rules={[{ required: true }]}><Input data-testid="contact-person" maxLength={50} /></Form.Item>
          <Form.Item name="channel" label={label(T.channel)} rules={[{ required: true }]}><Select options={CONTACT_CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS[c]) }))} /></Form.Item>
          <Form.Item name="content" label={label(T.content)} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="contact-content" maxLength={2000} /></Form.Item>
          <Form.Item name="followUp" label={label(T.followUp)}><Input.TextArea rows={2} data-testid="contact-follow-up" maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
