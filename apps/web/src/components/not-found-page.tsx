import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../lib/i18n/use-i18n.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<span data-testid="not-found-title">{t('error.notFound')}</span>}
      subTitle={t('error.notFoundSub')}
      extra={<Button type="primary" onClick={() => void navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}

export default NotFoundPage;
