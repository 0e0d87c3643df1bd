import { App, Button, Modal, Space, Typography, Upload } from 'antd';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useImportUpload } from '../../../lib/use-import-upload.ts';
import { useImportStaff, XLSX_TYPE } from '../api/import-staff.ts';
import { useDownloadImportTemplate } from '../api/import-template.ts';
import { ImportOutcomeView } from './import-outcome.tsx';

/** Upload a filled-in template; on failure show every bad row, and nothing is imported. */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, text } = useI18n();
  const { message } = App.useApp();
  const run = useImportStaff();
  const template = useDownloadImportTemplate();
  const { outcome, fileList, choose, close, start } = useImportUpload(run, {
    onClose, onNoFile: () => void message.warning(t('import.noFile')), unexpected: { 'zh-CN': t('error.crashedSub'), en: t('error.crashedSub') },
  });

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
          beforeUpload={(f) => { choose(f); return false; }}
          onRemove={() => choose(null)}
        >
          <Button data-testid="import-choose">{t('import.choose')}</Button>
        </Upload>
      </Space>
      <ImportOutcomeView outcome={outcome} testId="import"
        done={outcome?.ok ? t('import.done', { imported: outcome.report.imported, updated: outcome.report.updated, unchanged: outcome.report.unchanged }) : ''}
        failed={t('import.failed')} report={(n) => t('import.report', { n })} />
    </Modal>
  );
}
