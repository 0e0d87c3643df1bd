import { useContext } from 'react';
import { I18nContext } from './i18n-context.ts';
import type { I18n } from './i18n-context.ts';

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
