import { App, Button, DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PAY_FACT_KINDS, type PayFactInput, type PayImportReport } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { payKeys, useStaffOptions } from '../api/pay-api.ts';
import { useKindLabel, usePayText } from './pay-text.ts';

interface Values { staffId: number; kind: PayFactInput['kind']; date: Dayjs; quantity?: number; amount?: number; faceValue?: number; spent?: number; gifted?: boolean; subKind?: string }

const yuanText = (v: number | undefined) => (v === undefined || v === null ? '0' : v.toFixed(2));

/** One fact typed in by hand (a late booking, a deduction): the same checks as a file, posted through the API. */
export function FactEntryForm({ periodId }: { periodId: number }) {
  const p = usePayText();
  const kindLabel = useKindLabel();
  const { text } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const staff = useStaffOptions();
  const post = useMutation({
    mutationFn: (fact: Partial<PayFactInput>) => apiRequest<PayImportReport>(`/api/v1/pay/periods/${periodId}/facts`, { method: 'POST', json: { facts: [fact] } }),
    onSuccess: () => { void message.success(p('imported', { n: 1, s: 0 })); form.resetFields(['amount', 'faceValue', 'spent', 'quantity']); void qc.invalidateQueries({ queryKey: payKeys.all }); },
    onError: (e) => {
      const report = e instanceof ApiError ? (e.details?.report as PayImportReport | undefined) : undefined;
      void message.error(report?.errors[0] ? `${report.errors[0].column}: ${text(report.errors[0].message)}` : e instanceof ApiError ? text(e.text) : String(e));
    },
  });
  return (
    <Form form={form} layout="inline" style={{ rowGap: 8 }} data-testid="fact-entry" initialValues={{ kind: 'booking', gifted: false }}
      onFinish={(v) => post.mutate({
        staffId: v.staffId, kind: v.kind, date: v.date.format('YYYY-MM-DD'), quantity: v.quantity ?? 1,
        amount: yuanText(v.amount), faceValue: yuanText(v.faceValue), spent: yuanText(v.spent), gifted: v.gifted ?? false, subKind: v.subKind ?? '',
      })}>
      <Form.Item name="staffId" rules={[{ required: true }]}><Select showSearch optionFilterProp="label" style={{ width: 140 }} placeholder={p('name')} options={staff} /></Form.Item>
      <Form.Item name="kind" rules={[{ required: true }]}><Select style={{ width: 120 }} options={PAY_FACT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} /></Form.Item>
      <Form.Item name="date" rules={[{ required: true }]}><DatePicker placeholder={p('date')} /></Form.Item>
      {(kind === 'target' || kind === 'booking') && <Form.Item name="quantity"><InputNumber min={0} precision={0} placeholder={p('quantity')} /></Form.Item>}
      {(kind === 'card' || kind === 'deduction' || kind === 'base' || kind === 'sale' || kind === 'deposit' || kind === 'loan') && <Form.Item name="amount" rules={[{ required: true }]}><InputNumber precision={2} placeholder={p('amount')} /></Form.Item>}
      {kind === 'booking' && <Form.Item name="faceValue" rules={[{ required: true }]}><InputNumber min={0} precision={2} placeholder={p('faceValue')} /></Form.Item>}
      {kind === 'booking' && <Form.Item name="spent" rules={[{ required: true }]}><InputNumber min={0} precision={2} placeholder={p('spent')} /></Form.Item>}
      {kind === 'card' && <Form.Item name="gifted" label={p('gifted')} valuePropName="checked"><Switch /></Form.Item>}
      {kind === 'deduction' && <Form.Item name="subKind" rules={[{ required: true }]}><Select style={{ width: 120 }} options={[{ value: 'attendance', label: '差勤 / attendance' }, { value: 'phoneCard', label: '电话卡 / phone card' }, { value: 'other', label: '其他 / other' }]} /></Form.Item>}
      {kind === 'sale' && <Form.Item name="subKind"><Input placeholder="product" /></Form.Item>}
      <Button type="primary" htmlType="submit" loading={post.isPending} data-testid="fact-entry-submit">{p('submit')}</Button>
    </Form>
  );
}
