import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useColleagues, useCreateRequest } from '../api/requests.ts';
import { P } from '../portfolio-text.ts';
import { businessDay } from '../../../lib/business-date.ts';

/** A manager asks to transfer one of their customers to a colleague; the supervisor decides. */
export function TransferDialog({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ toStaffId: number; effectiveDate: Dayjs; reason?: string }>();
  const colleagues = useColleagues(open);
  const create = useCreateRequest();
  return (
    <Modal open={open} title={label(P.transfer)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'transfer-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ effectiveDate: businessDay() }} onFinish={(v) => create.mutate(
        { kind: 'transfer', customerId, toStaffId: v.toStaffId, effectiveDate: v.effectiveDate.format('YYYY-MM-DD'), reason: v.reason ?? '' },
        {
          onSuccess: () => { void message.success(label(P.requestSent)); onClose(); },
          onError: (e) => {
            if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path as 'toStaffId', errors: [text(f.message)] })));
            else void message.error(e instanceof ApiError ? text(e.text) : String(e));
          },
        },
      )}>
        <Form.Item name="toStaffId" label={label(P.transferTo)} rules={[{ required: true }]}>
          <Select data-testid="transfer-to" loading={colleagues.isLoading} options={(colleagues.data?.items ?? []).map((c) => ({ value: c.staffId, label: `${c.name}（${c.orgUnitName}）` }))} />
        </Form.Item>
        <Form.Item name="effectiveDate" label={label(P.effectiveDate)} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="reason" label={label(P.reason)}><Input.TextArea rows={2} data-testid="transfer-reason" /></Form.Item>
      </Form>
    </Modal>
  );
}
