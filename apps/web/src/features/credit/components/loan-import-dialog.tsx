import { useState } from 'react';
import { Alert, Modal, Table, Typography, Upload } from 'antd';
import type { LoanImportReport } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useImportLoans } from '../api/credit.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('导入贷款台账', 'Import loans'), drop: l('点击或拖入 Excel (.xlsx) 或 CSV 文件', 'Click or drop an Excel (.xlsx) or CSV file'),
  columns: l('列：借据号、客户号（或证件号码）、贷款品种、金额（元）、余额、年利率、发放日、到期日、担保方式、抵押物、五级分类、管户经理编号、推荐人编号、村。Excel 可另加工作表“保证人”（借据号、保证人、证件号码、保证方式、约定保证期间至、关联方、问题）和“还款计划”（借据号、期次、应还日、应还本金、应还利息）。任何一张表有一行出错则整份文件不导入；已存在的借据号、保证人、期次跳过。',
    'Columns: loan no., customer no. (or ID number), product, amount (yuan), balance, annual rate, start date, maturity date, guarantee type, collateral, class, manager staff no., recommender staff no., village. A workbook may add sheets 保证人 (guarantors: loan no., name, ID number, kind, agreed period end, related party, problem) and 还款计划 (instalments: loan no., no., due date, principal, interest). One bad row in any sheet and nothing is loaded; loans, guarantors and instalments already on file are skipped.'),
  ok: l('导入成功：新增 {n} 笔，已存在跳过 {s} 笔（共 {r} 行）', 'Imported: {n} new, {s} already on file skipped ({r} rows)'),
  failed: l('导入失败，未写入任何数据（共 {r} 行）。请改正以下错误后重新导入：', 'Import failed, nothing was written ({r} rows). Fix these and import again:'),
  extras: l('；保证人新增 {g} 条，还款计划新增 {i} 期', '; guarantors: {g} new, instalments: {i} new'),
  sheet: l('工作表/文件', 'Sheet/file'), row: l('行', 'Row'), column: l('列', 'Column'), reason: l('原因', 'Reason'),
};

/** Upload a loan file; the report lists every bad row (row, column, reason) in the user's language. */
export function LoanImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { label, text } = useI18n();
  const imp = useImportLoans();
  const [report, setReport] = useState<LoanImportReport | null>(null);
  const fill = (s: string, r: LoanImportReport) => s.replace('{n}', String(r.imported)).replace('{s}', String(r.skipped)).replace('{r}', String(r.rows))
    .replace('{g}', String(r.guarantors?.imported ?? 0)).replace('{i}', String(r.instalments?.imported ?? 0));
  const extras = (r: LoanImportReport) => (r.ok && (r.guarantors?.rows || r.instalments?.rows) ? fill(label(T.extras), r) : '');
  return (
    <Modal open={open} title={label(T.title)} onCancel={() => { setReport(null); onClose(); }} footer={null} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{label(T.columns)}</Typography.Paragraph>
      <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} disabled={imp.isPending} data-testid="loan-import-upload"
        beforeUpload={(file) => { setReport(null); imp.mutate(file, { onSuccess: setReport }); return false; }}>
        <p style={{ margin: 16 }}>{label(T.drop)}</p>
      </Upload.Dragger>
      {imp.error ? <ApiErrorAlert error={imp.error} /> : null}
      {report ? (
        <div style={{ marginTop: 12 }} data-testid="loan-import-report">
          <Alert type={report.ok ? 'success' : 'error'} showIcon message={fill(label(report.ok ? T.ok : T.failed), report) + extras(report)} />
          {report.errors.length ? (
            <Table size="small" rowKey={(r, i) => `${r.row}-${r.column}-${i ?? 0}`} pagination={false} style={{ marginTop: 8 }} dataSource={report.errors} data-testid="loan-import-errors"
              columns={[
                ...(report.errors.some((e) => e.sheet && e.sheet !== report.fileName) ? [{ title: label(T.sheet), dataIndex: 'sheet', width: 110 }] : []),
                { title: label(T.row), dataIndex: 'row', width: 60 },
                { title: label(T.column), dataIndex: 'column', width: 120 },
                { title: label(T.reason), dataIndex: 'message', render: (m: LoanImportReport['errors'][number]['message']) => text(m) },
              ]} />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
