import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ASSIGNMENT_ROLES, type AssignmentRole } from '@kehu/domain';
import type { Assignment } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useSetAssignments, useStaffOptions } from '../api/customers.ts';
import { P, ROLE_LABELS_P } from '../portfolio-text.ts';
import { businessDay } from '../../../lib/business-date.ts';

interface Values { effectiveDate: Dayjs; items: { staffId: number; role: AssignmentRole; share: string }[] }

/** A supervisor sets who manages the customer, with roles and shares (≤ 100% together), from a date. */
export function AssignmentDialog({ customerId, current, open, onClose }: { customerId: number; current: Assignment[]; open: boolean; onClose: () => void }) {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const staff = useStaffOptions(open);
  const save = useSetAssignments();
  return (
    <Modal open={open} width={640} title={label(P.assign)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{label(P.assignHint)}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ effectiveDate: businessDay(), items: current.map((a) => ({ staffId: a.staffId, role: a.role, share: a.share })) }}
        onFinish={(v) => save.mutate({ id: customerId, body: { effectiveDate: v.effectiveDate.format('YYYY-MM-DD'), items: v.items ?? [] } }, {
          onSuccess: () => { void message.success(label(P.save)); onClose(); },
          onError: (e) => {
            if (e instanceof ApiError && e.fields.length) {
              const first = e.fields[0]!;
              form.setFields(e.fields.map((f) => ({ name: f.path.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)) as never, errors: [text(f.message)] })));
              if (first.path === 'items') void message.error(text(first.message));
            } else void message.error(e instanceof ApiError ? text(e.text) : String(e));
          },
        })}>
        <Form.Item name="effectiveDate" label={label(P.effectiveDate)} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'staffId']} rules={[{ required: true }]}><Select style={{ width: 200 }} showSearch optionFilterProp="label" options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.orgUnitName}）` }))} /></Form.Item>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}><Select style={{ width: 110 }} options={ASSIGNMENT_ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS_P[r]) }))} /></Form.Item>
                  <Form.Item name={[f.name, 'share']} rules={[{ required: true }]}><Input style={{ width: 100 }} suffix="%" /></Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>×</Button>
                </Space>
              ))}
              <Button onClick={() => add({ role: 'manage', share: '100' })}>{label(P.addManager)}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
