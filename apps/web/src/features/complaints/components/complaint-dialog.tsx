import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { COMPLAINT_CATEGORIES, COMPLAINT_SOURCES } from '@kehu/domain';
import type { ComplaintCreate } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_SOURCE_LABELS, P } from '../../customers/portfolio-text.ts';
import { useCreateComplaint } from '../api/complaints.ts';
import { businessDay } from '../../../lib/business-date.ts';

interface Values { source: ComplaintCreate['source']; category: ComplaintCreate['category']; description: string; receivedDate: Dayjs; deadline?: Dayjs }

/** Records a complaint about a customer's manager; the deadline defaults to 15 days. */
export function ComplaintDialog({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateComplaint();
  return (
    <Modal open={open} title={label(P.newComplaint)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'complaint-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ receivedDate: businessDay(), source: 'phone', category: 'service_attitude' }} onFinish={(v) => create.mutate(
        { customerId, source: v.source, category: v.category, description: v.description, receivedDate: v.receivedDate.format('YYYY-MM-DD'), ...(v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}) },
        {
          onSuccess: () => { void message.success(label(P.complaintSaved)); form.resetFields(); onClose(); },
          onError: (e) => {
            if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path as keyof Values, errors: [text(f.message)] })));
            else void message.error(e instanceof ApiError ? text(e.text) : String(e));
          },
        },
      )}>
        <Form.Item name="source" label={label(P.source)} rules={[{ required: true }]}><Select options={COMPLAINT_SOURCES.map((s) => ({ value: s, label: label(COMPLAINT_SOURCE_LABELS[s]) }))} /></Form.Item>
        <Form.Item name="category" label={label(P.category)} rules={[{ required: true }]}><Select data-testid="complaint-category" options={COMPLAINT_CATEGORIES.map((s) => ({ value: s, label: label(COMPLAINT_CATEGORY_LABELS[s]) }))} /></Form.Item>
        <Form.Item name="description" label={label(P.description)} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="complaint-description" /></Form.Item>
        <Form.Item name="receivedDate" label={label(P.receivedDate)} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="deadline" label={label(P.deadline)}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}
