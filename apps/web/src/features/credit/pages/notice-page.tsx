import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, DatePicker, Form, Input, Modal, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useNotice, useSignNotice } from '../api/credit.ts';
import { capitalYuan, yuan } from '../components/credit-text.ts';
import '../components/notice-print.css';
import { businessDay } from '../../../lib/business-date.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  print: l('打印', 'Print'), sign: l('登记签收', 'Record signature'), signedBy: l('签收人', 'Signed by'), signedOn: l('签收日期', 'Signed on'),
  signedHint: l('已签收并登记：诉讼时效自签收之日起重新计算三年（民法典第195条）。', 'Signed and recorded: the limitation period restarts for 3 years from the signing day (Civil Code art. 195).'),
  unsigned: l('未签收：签收并登记后才中断诉讼时效。', 'Not signed yet: the period is interrupted only once the signed notice is recorded.'), back: l('返回贷款', 'Back to the loan'),
};
const cn = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The printable demand notice (催收通知书) in Chinese, and recording its signature. */
export default function NoticePage() {
  const id = Number(useParams().id);
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const notice = useNotice(id);
  const sign = useSignNotice(id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ signedBy: string; signedOn: Dayjs }>();
  if (notice.error) return <ApiErrorAlert error={notice.error} />;
  const n = notice.data;
  if (!n) return null;
  const total = n.principalFen + n.interestFen;
  return (
    <div>
      <div className="kehu-toolbar kehu-no-print">
        <Space>
          <Link to={`/loans/${n.loanId}`}>← {label(T.back)}</Link>
          {n.signedOn ? <Tag color="green" data-testid="notice-signed">{label(T.signedHint)}</Tag> : <Tag color="orange">{label(T.unsigned)}</Tag>}
        </Space>
        <span className="kehu-spacer" />
        <Space>
          <Button onClick={() => window.print()} data-testid="notice-print">{label(T.print)}</Button>
          {!n.signedOn && can('claims.manage') ? <Button type="primary" data-testid="notice-sign" onClick={() => setOpen(true)}>{label(T.sign)}</Button> : null}
        </Space>
      </div>
      <div className="kehu-notice" data-testid="demand-notice">
        <h1>贷款催收通知书</h1>
        <div className="no">编号：{n.noticeNo}</div>
        <p><b>{n.borrowerName}</b>{n.guarantors.length ? `（保证人：${n.guarantors.join('、')}）` : ''}：</p>
        <p style={{ textIndent: '2em' }}>
          你（单位）于{cn(n.startDate)}在我行{n.orgUnitName}借款人民币{yuan(n.amountFen)}元（借据号：{n.loanNo}），约定到期日为{cn(n.maturityDate)}。
          截至{cn(n.issuedOn)}，尚欠本金人民币{yuan(n.principalFen)}元，欠息人民币{yuan(n.interestFen)}元，合计人民币（大写）{capitalYuan(total)}（¥{yuan(total)}）。
        </p>
        <p style={{ textIndent: '2em' }}>
          根据借款合同约定及《中华人民共和国民法典》有关规定，特此通知你（单位）接到本通知后尽快归还上述欠款本息。逾期不还的，我行将依法采取措施追收。
          {n.guarantors.length ? '请保证人依约履行保证责任。' : ''}
        </p>
        <div className="sig"><span /><span>{n.tenantName}{n.orgUnitName}（盖章）<br />{cn(n.issuedOn)}</span></div>
        <div className="receipt">
          <b>回执</b>
          <p>本人（单位）已收到编号为{n.noticeNo}的贷款催收通知书，确认上述欠款属实。</p>
          <div className="sig">
            <span>借款人（签字/盖章）：{n.signedBy ?? '__________'}</span>
            <span>签收日期：{n.signedOn ? cn(n.signedOn) : '____年__月__日'}</span>
          </div>
        </div>
      </div>
      <Modal open={open} title={label(T.sign)} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={sign.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ signedBy: n.borrowerName, signedOn: businessDay() }}
          onFinish={(v) => sign.mutate({ signedBy: v.signedBy, signedOn: v.signedOn.format('YYYY-MM-DD') }, { onSuccess: () => setOpen(false), onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)) })}>
          <Form.Item name="signedBy" label={label(T.signedBy)} rules={[{ required: true }]}><Input data-testid="notice-signed-by" /></Form.Item>
          <Form.Item name="signedOn" label={label(T.signedOn)} rules={[{ required: true }]}><DatePicker /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
