import { App, Button, Card, DatePicker, Form, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { customersKey, useStaffOptions } from '../api/customers.ts';
import { businessDay } from '../../../lib/business-date.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('离岗交接', 'Hand-over'), hint: l('离岗或长期离开（超过 5 个月）的客户经理，其客户自生效日起移交接收人；不良贷款客户移交给您（主管）。', 'A manager who leaves or is away over 5 months hands over: customers move to the successor from the effective date; problem loans move to you (the supervisor).'),
  from: l('交出人', 'From'), to: l('接收人', 'To'), date: l('生效日期', 'Effective date'), go: l('执行交接', 'Hand over'),
  done: l('已移交 {n} 户，其中不良贷款 {m} 户移交主管', '{n} customers moved, {m} problem loans to the supervisor'),
};

/** A supervisor hands a leaving manager's customers over (问题贷款 to the supervisor). */
export function HandoverCard() {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const staff = useStaffOptions(true);
  const qc = useQueryClient();
  const [form] = Form.useForm<{ fromStaffId: number; toStaffId: number; effectiveDate: Dayjs }>();
  const run = useMutation({
    mutationFn: (body: { fromStaffId: number; toStaffId: number; effectiveDate: string }) => apiRequest<{ moved: number; toSupervisor: number }>('/api/v1/handovers', { method: 'POST', json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customersKey }),
  });
  const options = (staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.orgUnitName}）` }));
  return (
    <Card size="small" title={label(T.title)} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{label(T.hint)}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ effectiveDate: businessDay() }} onFinish={(v) => run.mutate(
        { fromStaffId: v.fromStaffId, toStaffId: v.toStaffId, effectiveDate: v.effectiveDate.format('YYYY-MM-DD') },
        {
          onSuccess: (r) => void message.success(label(T.done).replace('{n}', String(r.moved)).replace('{m}', String(r.toSupervisor))),
          onError: (e) => void message.error(e instanceof ApiError ? (e.fields[0] ? text(e.fields[0].message) : text(e.text)) : String(e)),
        },
      )}>
        <Form.Item name="fromStaffId" label={label(T.from)} rules={[{ required: true }]}><Select style={{ width: 180 }} showSearch optionFilterProp="label" options={options} /></Form.Item>
        <Form.Item name="toStaffId" label={label(T.to)} rules={[{ required: true }]}><Select style={{ width: 180 }} showSearch optionFilterProp="label" options={options} /></Form.Item>
        <Form.Item name="effectiveDate" label={label(T.date)} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Button htmlType="submit" danger loading={run.isPending}>{label(T.go)}</Button>
      </Form>
    </Card>
  );
}
