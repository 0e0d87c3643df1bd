import { Alert, Button, Result } from 'antd';
import { useI18n } from '../lib/i18n/use-i18n.ts';
import { ApiError } from '../lib/api-error.ts';

/** Shows why a load failed, in the user's language. */
export function ApiErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, text } = useI18n();
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title={t('error.recordNotFound')} />;
  }
  if (error instanceof ApiError && error.status === 403) {
    return <Result status="403" title={t('error.forbidden')} subTitle={text(error.text)} />;
  }
  const message = error instanceof ApiError ? text(error.text) : t('error.crashedSub');
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
