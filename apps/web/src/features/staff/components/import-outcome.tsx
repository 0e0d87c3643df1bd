import { Alert, Typography } from 'antd';
import type { ImportOutcome } from '../../../lib/use-import-upload.ts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ImportReportTable } from './import-report-table.tsx';

/**
 * What an all-rows-or-none upload came to: a success line, or the refusal with every bad cell.
 * Texts come from the dialog (each feature words its counts); test ids are `<testId>-success|-failed`.
 */
export function ImportOutcomeView({ outcome, testId, done, failed, report }: {
  outcome: ImportOutcome | null;
  testId: string;
  done: string;
  failed: string;
  report: (n: number) => string;
}) {
  const { text } = useI18n();
  if (!outcome) return null;
  if (outcome.ok) return <Alert type="success" showIcon data-testid={`${testId}-success`} title={done} />;
  return (
    <>
      <Alert type="error" showIcon title={outcome.report ? failed : text(outcome.message)} style={{ marginBottom: 12 }} data-testid={`${testId}-failed`} />
      {outcome.report?.errors.length ? (
        <>
          <Typography.Text strong>{report(outcome.report.errors.length)}</Typography.Text>
          <ImportReportTable errors={outcome.report.errors} />
        </>
      ) : null}
    </>
  );
}
