import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type dayjs from 'dayjs';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { showFieldErrors } from '../../../lib/form-errors.ts';
import { useCreateLoan } from '../api/credit.ts';
import { CLASS_LABEL, PRODUCT } from './credit-text.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('录入贷款', 'Enter a loan'), loanNo: l('借据号', 'Loan no.'), customerNo: l('借款人客户号', 'Borrower customer no.'), idNo: l('或证件号码', 'or ID number'),
  product: l('贷款品种', 'Product'), amount: l('金额（元）', 'Amount (yuan)'), balance: l('余额（元，空则等于金额）', 'Balance (yuan, empty = amount)'), rate: l('年利率（如 0.0585）', 'Annual rate (e.g. 0.0585)'),
  start: l('发放日', 'Start date'), maturity: l('到期日', 'Maturity date'), guarantee: l('担保方式', 'Guarantee type'), collateral: l('抵押物', 'Collateral'), cls: l('五级分类', 'Class'),
  manager: l('管户经理编号', 'Manager staff no.'), recommender: l('推荐人编号（空则为管户经理）', 'Recommender staff no. (empty = manager)'), village: l('村', 'Village'), saved: l('已录入', 'Saved'),
};
const FIELDS = ['loanNo', 'customerNo', 'idNo', 'product', 'amount', 'balance', 'annualRate', 'startDate', 'maturityDate', 'guaranteeType', 'collateral', 'loanClass', 'managerStaffId', 'recommenderStaffId', 'village'];
const GUARANTEE = { credit: l('信用', 'Credit'), guarantee: l('保证', 'Guarantee'), mortgage: l('抵押', 'Mortgage'), pledge: l('质押', 'Pledge') };

interface Values {
  loanNo: string; customerNo?: string; idNo?: string; product: string; amount: number; balance?: number | null; annualRate: string; startDate: dayjs.Dayjs; maturityDate: dayjs.Dayjs;
  guaranteeType: string; collateral?: string; loanClass: string; managerStaffId: number; recommenderStaffId?: number | null; village?: string;
}

/** One loan typed by hand: the server checks it by the same rules as an import row and names the bad field. */
export function LoanEntryForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { label, text, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateLoan();
  const yuanText = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n.toFixed(2));
  const submit = (v: Values) => create.mutate({
    loanNo: v.loanNo, customerNo: v.customerNo || undefined, idNo: v.idNo || undefined, product: v.product, amount: yuanText(v.amount) ?? '', balance: yuanText(v.balance), annualRate: v.annualRate,
    startDate: v.startDate.format('YYYY-MM-DD'), maturityDate: v.maturityDate.format('YYYY-MM-DD'), guaranteeType: v.guaranteeType, collateral: v.collateral || undefined, loanClass: v.loanClass,
    managerStaffId: String(v.managerStaffId), recommenderStaffId: v.recommenderStaffId ? String(v.recommenderStaffId) : undefined, village: v.village || undefined,
  }, {
    onSuccess: () => { void message.success(label(T.saved)); form.resetFields(); onClose(); },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) {
        const rest = showFieldErrors(form, e.fields, locale, FIELDS);
        if (rest.length) void message.error(rest.map(text).join('；'));
      } else void message.error(e instanceof ApiError ? text(e.text) : String(e));
    },
  });
  return (
    <Modal open={open} title={label(T.title)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} width={720} forceRender>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ product: 'micro', guaranteeType: 'credit', loanClass: 'normal', annualRate: '0.0585' }}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }} data-testid="loan-entry-form">
        <Form.Item name="loanNo" label={label(T.loanNo)} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="customerNo" label={label(T.customerNo)}><Input /></Form.Item>
        <Form.Item name="idNo" label={label(T.idNo)}><Input /></Form.Item>
        <Form.Item name="product" label={label(T.product)}><Select options={Object.entries(PRODUCT).map(([k, v]) => ({ value: k, label: label(v) }))} /></Form.Item>
        <Form.Item name="amount" label={label(T.amount)} rules={[{ required: true }]}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="balance" label={label(T.balance)}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="annualRate" label={label(T.rate)} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="guaranteeType" label={label(T.guarantee)}><Select options={Object.entries(GUARANTEE).map(([k, v]) => ({ value: k, label: label(v) }))} /></Form.Item>
        <Form.Item name="startDate" label={label(T.start)} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="maturityDate" label={label(T.maturity)} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="loanClass" label={label(T.cls)}><Select options={Object.entries(CLASS_LABEL).map(([k, v]) => ({ value: k, label: label(v) }))} /></Form.Item>
        <Form.Item name="collateral" label={label(T.collateral)}><Input /></Form.Item>
        <Form.Item name="managerStaffId" label={label(T.manager)} rules={[{ required: true }]}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="recommenderStaffId" label={label(T.recommender)}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="village" label={label(T.village)}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
