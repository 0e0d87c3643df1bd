import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { ClaimEventCreate, LoanDetail, NplPlanUpsert } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useAddClaimEvent, useAddGuaranteeAction, useAddNplAction, useIssueNotice, useLoan, useUpsertPlan } from '../api/credit.ts';
import { CLASS_COLOR, CLASS_LABEL, EVENT_KIND, G_STATUS, LIM_COLOR, LIM_STATUS, PRODUCT, WARNING_KIND, warningText, yuan } from '../components/credit-text.ts';
import { businessDay } from '../../../lib/business-date.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  register: l('诉讼时效登记簿', 'Limitation register'), expiry: l('时效届满日', 'Expiry'), status: l('状态', 'Status'), cap: l('20年上限', '20-year cap'), start: l('起算日', 'Start'),
  waived: l('债务人已放弃时效抗辩（民法典第192条）', 'The debtor waived the limitation defence (art. 192)'),
  date: l('日期', 'Date'), event: l('事项', 'Event'), counted: l('是否计入', 'Counted'), why: l('说明', 'Why'), after: l('其后届满日', 'Expiry after'), yes: l('计入', 'Counted'), no: l('不计入', 'Not counted'),
  guarantees: l('保证期间', 'Guarantee periods'), guarantor: l('保证人', 'Guarantor'), deadline: l('保证期间届满', 'Deadline'), type: l('保证方式', 'Type'), general: l('一般保证', 'General'), joint: l('连带责任保证', 'Joint liability'),
  record: l('登记中断/中止事由', 'Record an event'), kind: l('类别', 'Kind'), evidence: l('证据', 'Evidence'), endedOn: l('障碍消除日', 'Obstacle ended on'), debtor: l('针对的债务人', 'Against debtor'),
  issue: l('出具催收通知书', 'Issue demand notice'), notices: l('催收通知书', 'Demand notices'), noticeNo: l('编号', 'No.'), issued: l('出具日', 'Issued'), signed: l('签收', 'Signed'), unsigned: l('未签收', 'Not signed'),
  plan: l('不良贷款清收计划', 'NPL collection plan'), method: l('清收方式', 'Method'), target: l('目标金额（元）', 'Target (yuan)'), targetDate: l('目标日期', 'Target date'), recovered: l('已收回（元）', 'Recovered (yuan)'),
  savePlan: l('保存计划', 'Save plan'), addAction: l('登记清收措施', 'Add action'), action: l('措施', 'Action'),
  instalments: l('还款计划', 'Instalments'), due: l('应还日', 'Due'), principal: l('本金', 'Principal'), paid: l('已还本金', 'Paid'), history: l('五级分类变动', 'Classification history'),
  warnings: l('风险预警', 'Warnings'), borrower: l('借款人', 'Borrower'), balance: l('余额（元）', 'Balance (yuan)'), collateral: l('抵押物', 'Collateral'), coDebtors: l('共同借款人', 'Joint debtors'),
  manager: l('管户经理', 'Manager'), recommender: l('推荐人（承担回收责任）', 'Recommender (answers for recovery)'), rate: l('年利率', 'Annual rate'), product: l('品种', 'Product'), cls: l('五级分类', 'Class'),
  saved: l('已保存', 'Saved'), claimGuarantee: l('登记保证责任主张', 'Record a claim on the guarantor'), notes: l('备注', 'Notes'),
};
const G_ACTIONS = ['demand_to_guarantor', 'suit_against_guarantor', 'suit_against_debtor', 'arbitration_against_debtor', 'demand_to_debtor'] as const;
const METHODS = { cash: l('现金清收', 'Cash'), restructure: l('重组盘活', 'Restructure'), foreclosure: l('以资抵债', 'Foreclosure'), suit: l('诉讼', 'Suit') } as const;
const RECORDABLE = ['demand_delivered', 'message_arrived', 'account_deduction', 'public_notice', 'suit', 'arbitration', 'acknowledgement', 'part_payment', 'repayment_plan', 'security_offered', 'extension_requested', 'agreed_to_pay_after_expiry', 'obstacle'] as const;

type Trace = LoanDetail['limitation']['trace'];

