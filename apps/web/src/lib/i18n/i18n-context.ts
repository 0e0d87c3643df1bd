import { createContext } from 'react';
import type { LocalizedText } from '@kehu/contracts';
import type { Locale } from './locale.ts';
import type { MessageKey } from './messages-zh.ts';

export interface I18n {
  locale: Locale;
  /** Changes the language and remembers it on this device. */
  setLocale: (locale: Locale) => void;
  /** Looks up a UI string; `{name}` placeholders are filled from `vars`. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Picks the current language from a server message. */
  text: (message: LocalizedText) => string;
  /** Picks the current language from a domain label ({zh, en}). */
  label: (l: { zh: string; en: string } | undefined, fallback?: string) => string;
}

export const I18nContext = createContext<I18n | null>(null);
