import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { HIRE_TYPES, LABELS, POSITIONS } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useOrgUnits } from '../../org-units/api/list-org-units.ts';
import { useEndAssignment, useUpdateAssignment, type PlansView } from '../api/pay-api.ts';
import { usePayText } from './pay-text.ts';

type Assignment = PlansView['assignments'][number];
interface Values { planId: number; position?: string | null; orgUnitId?: number | null; hireType?: string | null; validFrom: Dayjs; validTo?: Dayjs | null }

/**
 * Edit or end a plan assignment. The server checks end ≥ start, no second assignment of the same
 * group on any day, and that days of locked periods keep their plan; its zh/en message is shown
 * on the field it names.
 */
export function AssignmentEditor({ mode, assignment, plans, onClose }: { mode: 'edit' | 'end'; assignment: Assignment | null; plans: PlansView['plans']; onClose: () => void }) {
  const p = usePayText();
  const { text, label } = useI18n();
  const { message } = App.useApp();
  const units = useOrgUnits();
  const update = useUpdateAssignment();
  const end = useEndAssignment();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!assignment) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      planId: assignment.planId, position: assignment.position, orgUnitId: assignment.orgUnitId, hireType: assignment.hireType,
      validFrom: dayjs(assignment.validFrom), validTo: assignment.validTo ? dayjs(assignment.validTo) : null,
    });
  }, [assignment, form]);
  const fail = (e: unknown) => {
    if (!(e instanceof ApiError)) { setError(String(e)); return; }
    setError(text(e.text));
    form.setFields(e.fields.filter((f) => ['planId', 'position', 'orgUnitId', 'hireType', 'validFrom', 'validTo'].includes(f.path))
      .map((f) => ({ name: (mode === 'end' && f.path === 'validFrom' ? 'validTo' : f.path) as keyof Values, errors: [text(f.message)] })));
  };
  const done = () => { void message.success(p('saved')); onClose(); };
  const submit = (v: Values) => {
    if (!assignment) return;
    setError(null);
    const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
    if (mode === 'end') end.mutate({ id: assignment.id, validTo: day(v.validTo)! }, { onSuccess: done, onError: fail });
    else update.mutate({ id: assignment.id, planId: v.planId, position: v.position ?? null, orgUnitId: v.orgUnitId ?? null, hireType: v.hireType ?? null, validFrom: day(v.validFrom)!, validTo: day(v.validTo) }, { onSuccess: done, onError: fail });
  };
  return (
    <Modal open={assignment !== null} title={`${p(mode === 'end' ? 'endAssignment' : 'editAssignment')} · ${assignment?.planTitle ?? ''}`} okText={p('save')}
      okButtonProps={{ 'data-testid': 'assignment-save', loading: update.isPending || end.isPending }} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="assignment-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="assignment-form">
        {mode === 'edit' && (
          <>
            <Form.Item name="planId" label={p('plan')} rules={[{ required: true }]}><Select options={plans.map((x) => ({ value: x.id, label: `${x.title} ${x.version}` }))} /></Form.Item>
            <Form.Item name="position" label={p('position')}><Select allowClear placeholder={p('any')} options={POSITIONS.map((x) => ({ value: x, label: label(LABELS.position[x]) }))} /></Form.Item>
            <Form.Item name="orgUnitId" label={p('unit')}><Select allowClear placeholder={p('any')} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
            <Form.Item name="hireType" label={p('hireType')}><Select allowClear placeholder={p('any')} options={HIRE_TYPES.map((x) => ({ value: x, label: label(LABELS.hireType[x]) }))} /></Form.Item>
            <Form.Item name="validFrom" label={p('validFrom')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          </>
        )}
        <Form.Item name="validTo" label={p(mode === 'end' ? 'endOn' : 'validTo')} rules={mode === 'end' ? [{ required: true }] : []}>
          <DatePicker data-testid="assignment-valid-to" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
