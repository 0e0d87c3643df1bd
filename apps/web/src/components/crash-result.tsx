import { Button, Result, Typography } from 'antd';
import { useI18n } from '../lib/i18n/use-i18n.ts';

export function CrashResult({ detail }: { detail?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={<span data-testid="crash-title">{t('error.crashed')}</span>}
      subTitle={t('error.crashedSub')}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t('error.reload')}</Button>}
    >
      {detail ? <Typography.Text type="secondary" code>{detail}</Typography.Text> : null}
    </Result>
  );
}
