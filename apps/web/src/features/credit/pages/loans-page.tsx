import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Badge, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Breakpoint } from 'antd';
import type { DeadlineList, LoanListItem, WarningList } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useAssets, useDeadlines, useLoans, useWarnings, type ForeclosedAsset } from '../api/credit.ts';
import { useCan } from '../../../app/session-context.ts';
import { LoanImportDialog } from '../components/loan-import-dialog.tsx';
import { LoanEntryForm } from '../components/loan-entry-form.tsx';
import { RiskLedger } from '../components/risk-ledger.tsx';
import { CreditVillages } from '../components/credit-villages.tsx';
import { CLASS_COLOR, CLASS_LABEL, DEADLINE_KIND, LIM_COLOR, LIM_STATUS, PRODUCT, SEVERITY, SEVERITY_COLOR, WARNING_KIND, warningText, yuan } from '../components/credit-text.ts';

const l = (zh: string, en: string) => ({ zh, en });
// Loan tables on a phone: product and recommender show from 576 px; cells never wrap, the table scrolls inside itself.
const sm: Breakpoint[] = ['sm'];
const T = {
  title: l('贷款台账', 'Loan ledger'), loans: l('我的贷款', 'Loans'), deadlines: l('时效预警', 'Deadline alerts'), warnings: l('风险预警', 'Risk warnings'), npl: l('不良贷款', 'NPLs'),
  loanNo: l('借据号', 'Loan no.'), borrower: l('借款人', 'Borrower'), product: l('品种', 'Product'), amount: l('金额（元）', 'Amount (yuan)'), balance: l('余额（元）', 'Balance (yuan)'),
  maturity: l('到期日', 'Maturity'), cls: l('五级分类', 'Class'), manager: l('管户经理', 'Manager'), recommender: l('推荐人', 'Recommender'), lim: l('诉讼时效', 'Limitation'),
  kind: l('类别', 'Kind'), date: l('届满日', 'Deadline'), left: l('剩余天数', 'Days left'), stage: l('预警档', 'Stage'), subject: l('事项', 'Subject'),
  severity: l('等级', 'Severity'), since: l('起始', 'Since'), detail: l('说明', 'Detail'),
  alertHint: l('届满前90天、30天、7天提醒；逾期30天内仍显示。', 'Alerts 90, 30 and 7 days before a deadline; past ones stay for 30 days.'),
  days: l('天', 'days'), overdue: l('已过', 'past'),
  assets: l('抵债资产', 'Foreclosed assets'), asset: l('资产', 'Asset'), received: l('取得日期', 'Received'), valuation: l('估值（元）', 'Valuation (yuan)'), custody: l('保管', 'Custody'),
  import: l('导入贷款', 'Import loans'), villages: l('信用村/信用户', 'Credit villages/households'), enter: l('录入贷款', 'Enter a loan'), risk: l('高风险台账', 'High-risk ledger'),
  disposalDeadline: l('处置期限', 'Disposal deadline'), disposed: l('处置日期', 'Disposed'), proceeds: l('处置收入（元）', 'Proceeds (yuan)'),
};

