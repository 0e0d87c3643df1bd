import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { Complaint } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_SOURCE_LABELS, COMPLAINT_STATUS_LABELS, P } from '../../customers/portfolio-text.ts';
import { useStaffOptions } from '../../customers/api/customers.ts';
import { C } from '../complaint-text.ts';
import { useComplaintStats, useComplaints, useUpdateComplaint } from '../api/complaints.ts';
import { businessDaysAgo, businessToday } from '../../../lib/business-date.ts';

const statusColor = { new: 'red', in_progress: 'orange', resolved: 'green' } as const;

/** Complaints in scope with handling and resolution, and the counts per manager. */
export default function ComplaintsPage() {
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('open');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useComplaints({ ...(status === 'all' ? {} : status === 'open' ? {} : { status }), ...page });
  const [period, setPeriod] = useState<[string, string]>([businessDaysAgo(90), businessToday()]);
  const stats = useComplaintStats(period[0], period[1]);
  const update = useUpdateComplaint();
  const [resolving, setResolving] = useState<Complaint | null>(null);
  const [handling, setHandling] = useState<Complaint | null>(null);
  const [form] = Form.useForm<{ outcome: string }>();
  const [handleForm] = Form.useForm<{ handlerStaffId: number | null; deadline: Dayjs }>();
  const staff = useStaffOptions(handling !== null);
  const fail = (e: unknown) => void message.error(e instanceof ApiError ? (e.fields[0] ? text(e.fields[0].message) : text(e.text)) : String(e));
  const rows = (list.data?.items ?? []).filter((c) => status !== 'open' || c.status !== 'resolved');
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(P.complaints)}</Typography.Title>
        <span className="kehu-spacer" />
        <Segmented value={status} onChange={(v) => setStatus(String(v))} options={[
          { value: 'open', label: label(P.open) }, { value: 'resolved', label: label(P.resolved) }, { value: 'all', label: '∑' },
        ]} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {list.error ? <ApiErrorAlert error={list.error} /> : (
            <Table<Complaint> rowKey="id" size="small" loading={list.isFetching} dataSource={rows} data-testid="complaints-table" scroll={{ x: true }}
              pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
              columns={[
                { title: label(P.receivedDate), dataIndex: 'receivedDate', width: 110 },
                { title: label(P.customer), dataIndex: 'customerName' },
                { title: label(P.managers), dataIndex: 'staffName' },
                { title: label(P.handler), dataIndex: 'handlerName', render: (n: string | null) => n ?? <Typography.Text type="secondary">{label(C.unassigned)}</Typography.Text> },
                { title: label(P.source), dataIndex: 'source', render: (s: Complaint['source']) => label(COMPLAINT_SOURCE_LABELS[s]) },
                { title: label(P.category), dataIndex: 'category', render: (s: Complaint['category']) => label(COMPLAINT_CATEGORY_LABELS[s]) },
                { title: label(P.description), dataIndex: 'description' },
                { title: label(P.deadline), dataIndex: 'deadline', render: (d: string, c) => <span>{d}{c.overdue ? <Tag color="red" style={{ marginLeft: 4 }}>{label(P.overdue)}</Tag> : null}</span> },
                { title: label(P.status), dataIndex: 'status', render: (s: Complaint['status'], c) => <Tag color={statusColor[s]}>{label(COMPLAINT_STATUS_LABELS[s])}{c.outcome ? ` · ${c.outcome}` : ''}</Tag> },
                ...(can('complaints.manage') ? [{
                  title: '', key: 'act', render: (_: unknown, c: Complaint) => (c.status !== 'resolved'
                    ? (
                      <Space size={4}>
                        <Button size="small" data-testid={`handle-${c.id}`} onClick={() => { handleForm.setFieldsValue({ handlerStaffId: c.handlerStaffId, deadline: dayjs(c.deadline) }); setHandling(c); }}>{label(C.handle)}</Button>
                        <Button size="small" data-testid={`resolve-${c.id}`} onClick={() => setResolving(c)}>{label(P.resolve)}</Button>
                      </Space>
                    ) : null),
                }] : []),
              ]} />
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={label(C.stats)} extra={
            <DatePicker.RangePicker size="small" allowClear={false} data-testid="complaint-period" value={[dayjs(period[0]), dayjs(period[1])]}
              onChange={(v) => { if (v?.[0] && v[1]) setPeriod([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')]); }} />
          }>
            <Table size="small" rowKey="staffId" pagination={false} loading={stats.isLoading} dataSource={stats.data?.items ?? []} data-testid="complaint-stats"
              columns={[
                { title: label(P.managers), dataIndex: 'name' },
                { title: label(P.total), dataIndex: 'total', align: 'right' },
                { title: label(P.resolved), dataIndex: 'resolved', align: 'right' },
                { title: label(P.open), dataIndex: 'open', align: 'right' },
                { title: label(P.overdue), dataIndex: 'overdue', align: 'right' },
              ]} />
          </Card>
        </Col>
      </Row>
      <Modal open={!!handling} title={label(C.handle)} onCancel={() => setHandling(null)} onOk={() => handleForm.submit()} confirmLoading={update.isPending} okButtonProps={{ 'data-testid': 'handle-submit' }} forceRender>
        <Form form={handleForm} layout="vertical" onFinish={(v) => handling && update.mutate({ id: handling.id, body: { status: 'in_progress', handlerStaffId: v.handlerStaffId ?? null, deadline: v.deadline.format('YYYY-MM-DD') } }, {
          onSuccess: () => { setHandling(null); void message.success(label(C.handled)); },
          onError: fail,
        })}>
          <Form.Item name="handlerStaffId" label={label(P.handler)} rules={[{ required: true }]}>
            <Select data-testid="handle-handler" showSearch optionFilterProp="label" loading={staff.isLoading}
              options={(staff.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgUnitName}）` }))} />
          </Form.Item>
          <Form.Item name="deadline" label={label(P.deadline)} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} data-testid="handle-deadline" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!resolving} title={label(P.resolve)} onCancel={() => setResolving(null)} onOk={() => form.submit()} confirmLoading={update.isPending} okButtonProps={{ 'data-testid': 'resolve-submit' }} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => resolving && update.mutate({ id: resolving.id, body: { status: 'resolved', outcome: v.outcome } }, {
          onSuccess: () => { setResolving(null); form.resetFields(); void message.success(label(P.resolved)); },
          onError: fail,
        })}>
          <Form.Item name="outcome" label={label(P.outcome)} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="resolve-outcome" /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
