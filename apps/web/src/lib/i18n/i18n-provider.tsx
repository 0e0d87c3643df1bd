import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { I18nContext } from './i18n-context.ts';
import type { I18n } from './i18n-context.ts';
import { storedLocale, storeLocale } from './locale.ts';
import type { Locale } from './locale.ts';
import { zh } from './messages-zh.ts';
import { en } from './messages-en.ts';

const DICTS = { 'zh-CN': zh, en } as const;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? 'zh-CN');

  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
    document.title = `${DICTS[locale]['app.name']} · Kehu`;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = DICTS[locale];
    return {
      locale,
      setLocale,
      t: (key, vars) => {
        const s: string = dict[key];
        return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
      },
      text: (message) => message[locale],
      label: (l, fallback = '') => (l ? (locale === 'zh-CN' ? l.zh : l.en) : fallback),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
