import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { EvalCycle } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { useCreateCycle, useCycles, useScorecards } from '../api/evaluation.ts';
import { EVAL_STATUS, statusColor } from '../components/eval-text.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('考核周期', 'Evaluation cycles'), create: l('新建考核周期', 'New cycle'), name: l('名称', 'Name'), kind: l('周期', 'Period'), range: l('起止日期', 'Dates'),
  scorecard: l('考核方案', 'Scorecard'), from: l('开始日期', 'Starts'), to: l('结束日期', 'Ends'), unit: l('考核范围（机构，含下级；不选为全部）', 'Unit (with sub-units; empty = all)'), people: l('人数', 'People'), status: l('状态', 'Status'), progress: l('进度', 'Progress'),
};
const KIND = { month: l('月度', 'Month'), quarter: l('季度', 'Quarter'), half_year: l('半年', 'Half-year'), year: l('年度', 'Year') } as const;

/** HR sets up cycles; supervisors and HR open a cycle's progress board. */
export default function EvalCyclesPage() {
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const cycles = useCycles();
  const scorecards = useScorecards();
  const units = useQuery({ queryKey: ['eval', 'units'], queryFn: () => apiRequest<{ items: { id: number; name: string }[] }>('/api/v1/org-units') });
  const create = useCreateCycle();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const onErr = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(T.title)}</Typography.Title>
        <span className="kehu-spacer" />
        {can('eval.setup') ? <Button type="primary" data-testid="cycle-new" onClick={() => setOpen(true)}>{label(T.create)}</Button> : null}
      </div>
      {cycles.error ? <ApiErrorAlert error={cycles.error} /> : (
        <Table<EvalCycle> rowKey="id" size="middle" loading={cycles.isFetching} dataSource={cycles.data?.items ?? []} pagination={false} data-testid="cycle-table"
          columns={[
            { title: label(T.name), key: 'n', render: (_: unknown, c) => <Link to={`/eval/cycles/${c.id}`}>{c.name}</Link> },
            { title: label(T.kind), key: 'k', render: (_: unknown, c) => label(KIND[c.periodKind as keyof typeof KIND] ?? KIND.quarter) },
            { title: label(T.range), key: 'r', render: (_: unknown, c) => `${c.startsOn} ~ ${c.endsOn}` },
            { title: label(T.people), dataIndex: 'people' },
            { title: label(T.progress), key: 'p', render: (_: unknown, c) => <Space wrap>{Object.entries(c.counts).map(([s, n]) => <Tag key={s} color={statusColor(s)}>{label(EVAL_STATUS[s] ?? l(s, s))} {n}</Tag>)}</Space> },
            { title: label(T.status), key: 's', render: (_: unknown, c) => <Tag color={statusColor(c.status)}>{label(EVAL_STATUS[c.status] ?? l(c.status, c.status))}</Tag> },
          ]} />
      )}
      <Modal open={open} title={label(T.create)} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ periodKind: 'quarter', scorecardId: 'tobacco-evaluation' }}
          onFinish={(v: { name: string; periodKind: 'quarter'; scorecardId: string; orgUnitId?: number; startsOn: { format(f: string): string }; endsOn: { format(f: string): string } }) =>
            create.mutate({ name: v.name, periodKind: v.periodKind, scorecardId: v.scorecardId, ...(v.orgUnitId ? { orgUnitId: v.orgUnitId } : {}), startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn.format('YYYY-MM-DD'), positions: ['customer_manager', 'seat_operator', 'big_customer_manager'] },
              { onSuccess: () => { setOpen(false); form.resetFields(); }, onError: onErr })}>
          <Form.Item name="name" label={label(T.name)} rules={[{ required: true }]}><Input data-testid="cycle-name" /></Form.Item>
          <Form.Item name="periodKind" label={label(T.kind)}><Select options={Object.entries(KIND).map(([value, t]) => ({ value, label: label(t) }))} /></Form.Item>
          <Space>
            <Form.Item name="startsOn" label={label(T.from)} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="endsOn" label={label(T.to)} rules={[{ required: true }]}><DatePicker /></Form.Item>
          </Space>
          <Form.Item name="orgUnitId" label={label(T.unit)}><Select allowClear showSearch optionFilterProp="label" options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="scorecardId" label={label(T.scorecard)}><Select options={(scorecards.data?.items ?? []).map((s) => ({ value: s.id, label: label(s.title) }))} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