export default function LoanDetailPage() {
  const id = Number(useParams().id);
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const nav = useNavigate();
  const loan = useLoan(id);
  const addEvent = useAddClaimEvent(id);
  const issue = useIssueNotice(id);
  const upsertPlan = useUpsertPlan(id);
  const addAction = useAddNplAction(loan.data?.nplPlan?.id ?? 0);
  const [open, setOpen] = useState(false);
  const [actionOpen, setActionOpen] = useState(false);
  const [form] = Form.useForm<{ kind: ClaimEventCreate['kind']; eventDate: dayjs.Dayjs; endedOn?: dayjs.Dayjs; evidence: string; debtorName?: string }>();
  const [actionForm] = Form.useForm<{ actionDate: dayjs.Dayjs; action: string; evidence?: string; recovered: number }>();
  const [guarantorId, setGuarantorId] = useState<number | null>(null);
  const addGAction = useAddGuaranteeAction(guarantorId ?? 0);
  const [gForm] = Form.useForm<{ kind: (typeof G_ACTIONS)[number]; actionDate: dayjs.Dayjs; evidence?: string }>();
  const onErr = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));
  if (loan.error) return <ApiErrorAlert error={loan.error} />;
  const d = loan.data;
  if (!d) return null;
  const traceCols = [
    { title: label(T.date), dataIndex: 'date', width: 110 },
    { title: label(T.event), dataIndex: 'kind', width: 160, render: (v: string) => label(EVENT_KIND[v], v) },
    { title: label(T.counted), dataIndex: 'counted', width: 90, render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{label(v ? T.yes : T.no)}</Tag> },
    { title: label(T.why), dataIndex: 'reason', render: (v: string, r: Trace[number]) => label({ zh: r.zh, en: v }) },
  ];
  const npl = ['substandard', 'doubtful', 'loss'].includes(d.loanClass);
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{d.loanNo} · {d.customerName}</Typography.Title>
        <span className="kehu-spacer" />
        <Space>
          <Link to="/loans">←</Link>
          {can('claims.manage') && d.balanceFen > 0 ? <Button data-testid="issue-notice" loading={issue.isPending} onClick={() => issue.mutate(undefined, { onSuccess: (n) => void nav(`/demand-notices/${n.id}`), onError: onErr })}>{label(T.issue)}</Button> : null}
          {can('claims.manage') ? <Button type="primary" data-testid="record-event" onClick={() => setOpen(true)}>{label(T.record)}</Button> : null}
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3} items={[
          { label: label(T.borrower), children: d.customerName },
          { label: label(T.product), children: label(PRODUCT[d.product], d.product) },
          { label: label(T.balance), children: `${yuan(d.balanceFen)} / ${yuan(d.amountFen)}` },
          { label: label(T.cls), children: <Tag color={CLASS_COLOR[d.loanClass]}>{label(CLASS_LABEL[d.loanClass], d.loanClass)}</Tag> },
          { label: label(T.rate), children: `${(Number(d.annualRate) * 100).toFixed(2)}%` },
          { label: label(T.due), children: `${d.startDate} → ${d.maturityDate}` },
          { label: label(T.manager), children: d.managerName },
          { label: label(T.recommender), children: d.recommenderName },
          { label: label(T.collateral), children: d.collateral || '—' },
          { label: label(T.coDebtors), children: d.coDebtors.join('、') || '—' },
        ]} />
      </Card>
      {d.warnings.length ? (
        <Card size="small" title={label(T.warnings)} style={{ marginBottom: 12 }}>
          {d.warnings.map((w) => <div key={`${w.kind}${w.since}`}><Tag color={w.severity === 'high' ? 'red' : 'orange'}>{label(WARNING_KIND[w.kind], w.kind)}</Tag>{label(warningText(w))}</div>)}
        </Card>
      ) : null}
      <Card size="small" title={label(T.register)} style={{ marginBottom: 12 }} data-testid="limitation-register">
        <Descriptions size="small" column={4} items={[
          { label: label(T.status), children: <Tag color={LIM_COLOR[d.limitation.status]} data-testid="limitation-status">{label(LIM_STATUS[d.limitation.status], d.limitation.status)}</Tag> },
          { label: label(T.expiry), children: <b data-testid="limitation-expiry">{d.limitation.expiry ?? '—'}</b> },
          { label: label(T.start), children: d.limitation.start },
          { label: label(T.cap), children: d.limitation.cap },
        ]} />
        {d.limitation.defenceWaived ? <Tag color="magenta">{label(T.waived)}</Tag> : null}
        <Table<Trace[number]> rowKey={(r, i) => `${r.date}-${r.kind}-${i ?? 0}`} size="small" pagination={false} dataSource={d.limitation.trace} columns={[...traceCols, { title: label(T.after), dataIndex: 'expiryAfter', width: 110 }]} data-testid="limitation-trace" />
      </Card>
      {d.guarantees.length ? (
        <Card size="small" title={label(T.guarantees)} style={{ marginBottom: 12 }}>
          {d.guarantees.map((g) => (
            <div key={g.guarantorId} style={{ marginBottom: 8 }}>
              <Space wrap><b>{g.name}</b><span>{label(g.type === 'joint' ? T.joint : T.general)}</span><span>{label(T.deadline)}: <b>{g.deadline}</b></span>
                <Tag color={g.status === 'released' ? 'red' : g.status === 'preserved' ? 'green' : 'blue'}>{label(G_STATUS[g.status], g.status)}</Tag>{g.problem ? <Tag color="orange">{g.problem}</Tag> : null}
                {can('claims.manage') ? <Button size="small" onClick={() => setGuarantorId(g.guarantorId)} data-testid={`guarantee-action-${g.guarantorId}`}>{label(T.claimGuarantee)}</Button> : null}</Space>
              <Table<Trace[number]> rowKey={(r, i) => `${r.date}-${r.kind}-${i ?? 0}`} size="small" pagination={false} dataSource={g.trace} columns={traceCols} />
            </div>
          ))}
        </Card>
      ) : null}
      <Card size="small" title={label(T.notices)} style={{ marginBottom: 12 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={d.notices} columns={[
          { title: label(T.noticeNo), dataIndex: 'noticeNo', render: (v: string, r: LoanDetail['notices'][number]) => <Link to={`/demand-notices/${r.id}`}>{v}</Link> },
          { title: label(T.issued), dataIndex: 'issuedOn' },
          { title: label(T.signed), dataIndex: 'signedOn', render: (v: string | null, r: LoanDetail['notices'][number]) => (v ? `${v} ${r.signedBy ?? ''}` : <Tag>{label(T.unsigned)}</Tag>) },
        ]} />
      </Card>
      {npl ? (
        <Card size="small" title={label(T.plan)} style={{ marginBottom: 12 }}>
          <Form<{ method: NplPlanUpsert['method']; target: number; targetDate: dayjs.Dayjs; notes: string }> layout="inline" disabled={!can('npl.manage')}
            initialValues={{ method: d.nplPlan?.method ?? 'cash', target: (d.nplPlan?.targetFen ?? d.balanceFen) / 100, targetDate: dayjs(d.nplPlan?.targetDate ?? businessDay().add(90, 'day').format('YYYY-MM-DD')), notes: d.nplPlan?.notes ?? '' }}
            onFinish={(v) => upsertPlan.mutate({ method: v.method, targetFen: Math.round(v.target * 100), targetDate: v.targetDate.format('YYYY-MM-DD'), notes: v.notes ?? '' }, { onSuccess: () => void message.success(label(T.saved)), onError: onErr })}>
            <Form.Item name="method" label={label(T.method)}><Select style={{ width: 130 }} options={Object.entries(METHODS).map(([k, v]) => ({ value: k, label: label(v) }))} /></Form.Item>
            <Form.Item name="target" label={label(T.target)}><InputNumber min={0} /></Form.Item>
            <Form.Item name="targetDate" label={label(T.targetDate)}><DatePicker /></Form.Item>
            <Form.Item name="notes" label={label(T.notes)}><Input /></Form.Item>
            <Button htmlType="submit" loading={upsertPlan.isPending}>{label(T.savePlan)}</Button>
          </Form>
          {d.nplPlan ? (
            <>
              <div style={{ margin: '8px 0' }}>{label(T.recovered)}: <b>{yuan(d.nplPlan.recoveredFen)}</b> {can('npl.manage') ? <Button size="small" onClick={() => setActionOpen(true)}>{label(T.addAction)}</Button> : null}</div>
              <Table rowKey="id" size="small" pagination={false} dataSource={d.nplPlan.actions} columns={[
                { title: label(T.date), dataIndex: 'actionDate' }, { title: label(T.action), dataIndex: 'action' }, { title: label(T.recovered), dataIndex: 'recoveredFen', render: yuan },
              ]} />
            </>
          ) : null}
        </Card>
      ) : null}
      <Card size="small" title={label(T.instalments)} style={{ marginBottom: 12 }}>
        <Table rowKey="seq" size="small" pagination={false} dataSource={d.instalments} columns={[
          { title: '#', dataIndex: 'seq' }, { title: label(T.due), dataIndex: 'dueDate' }, { title: label(T.principal), dataIndex: 'principalFen', render: yuan }, { title: label(T.paid), dataIndex: 'paidPrincipalFen', render: yuan },
        ]} />
      </Card>
      <Card size="small" title={label(T.history)}>
        {d.classHistory.map((h, i) => <div key={i}>{h.changedOn} {h.fromClass ? label(CLASS_LABEL[h.fromClass], h.fromClass) : '—'} → <Tag color={CLASS_COLOR[h.toClass]}>{label(CLASS_LABEL[h.toClass], h.toClass)}</Tag>{h.reason}</div>)}
      </Card>
      <Modal open={open} title={label(T.record)} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={addEvent.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'demand_delivered', eventDate: businessDay(), evidence: '' }}
          onFinish={(v) => addEvent.mutate({ kind: v.kind, eventDate: v.eventDate.format('YYYY-MM-DD'), endedOn: v.endedOn ? v.endedOn.format('YYYY-MM-DD') : null, evidence: v.evidence ?? '', debtorName: v.debtorName || null },
            { onSuccess: () => { setOpen(false); form.resetFields(); }, onError: onErr })}>
          <Form.Item name="kind" label={label(T.kind)}><Select options={RECORDABLE.map((k) => ({ value: k, label: label(EVENT_KIND[k], k) }))} /></Form.Item>
          <Form.Item name="eventDate" label={label(T.date)} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="endedOn" label={label(T.endedOn)}><DatePicker /></Form.Item>
          <Form.Item name="debtorName" label={label(T.debtor)}><Select allowClear options={[d.customerName, ...d.coDebtors].map((n) => ({ value: n, label: n }))} /></Form.Item>
          <Form.Item name="evidence" label={label(T.evidence)}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={actionOpen} title={label(T.addAction)} onCancel={() => setActionOpen(false)} onOk={() => actionForm.submit()} confirmLoading={addAction.isPending} destroyOnHidden>
        <Form form={actionForm} layout="vertical" initialValues={{ actionDate: businessDay(), recovered: 0 }}
          onFinish={(v) => addAction.mutate({ actionDate: v.actionDate.format('YYYY-MM-DD'), action: v.action, evidence: v.evidence ?? '', recoveredFen: Math.round((v.recovered ?? 0) * 100) }, { onSuccess: () => setActionOpen(false), onError: onErr })}>
          <Form.Item name="actionDate" label={label(T.date)}><DatePicker /></Form.Item>
          <Form.Item name="action" label={label(T.action)} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="evidence" label={label(T.evidence)}><Input /></Form.Item>
          <Form.Item name="recovered" label={label(T.recovered)}><InputNumber min={0} precision={2} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={guarantorId !== null} title={label(T.claimGuarantee)} onCancel={() => setGuarantorId(null)} onOk={() => gForm.submit()} confirmLoading={addGAction.isPending} destroyOnHidden>
        <Form form={gForm} layout="vertical" initialValues={{ kind: 'demand_to_guarantor', actionDate: businessDay() }}
          onFinish={(v) => addGAction.mutate({ kind: v.kind, actionDate: v.actionDate.format('YYYY-MM-DD'), evidence: v.evidence ?? '' }, { onSuccess: () => setGuarantorId(null), onError: onErr })}>
          <Form.Item name="kind" label={label(T.kind)}><Select options={G_ACTIONS.map((k) => ({ value: k, label: label(EVENT_KIND[k], k) }))} /></Form.Item>
          <Form.Item name="actionDate" label={label(T.date)} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="evidence" label={label(T.evidence)}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
