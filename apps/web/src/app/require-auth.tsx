import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../features/auth/api/get-me.ts';
import { PageSpinner } from '../components/page-spinner.tsx';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { SessionContext } from './session-context.ts';
import { storedLocale } from '../lib/i18n/locale.ts';
import { useI18n } from '../lib/i18n/use-i18n.ts';

/** Everything below needs a session; without one the user goes to sign-in and comes back after. */
export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  const { locale, setLocale } = useI18n();

  // A device that never chose a language starts in the one saved on the account.
  useEffect(() => {
    if (me && !storedLocale() && me.locale !== locale) setLocale(me.locale);
  }, [me, locale, setLocale]);

  if (isPending) return <PageSpinner />;
  if (error) return <div style={{ padding: 24 }}><ApiErrorAlert error={error} onRetry={() => void refetch()} /></div>;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SessionContext.Provider value={me}>
      <Outlet />
    </SessionContext.Provider>
  );
}
