import { Button } from 'antd';
import { useI18n } from '../lib/i18n/use-i18n.ts';
import { saveLocale } from '../features/auth/api/set-locale.ts';

/** Flips between 中文 and English; remembered on this device and, when signed in, on the account. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      data-testid="language-switch"
      onClick={() => {
        setLocale(next);
        // The device remembers it regardless; the account copy is a courtesy.
        if (signedIn) saveLocale(next).catch(() => undefined);
      }}
    >
      {t('lang.switch')}
    </Button>
  );
}
