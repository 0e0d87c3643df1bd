import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../lib/i18n/i18n-provider.tsx';
import { useI18n } from '../lib/i18n/use-i18n.ts';
import { setCsrfToken, setUnauthorizedHandler } from '../lib/api-client.ts';
import { ApiError } from '../lib/api-error.ts';
import { meQueryKey } from '../features/auth/api/get-me.ts';
import { markSessionExpired } from '../features/auth/session-expired.ts';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        // 4xx answers will not change on retry; network blips may.
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the user asked the system for less motion (and follows it when they change it). */
function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia(REDUCED_MOTION).matches);
  useEffect(() => {
    const m = window.matchMedia(REDUCED_MOTION);
    const on = () => setReduced(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return reduced;
}

function AntdLocale({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  // Dialogs, dropdowns and messages appear without zooming or sliding for those who asked for less motion.
  const motion = !usePrefersReducedMotion();
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{
        token: { motion, colorPrimary: '#1f6f5c', colorLink: '#1f6f5c', borderRadius: 6, fontFamily: "-apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" },
        components: {
          Menu: { itemSelectedBg: '#e3f1ec', itemSelectedColor: '#1f6f5c', itemHoverBg: '#f0f7f4' },
          Tree: { nodeSelectedBg: '#d5ebe3', nodeHoverBg: '#eef6f3' },
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);

  // A 401 anywhere means the session is gone: forget the user, and the router sends them to sign-in.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      if (client.getQueryData(meQueryKey)) markSessionExpired();
      client.setQueryData(meQueryKey, null);
    });
  }, [client]);

  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <AntdLocale>{children}</AntdLocale>
      </I18nProvider>
    </QueryClientProvider>
  );
}
