import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import { HIRE_TYPES, LABELS, POSITIONS } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useOrgUnits } from '../../org-units/api/list-org-units.ts';
import { useAssignPlan, useCreatePlan, usePlans, type PlansView } from '../api/pay-api.ts';
import { AssignmentEditor } from '../components/assignment-editor.tsx';
import { usePayText } from '../components/pay-text.ts';

/** HR: plans (policy versions, frozen when created) and who each applies to, by position, unit and hire type, with dates. */
export default function PayPlansPage() {
  const p = usePayText();
  const { text, label } = useI18n();
  const { message } = App.useApp();
  const plans = usePlans();
  const units = useOrgUnits();
  const createPlan = useCreatePlan();
  const assign = useAssignPlan();
  const [planForm] = Form.useForm<{ presetId: string; code: string; title: string; version: string }>();
  const [assignForm] = Form.useForm<{ planId: number; position?: string; orgUnitId?: number; hireType?: string; validFrom: { format: (f: string) => string }; validTo?: { format: (f: string) => string } | null }>();
  const [editing, setEditing] = useState<{ mode: 'edit' | 'end'; a: PlansView['assignments'][number] } | null>(null);
  const fail = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));
  if (plans.error) return <ApiErrorAlert error={plans.error} />;
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{p('plans')}</Typography.Title>
      <Card size="small" title={p('plans')} style={{ marginBottom: 16 }}>
        <Table<PlansView['plans'][number]> size="small" rowKey="id" pagination={false} dataSource={plans.data?.plans ?? []} data-testid="plans-table" scroll={{ x: 'max-content' }} locale={{ emptyText: <Empty description={p('noPlans')} /> }}
          columns={[{ title: p('code'), dataIndex: 'code' }, { title: p('title'), dataIndex: 'title' }, { title: p('version'), dataIndex: 'version' }, { title: p('preset'), key: 'ps', render: (_, x) => plans.data?.presets.find((s) => s.id === x.presetId)?.title ?? x.presetId ?? '—' }]} />
        <Form form={planForm} layout="inline" style={{ marginTop: 12 }} onFinish={(v) => createPlan.mutate({ ...v, document: null }, { onError: fail, onSuccess: () => planForm.resetFields() })}>
          <Form.Item name="presetId" rules={[{ required: true }]}><Select style={{ width: 260 }} placeholder={p('preset')} options={(plans.data?.presets ?? []).map((x) => ({ value: x.id, label: x.title }))} /></Form.Item>
          <Form.Item name="code" rules={[{ required: true }]}><Input placeholder={p('code')} /></Form.Item>
          <Form.Item name="title" rules={[{ required: true }]}><Input placeholder={p('title')} /></Form.Item>
          <Form.Item name="version" rules={[{ required: true }]}><Input placeholder={p('version')} style={{ width: 100 }} /></Form.Item>
          <Button type="primary" htmlType="submit">{p('newPlan')}</Button>
        </Form>
      </Card>
      <Card size="small" title={p('assignments')}>
        <Table<PlansView['assignments'][number]> size="small" rowKey="id" pagination={false} dataSource={plans.data?.assignments ?? []} data-testid="assignments-table" scroll={{ x: 'max-content' }} locale={{ emptyText: <Empty description={p('noAssignments')} /> }}
          columns={[
            { title: p('plan'), dataIndex: 'planTitle' }, { title: p('position'), key: 'p', render: (_, a) => (a.position ? label((LABELS.position as Record<string, { zh: string; en: string }>)[a.position], a.position) : p('any')) },
            { title: p('unit'), key: 'u', render: (_, a) => a.orgUnitName ?? p('any') }, { title: p('hireType'), key: 'h', render: (_, a) => (a.hireType ? label((LABELS.hireType as Record<string, { zh: string; en: string }>)[a.hireType], a.hireType) : p('any')) },
            { title: p('validFrom'), dataIndex: 'validFrom' }, { title: p('validTo'), key: 't', render: (_, a) => a.validTo ?? '—' },
            {
              title: '', key: 'x', render: (_, a) => (
                <Space size="small">
                  <Button size="small" onClick={() => setEditing({ mode: 'edit', a })} data-testid={`assignment-edit-${a.id}`}>{p('edit')}</Button>
                  <Button size="small" onClick={() => setEditing({ mode: 'end', a })} data-testid={`assignment-end-${a.id}`}>{p('end')}</Button>
                </Space>
              ),
            },
          ]} />
        <AssignmentEditor mode={editing?.mode ?? 'edit'} assignment={editing?.a ?? null} plans={plans.data?.plans ?? []} onClose={() => setEditing(null)} />
        <Form form={assignForm} layout="inline" style={{ marginTop: 12 }} onFinish={(v) => assign.mutate({
          planId: v.planId, position: v.position ?? null, orgUnitId: v.orgUnitId ?? null, hireType: v.hireType ?? null, validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
        }, { onError: fail, onSuccess: () => assignForm.resetFields() })}>
          <Form.Item name="planId" rules={[{ required: true }]}><Select style={{ width: 200 }} placeholder={p('plan')} options={(plans.data?.plans ?? []).map((x) => ({ value: x.id, label: `${x.title} ${x.version}` }))} /></Form.Item>
          <Form.Item name="position"><Select allowClear style={{ width: 170 }} placeholder={p('position')} options={POSITIONS.map((x) => ({ value: x, label: label(LABELS.position[x]) }))} /></Form.Item>
          <Form.Item name="orgUnitId"><Select allowClear style={{ width: 160 }} placeholder={p('unit')} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="hireType"><Select allowClear style={{ width: 120 }} placeholder={p('hireType')} options={HIRE_TYPES.map((x) => ({ value: x, label: label(LABELS.hireType[x]) }))} /></Form.Item>
          <Form.Item name="validFrom" rules={[{ required: true }]}><DatePicker placeholder={p('validFrom')} /></Form.Item>
          <Form.Item name="validTo"><DatePicker placeholder={p('validTo')} /></Form.Item>
          <Space><Button type="primary" htmlType="submit">{p('assign')}</Button></Space>
        </Form>
      </Card>
    </div>
  );
}