export default function LoansPage() {
  const { label } = useI18n();
  const loans = useLoans();
  const npl = useLoans({ npl: 'true' });
  const deadlines = useDeadlines();
  const warnings = useWarnings();
  const assets = useAssets();
  const can = useCan();
  const [importing, setImporting] = useState(false);
  const [entering, setEntering] = useState(false);
  const loanCols = [
    { title: label(T.loanNo), dataIndex: 'loanNo', render: (v: string, r: LoanListItem) => <Link to={`/loans/${r.id}`}>{v}</Link> },
    { title: label(T.borrower), dataIndex: 'customerName' },
    { title: label(T.product), dataIndex: 'product', responsive: sm, render: (v: string) => label(PRODUCT[v], v) },
    { title: label(T.amount), dataIndex: 'amountFen', align: 'right' as const, render: yuan },
    { title: label(T.balance), dataIndex: 'balanceFen', align: 'right' as const, render: yuan },
    { title: label(T.maturity), dataIndex: 'maturityDate' },
    { title: label(T.cls), dataIndex: 'loanClass', render: (v: string) => <Tag color={CLASS_COLOR[v]}>{label(CLASS_LABEL[v], v)}</Tag> },
    { title: label(T.manager), dataIndex: 'managerName' },
    { title: label(T.recommender), dataIndex: 'recommenderName', responsive: sm },
    { title: label(T.lim), dataIndex: 'limitationStatus', render: (v: string, r: LoanListItem) => <span><Tag color={LIM_COLOR[v]}>{label(LIM_STATUS[v], v)}</Tag>{r.limitationExpiry ?? ''}</span> },
  ];
  const alerts = deadlines.data?.items ?? [];
  const warn = warnings.data?.items ?? [];
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(T.title)}</Typography.Title>
        <span className="kehu-spacer" />
        {can('loans.import') ? (
          <Space>
            <Button onClick={() => setEntering(true)} data-testid="loan-enter">{label(T.enter)}</Button>
            <Button type="primary" onClick={() => setImporting(true)} data-testid="loan-import">{label(T.import)}</Button>
          </Space>
        ) : null}
      </div>
      <LoanImportDialog open={importing} onClose={() => setImporting(false)} />
      <LoanEntryForm open={entering} onClose={() => setEntering(false)} />
      {loans.error ? <ApiErrorAlert error={loans.error} /> : null}
      <Tabs defaultActiveKey="loans" items={[
        { key: 'loans', label: label(T.loans), children: <Table<LoanListItem> rowKey="id" size="middle" loading={loans.isFetching} dataSource={loans.data?.items ?? []} pagination={false} columns={loanCols} data-testid="loans-table" scroll={{ x: 'max-content' }} /> },
        {
          key: 'deadlines', label: <Badge count={alerts.length} size="small" offset={[8, 0]}><span data-testid="tab-deadlines">{label(T.deadlines)}</span></Badge>,
          children: (
            <div>
              <Alert type="info" showIcon message={label(T.alertHint)} style={{ marginBottom: 12 }} />
              <Table<DeadlineList['items'][number]> rowKey="alertKey" size="middle" dataSource={alerts} pagination={false} data-testid="deadline-alerts"
                columns={[
                  { title: label(T.stage), dataIndex: 'stage', render: (v: number, r) => <Tag color={r.daysLeft < 0 ? 'red' : v <= 7 ? 'red' : v <= 30 ? 'orange' : 'gold'}>{r.daysLeft < 0 ? label(T.overdue) : `${v}${label(T.days)}`}</Tag> },
                  { title: label(T.kind), dataIndex: 'kind', render: (v: string) => label(DEADLINE_KIND[v], v) },
                  { title: label(T.subject), dataIndex: 'subject', render: (v: string, r) => label({ zh: v, en: r.subjectEn }) },
                  { title: label(T.loanNo), dataIndex: 'loanNo', render: (v: string, r) => <Link to={`/loans/${r.loanId}`}>{v}</Link> },
                  { title: label(T.date), dataIndex: 'date' },
                  { title: label(T.left), dataIndex: 'daysLeft' },
                  { title: label(T.manager), dataIndex: 'managerName' },
                ]} />
            </div>
          ),
        },
        {
          key: 'warnings', label: label(T.warnings),
          children: <Table<WarningList['items'][number]> rowKey={(r) => `${r.loanId}-${r.kind}-${r.since}`} size="middle" dataSource={warn} pagination={false} data-testid="risk-warnings"
            columns={[
              { title: label(T.severity), dataIndex: 'severity', render: (v: string) => <Tag color={SEVERITY_COLOR[v]}>{label(SEVERITY[v], v)}</Tag> },
              { title: label(T.kind), dataIndex: 'kind', render: (v: string) => label(WARNING_KIND[v], v) },
              { title: label(T.loanNo), dataIndex: 'loanNo', render: (v: string, r) => <Link to={`/loans/${r.loanId}`}>{v}</Link> },
              { title: label(T.borrower), dataIndex: 'customerName' },
              { title: label(T.since), dataIndex: 'since' },
              { title: label(T.detail), dataIndex: 'detail', render: (_: string, r) => label(warningText(r)) },
            ]} />,
        },
        {
          key: 'assets', label: label(T.assets),
          children: <Table<ForeclosedAsset> rowKey="id" size="middle" dataSource={assets.data?.items ?? []} pagination={false} data-testid="foreclosed-assets"
            columns={[
              { title: label(T.asset), dataIndex: 'description' },
              { title: label(T.loanNo), dataIndex: 'loanNo', render: (v: string, r) => <Link to={`/loans/${r.loanId}`}>{v}</Link> },
              { title: label(T.borrower), dataIndex: 'customerName' },
              { title: label(T.received), dataIndex: 'receivedOn' },
              { title: label(T.valuation), dataIndex: 'valuationFen', align: 'right' as const, render: yuan },
              { title: label(T.custody), dataIndex: 'custody' },
              { title: label(T.disposalDeadline), dataIndex: 'disposalDeadline' },
              { title: label(T.disposed), dataIndex: 'disposedOn', render: (v: string | null) => v ?? '—' },
              { title: label(T.proceeds), dataIndex: 'proceedsFen', align: 'right' as const, render: (v: number | null) => (v === null ? '—' : yuan(v)) },
            ]} />,
        },
        { key: 'risk', label: <span data-testid="tab-risk">{label(T.risk)}</span>, children: <RiskLedger /> },
        ...(can('credit.rate') ? [{ key: 'villages', label: <span data-testid="tab-villages">{label(T.villages)}</span>, children: <CreditVillages /> }] : []),
        { key: 'npl', label: label(T.npl), children: <Table<LoanListItem> rowKey="id" size="middle" dataSource={npl.data?.items ?? []} pagination={false} columns={loanCols} scroll={{ x: 'max-content' }} /> },
      ]} />
    </div>
  );
}
