import { useState } from 'react';
import { Alert, Button, Progress, Space, Table, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportRowError, PayImportReport } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { getCsrfToken } from '../../../lib/api-client.ts';
import { payKeys, uploadFacts } from '../api/pay-api.ts';
import { usePayText } from './pay-text.ts';

/** Upload a fact file with a progress bar; on failure show every bad row (row, column, reason); nothing is loaded then. */
export function FactImport({ periodId }: { periodId: number }) {
  const p = usePayText();
  const { text } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [pct, setPct] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<PayImportReport | null>(null);
  const [errors, setErrors] = useState<ImportRowError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const start = async () => {
    if (!file) return;
    setBusy(true); setReport(null); setErrors(null); setFailure(null); setPct(0);
    try {
      const res = await uploadFacts(periodId, file, getCsrfToken(), setPct);
      const body = res.body as { details?: { report?: PayImportReport }; message?: { 'zh-CN': string; en: string } } & PayImportReport;
      if (res.ok) setReport(body);
      else if (body?.details?.report) setErrors(body.details.report.errors);
      else setFailure(body?.message ? text(body.message) : String(res.status));
    } catch {
      setFailure('network');
    } finally {
      setBusy(false);
      await qc.invalidateQueries({ queryKey: payKeys.all });
    }
  };

  return (
    <div data-testid="fact-import">
      <Typography.Paragraph type="secondary">{p('importHint')}</Typography.Paragraph>
      <Space wrap>
        <Upload accept=".csv,.xlsx" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)} showUploadList={{ showRemoveIcon: true }}>
          <Button data-testid="fact-file">{p('chooseFile')}</Button>
        </Upload>
        <Button type="primary" disabled={!file || busy} loading={busy} onClick={() => void start()} data-testid="fact-upload">{p('upload')}</Button>
      </Space>
      {pct !== null && busy && (
        <div style={{ marginTop: 12 }}>
          <Progress percent={pct} status="active" data-testid="fact-progress" />
          {pct === 100 && <Typography.Text type="secondary">{p('processing')}</Typography.Text>}
        </div>
      )}
      {report && (
        <Alert style={{ marginTop: 12 }} type={report.duplicateFile ? 'info' : 'success'} showIcon data-testid="fact-import-result"
          title={report.duplicateFile ? p('duplicate') : p('imported', { n: report.imported, s: report.skipped })} />
      )}
      {failure && <Alert style={{ marginTop: 12 }} type="error" showIcon title={failure} />}
      {errors && (
        <div style={{ marginTop: 12 }} data-testid="fact-import-errors">
          <Alert type="error" showIcon title={p('importFailed')} />
          <Table<ImportRowError> size="small" rowKey={(e) => `${e.row}-${e.column}`} pagination={false} dataSource={errors}
            columns={[{ title: p('row'), dataIndex: 'row', width: 80 }, { title: p('column'), dataIndex: 'column', width: 180 }, { title: p('reason'), key: 'm', render: (_, e) => text(e.message) }]} />
        </div>
      )}
    </div>
  );
}
