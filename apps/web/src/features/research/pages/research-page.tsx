import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ResearchOverview } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan, useSession } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useResearch, useReviewResearch, useSubmitResearch } from '../api/research.ts';
import { businessToday } from '../../../lib/business-date.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('市场调研报告（每半年一份）', 'Market-research reports (one per half-year)'), period: l('半年度', 'Half-year'), manager: l('客户经理', 'Manager'),
  unit: l('所属机构', 'Unit'), status: l('状态', 'Status'), report: l('报告', 'Report'), submit: l('提交报告', 'Submit report'),
  reportTitle: l('标题', 'Title'), content: l('内容', 'Content'), accept: l('通过', 'Accept'), ret: l('退回', 'Return'), note: l('意见', 'Note'), overdue: l('逾期', 'Overdue'),
};
const STATUS = { missing: l('未提交', 'Missing'), submitted: l('待审阅', 'Submitted'), accepted: l('已通过', 'Accepted'), returned: l('已退回', 'Returned') } as const;
const COLOR = { missing: 'default', submitted: 'processing', accepted: 'success', returned: 'warning' } as const;

function halfYears(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const h = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  const out: string[] = [];
  for (let i = 0, yy = y, hh = h; i < 4; i++) { out.push(`${yy}-H${hh}`); if (hh === 1) { yy--; hh = 2; } else hh = 1; }
  return out;
}

type Item = ResearchOverview['items'][number];

/** Half-yearly market-research reports: who owes one, submissions, review. */
export default function ResearchPage() {
  const { label, text } = useI18n();
  const can = useCan();
  const me = useSession();
  const { message } = App.useApp();
  const periods = halfYears(businessToday());
  const [period, setPeriod] = useState(periods[0]!);
  const data = useResearch(period);
  const submit = useSubmitResearch();
  const review = useReviewResearch();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; content: string }>();
  const onErr = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));
  const mine = data.data?.items.find((i) => i.staffId === me.staffId);
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(T.title)}</Typography.Title>
        <span className="kehu-spacer" />
        <Space>
          <Select value={period} onChange={setPeriod} options={periods.map((p) => ({ value: p, label: p }))} style={{ width: 120 }} />
          {can('visits.write') && me.staffId && (!mine || mine.status === 'missing' || mine.status === 'returned')
            ? <Button type="primary" data-testid="research-submit" onClick={() => setOpen(true)}>{label(T.submit)}</Button> : null}
        </Space>
      </div>
      {data.error ? <ApiErrorAlert error={data.error} /> : (
        <Table<Item> rowKey="staffId" size="middle" loading={data.isFetching} dataSource={data.data?.items ?? []} pagination={false} data-testid="research-table"
          expandable={{ rowExpandable: (r) => !!r.report, expandedRowRender: (r) => <div style={{ whiteSpace: 'pre-wrap' }}>{r.report?.content}{r.report?.reviewNote ? `\n\n${label(T.note)}: ${r.report.reviewNote}` : ''}</div> }}
          columns={[
            { title: label(T.manager), dataIndex: 'name' },
            { title: label(T.unit), dataIndex: 'orgUnitName' },
            { title: label(T.report), key: 'r', render: (_: unknown, r) => r.report?.title ?? '—' },
            { title: label(T.status), key: 's', render: (_: unknown, r) => <Space><Tag color={COLOR[r.status]}>{label(STATUS[r.status])}</Tag>{r.overdue ? <Tag color="red">{label(T.overdue)}</Tag> : null}</Space> },
            ...(can('customers.approve') ? [{
              title: '', key: 'act', render: (_: unknown, r: Item) => (r.report && r.status === 'submitted' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => review.mutate({ id: r.report!.id, body: { decision: 'accept', note: '' } }, { onError: onErr })}>{label(T.accept)}</Button>
                  <Button size="small" onClick={() => review.mutate({ id: r.report!.id, body: { decision: 'return', note: '' } }, { onError: onErr })}>{label(T.ret)}</Button>
                </Space>
              ) : null),
            }] : []),
          ]} />
      )}
      <Modal open={open} title={`${label(T.submit)} · ${period}`} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={submit.isPending} destroyOnHidden width={680}>
        <Form form={form} layout="vertical" onFinish={(v) => submit.mutate({ period, ...v }, { onSuccess: () => { setOpen(false); form.resetFields(); }, onError: onErr })}>
          <Form.Item name="title" label={label(T.reportTitle)} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="content" label={label(T.content)} rules={[{ required: true }]}><Input.TextArea rows={10} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
