import { App, Button, Modal, Space, Typography, Upload } from 'antd';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useImportUpload } from '../../../lib/use-import-upload.ts';
import { apiDownload } from '../../../lib/api-client.ts';
import { ImportOutcomeView } from '../../staff/components/import-outcome.tsx';
import { useImportCustomers, XLSX_TYPE } from '../api/territories.ts';
import { P, fill } from '../portfolio-text.ts';

/** Upload a filled-in customer sheet: all rows or none; on failure every bad cell is listed (zh/en). */
export function CustomerImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const run = useImportCustomers();
  const { outcome, fileList, choose, close, start } = useImportUpload(run, {
    onClose, onNoFile: () => void message.warning(label(P.importNoFile)), unexpected: { 'zh-CN': label(P.importFailed), en: label(P.importFailed) },
  });
  return (
    <Modal open={open} title={label(P.importTitle)} onCancel={close} width={720} destroyOnHidden
      footer={[
        <Button key="close" onClick={close} data-testid="customer-import-close">{label(P.close)}</Button>,
        <Button key="go" type="primary" loading={run.isPending} onClick={start} data-testid="customer-import-start">{label(P.importUpload)}</Button>,
      ]}>
      <Typography.Paragraph type="secondary">{label(P.importHint)}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button data-testid="customer-import-template" onClick={() => void apiDownload('/api/v1/customers/import-template.xlsx', undefined, 'customers-template.xlsx').catch((e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e)))}>
          {label(P.importTemplate)}
        </Button>
        <Upload accept={`.xlsx,${XLSX_TYPE}`} maxCount={1} fileList={fileList}
          beforeUpload={(f) => { choose(f); return false; }} onRemove={() => choose(null)}>
          <Button data-testid="customer-import-choose">{label(P.importChoose)}</Button>
        </Upload>
      </Space>
      <ImportOutcomeView outcome={outcome} testId="customer-import"
        done={outcome?.ok ? fill(label(P.importDone), { imported: outcome.report.imported, updated: outcome.report.updated, unchanged: outcome.report.unchanged }) : ''}
        failed={label(P.importFailed)} report={(n) => fill(label(P.importReport), { n })} />
    </Modal>
  );
}
