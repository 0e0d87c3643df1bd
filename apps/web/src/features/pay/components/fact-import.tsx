import { useState } from 'react';
import { Alert, Button, Progress, Space, Table, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportRowError, PayImportReport } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { getCsrfToken } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { importJob, openImportJob, payKeys, uploadFacts, type PayImportJob } from '../api/pay-api.ts';
import { usePayText } from './pay-text.ts';

/** Upload a fact file with a progress bar that follows the server (rows read and checked, writing, done); on failure show every bad row (row, column, reason); nothing is loaded then. */
export function FactImport({ periodId }: { periodId: number }) {
  const p = usePayText();
  const { text } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<PayImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<PayImportReport | null>(null);
  const [errors, setErrors] = useState<ImportRowError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const start = async () => {
    if (!file) return;
    setBusy(true); setReport(null); setErrors(null); setFailure(null); setJob(null);
    let polling = true;
    try {
      // The server reports rows read and checked, then the write: the bar follows it, not just the upload.
      const opened = await openImportJob(periodId, file);
      setJob(opened);
      const poll = async () => {
        while (polling) {
          await new Promise((r) => setTimeout(r, 250));
          if (!polling) break;
          try { setJob(await importJob(opened.jobId)); } catch { /* the final answer comes with the upload */ }
        }
      };
      const follow = poll();
      const res = await uploadFacts(periodId, file, getCsrfToken(), () => undefined, opened.jobId);
      polling = false;
      await follow;
      setJob(await importJob(opened.jobId));
      const body = res.body as { details?: { report?: PayImportReport }; message?: { 'zh-CN': string; en: string } } & PayImportReport;
      if (res.ok) setReport(body);
      else if (body?.details?.report) setErrors(body.details.report.errors);
      else setFailure(body?.message ? text(body.message) : String(res.status));
    } catch (e) {
      setFailure(e instanceof ApiError ? text(e.text) : 'network');
    } finally {
      polling = false;
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
      {job && (
        <div style={{ marginTop: 12 }} data-testid="fact-progress" data-phase={job.phase}>
          <Progress percent={job.percent} status={job.phase === 'failed' ? 'exception' : job.phase === 'done' ? 'success' : 'active'} />
          <Typography.Text type="secondary" data-testid="fact-progress-text">{p(`phase_${job.phase}`, { n: job.rows.toLocaleString() })}</Typography.Text>
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
