import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { importReport } from '@kehu/contracts';
import type { ImportReport, LocalizedText } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useImportStaff, XLSX_TYPE } from '../api/import-staff.ts';
import { useDownloadImportTemplate } from '../api/import-template.ts';
import { ImportReportTable } from './import-report-table.tsx';

type Outcome = { ok: true; report: ImportReport } | { ok: false; message: LocalizedText; report: ImportReport | null };

/** Upload a filled-in template; on failure show every bad row, and nothing is imported. */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, text } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = useImportStaff();
  const template = useDownloadImportTemplate();

  const close = () => { setFile(null); setOutcome(null); onClose(); };

  const start = () => {
    if (!file) return void message.warning(t('import.noFile'));
    setOutcome(null);
    run.mutate(file, {
      onSuccess: (report) => setOutcome({ ok: true, report }),
      onError: (err) => {
        if (err instanceof ApiError) {
          const parsed = importReport.safeParse(err.details?.report);
          setOutcome({ ok: false, message: err.text, report: parsed.success ? parsed.data : null });
        } else {
          setOutcome({ ok: false, message: { 'zh-CN': t('error.crashedSub'), en: t('error.crashedSub') }, report: null });
        }
      },
    });
  };

  const fileList: UploadFile[] = file ? [{ uid: 'one', name: file.name, status: 'done' }] : [];

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} width={720} destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>{t('common.close')}</Button>,
        <Button key="go" type="primary" loading={run.isPending} onClick={start} data-testid="import-start">{t('import.upload')}</Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button loading={template.isPending} data-testid="import-template"
          onClick={() => template.mutate(undefined, { onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)) })}>
          {t('import.template')}
        </Button>
        <Upload
          accept={`.xlsx,${XLSX_TYPE}`}
          maxCount={1}
          fileList={fileList}
          beforeUpload={(f) => { setFile(f); setOutcome(null); return false; }}
          onRemove={() => { setFile(null); setOutcome(null); }}
        >
          <Button data-testid="import-choose">{t('import.choose')}</Button>
        </Upload>
      </Space>
      {outcome?.ok ? (
        <Alert type="success" showIcon data-testid="import-success"
          title={t('import.done', { imported: outcome.report.imported, updated: outcome.report.updated, unchanged: outcome.report.unchanged })} />
      ) : null}
      {outcome && !outcome.ok ? (
        <>
          <Alert type="error" showIcon title={outcome.report ? t('import.failed') : text(outcome.message)} style={{ marginBottom: 12 }} data-testid="import-failed" />
          {outcome.report?.errors.length ? (
            <>
              <Typography.Text strong>{t('import.report', { n: outcome.report.errors.length })}</Typography.Text>
              <ImportReportTable errors={outcome.report.errors} />
            </>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
