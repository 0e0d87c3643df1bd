import { App, Button, DatePicker, Drawer, Form, Input, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { P } from '../../customers/portfolio-text.ts';
import { useCreateVisit } from '../api/visits.ts';
import { businessDay } from '../../../lib/business-date.ts';

interface Values { visitDate: Dayjs; purpose: string; findings?: string; customerRequests?: string; followUp?: string }

/** Quick visit entry (走访调查表), a full-width drawer on a phone. */
export function VisitFormDrawer({ customer, onClose }: { customer: { id: number; name: string } | null; onClose: () => void }) {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [photo, setPhoto] = useState<string | null>(null);
  const create = useCreateVisit();
  const submit = (v: Values) => {
    if (!customer) return;
    create.mutate({ customerId: customer.id, visitDate: v.visitDate.format('YYYY-MM-DD'), purpose: v.purpose, findings: v.findings ?? '', customerRequests: v.customerRequests ?? '', followUp: v.followUp ?? '', photo }, {
      onSuccess: () => { void message.success(label(P.visitSaved)); form.resetFields(); setPhoto(null); onClose(); },
      onError: (e) => {
        if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path as keyof Values, errors: [text(f.message)] })));
        else void message.error(e instanceof ApiError ? text(e.text) : String(e));
      },
    });
  };
  return (
    <Drawer open={!!customer} onClose={onClose} title={`${label(P.recordVisit)} · ${customer?.name ?? ''}`} size="large" styles={{ wrapper: { maxWidth: '100vw' } }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ visitDate: businessDay() }} data-testid="visit-form">
        <Form.Item name="visitDate" label={label(P.visitDate)} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(businessDay(), 'day')} /></Form.Item>
        <Form.Item name="purpose" label={label(P.purpose)} rules={[{ required: true }]}><Input data-testid="visit-purpose" maxLength={200} /></Form.Item>
        <Form.Item name="findings" label={label(P.findings)}><Input.TextArea rows={3} data-testid="visit-findings" /></Form.Item>
        <Form.Item name="customerRequests" label={label(P.customerRequests)}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="followUp" label={label(P.followUp)}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item label={label(P.photo)}>
          <Upload accept="image/png,image/jpeg,image/webp" maxCount={1} beforeUpload={(file) => {
            if (file.size > 500_000) { void message.error('≤ 500 KB'); return Upload.LIST_IGNORE; }
            const r = new FileReader();
            r.onload = () => setPhoto(typeof r.result === 'string' ? r.result : null);
            r.readAsDataURL(file);
            return false;
          }} onRemove={() => setPhoto(null)}>
            <Button>{label(P.photo)}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={create.isPending} data-testid="visit-submit">{label(P.save)}</Button>
      </Form>
    </Drawer>
  );
}
