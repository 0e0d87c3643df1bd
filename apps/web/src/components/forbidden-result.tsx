import { Result } from 'antd';
import { useI18n } from '../lib/i18n/use-i18n.ts';

export function ForbiddenResult() {
  const { t } = useI18n();
  return <Result status="403" title={t('error.forbidden')} subTitle={t('error.forbiddenSub')} />;
}
