import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { RiskItem, RiskItemCreate } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useAddRiskAction, useCloseRiskItem, useCreateRiskItem, useLoans, useRiskItems } from '../api/credit.ts';
import { yuan } from './credit-text.ts';
import { businessDay } from '../../../lib/business-date.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  add: l('登记高风险事项', 'Enter a high-risk item'), kind: l('类别', 'Category'), loan: l('贷款', 'Loan'), borrower: l('借款人', 'Borrower'), balance: l('余额（元）', 'Balance (yuan)'),
  description: l('情况说明', 'Description'), opened: l('登记日期', 'Opened'), actions: l('采取的措施', 'Actions taken'), status: l('状态', 'Status'), open: l('跟踪中', 'Open'), closed: l('已销号', 'Closed'),
  addAction: l('登记措施', 'Record action'), close: l('销号', 'Close'), note: l('处置结果', 'Outcome'), date: l('日期', 'Date'), action: l('措施', 'Action'), manager: l('管户经理', 'Manager'),
};
export const RISK_KIND: Record<string, { zh: string; en: string }> = {
  violation: l('违规贷款', 'Violation'), related_guarantee: l('关联担保', 'Related guarantee'), concentration: l('贷款集中', 'Concentrated loans'), other: l('其他', 'Other'),
};
const KIND_COLOR: Record<string, string> = { violation: 'red', related_guarantee: 'purple', concentration: 'orange', other: 'default' };

/** High-risk ledger (高风险台账): items with the actions taken; managers record, a supervisor closes. */
export function RiskLedger() {
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const items = useRiskItems();
  const loans = useLoans();
  const create = useCreateRiskItem();
  const addAction = useAddRiskAction();
  const close = useCloseRiskItem();
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<RiskItem | null>(null);
  const [closing, setClosing] = useState<RiskItem | null>(null);
  const [form] = Form.useForm<RiskItemCreate>();
  const [actForm] = Form.useForm<{ actionDate: Dayjs; action: string }>();
  const [closeForm] = Form.useForm<{ note: string }>();
  const onErr = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));
  return (
    <div>
      {can('npl.manage') ? <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)} data-testid="risk-add">{label(T.add)}</Button> : null}
      <Table<RiskItem> rowKey="id" size="middle" loading={items.isFetching} dataSource={items.data?.items ?? []} pagination={false} data-testid="risk-ledger" scroll={{ x: true }}
        columns={[
          { title: label(T.kind), dataIndex: 'kind', render: (v: string) => <Tag color={KIND_COLOR[v]}>{label(RISK_KIND[v], v)}</Tag> },
          { title: label(T.loan), dataIndex: 'loanNo', render: (v: string | null, r) => (v ? <Link to={`/loans/${r.loanId}`}>{v}</Link> : '—') },
          { title: label(T.borrower), dataIndex: 'customerName' },
          { title: label(T.balance), dataIndex: 'balanceFen', align: 'right' as const, render: (v: number | null) => (v === null ? '—' : yuan(v)) },
          { title: label(T.manager), dataIndex: 'managerName' },
          { title: label(T.description), dataIndex: 'description' },
          { title: label(T.opened), dataIndex: 'openedOn' },
          { title: label(T.actions), dataIndex: 'actions', render: (a: RiskItem['actions']) => a.map((x) => <div key={x.id}>{x.actionDate} {x.action}{x.staffName ? `（${x.staffName}）` : ''}</div>) },
          { title: label(T.status), dataIndex: 'closedOn', render: (v: string | null, r) => (v ? <span><Tag color="green">{label(T.closed)}</Tag>{v} {r.closedNote}</span> : <Tag color="orange">{label(T.open)}</Tag>) },
          {
            title: '', key: 'ops', render: (_: unknown, r) => (r.closedOn ? null : (
              <Space>
                {can('npl.manage') ? <Button size="small" onClick={() => setActing(r)} data-testid={`risk-action-${r.id}`}>{label(T.addAction)}</Button> : null}
                {can('loans.write') ? <Button size="small" disabled={!r.actions.length} onClick={() => setClosing(r)} data-testid={`risk-close-${r.id}`}>{label(T.close)}</Button> : null}
              </Space>
            )),
          },
        ]} />
      <Modal open={adding} title={label(T.add)} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={create.isPending} forceRender>
        <Form<RiskItemCreate> form={form} layout="vertical" initialValues={{ kind: 'violation' }} data-testid="risk-form"
          onFinish={(v) => create.mutate(v, { onSuccess: () => { setAdding(false); form.resetFields(); }, onError: onErr })}>
          <Form.Item name="loanId" label={label(T.loan)} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(loans.data?.items ?? []).filter((x) => x.balanceFen > 0).map((x) => ({ value: x.id, label: `${x.loanNo} ${x.customerName}` }))} data-testid="risk-loan" />
          </Form.Item>
          <Form.Item name="kind" label={label(T.kind)}><Select options={Object.entries(RISK_KIND).map(([k, v]) => ({ value: k, label: label(v) }))} data-testid="risk-kind" /></Form.Item>
          <Form.Item name="description" label={label(T.description)} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="risk-description" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!acting} title={label(T.addAction)} onCancel={() => setActing(null)} onOk={() => actForm.submit()} confirmLoading={addAction.isPending} destroyOnHidden>
        <Form form={actForm} layout="vertical" initialValues={{ actionDate: businessDay() }}
          onFinish={(v) => acting && addAction.mutate({ id: acting.id, actionDate: v.actionDate.format('YYYY-MM-DD'), action: v.action }, { onSuccess: () => setActing(null), onError: onErr })}>
          <Form.Item name="actionDate" label={label(T.date)} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="action" label={label(T.action)} rules={[{ required: true }]}><Input.TextArea rows={2} data-testid="risk-action-text" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!closing} title={label(T.close)} onCancel={() => setClosing(null)} onOk={() => closeForm.submit()} confirmLoading={close.isPending} destroyOnHidden>
        <Form form={closeForm} layout="vertical" onFinish={(v) => closing && close.mutate({ id: closing.id, note: v.note }, { onSuccess: () => setClosing(null), onError: onErr })}>
          <Form.Item name="note" label={label(T.note)} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
