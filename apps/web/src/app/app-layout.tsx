import { Suspense, useState } from 'react';
import { Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from './session-context.ts';
import { menuFor, selectedMenuKey } from './menu-items.ts';
import { UserMenu } from './user-menu.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NotificationBell } from '../features/notifications/components/notification-bell.tsx';
import { useI18n } from '../lib/i18n/use-i18n.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { PageSpinner } from '../components/page-spinner.tsx';

/** The signed-in shell: role-dependent side menu, header with language and user menu. */
export function AppLayout() {
  const me = useSession();
  const { t } = useI18n();
  const location = useLocation();
  // On narrow screens the menu folds away behind a button that sits in the header row; opened there it lies over
  // the page (the header keeps its full width, so the bell and its badge never slide under the button) and folds
  // again once a page is picked.
  const [collapsed, setCollapsed] = useState(false);
  const [phone, setPhone] = useState(false);
  const [shownPath, setShownPath] = useState(location.pathname);
  if (shownPath !== location.pathname) {
    setShownPath(location.pathname);
    if (phone) setCollapsed(true);
  }
  const items = menuFor(me.permissions).map((m) => ({
    key: m.path,
    label: <Link to={m.path} data-testid={`menu-${m.path === '/' ? 'home' : m.path.slice(1)}`}>{t(m.label)}</Link>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #f0f0f0', ...(phone ? { position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: 100, boxShadow: collapsed ? undefined : '0 0 24px rgba(0,0,0,.15)' } : {}) }}
        collapsed={collapsed} onCollapse={setCollapsed} onBreakpoint={setPhone} zeroWidthTriggerStyle={{ top: 10 }}>
        <div style={{ padding: '18px 20px 12px' }}>
          <Typography.Title level={5} style={{ margin: 0, color: '#1f6f5c' }}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{me.tenantName}</Typography.Text>
        </div>
        <Menu mode="inline" selectedKeys={[selectedMenuKey(location.pathname)]} items={items} data-testid="side-menu" style={{ borderInlineEnd: 'none' }} />
      </Layout.Sider>
      {phone && !collapsed ? (
        <div data-testid="side-menu-mask" onClick={() => setCollapsed(true)} aria-hidden="true"
          style={{ position: 'fixed', inset: 0, zIndex: 99, background: 'rgba(0,0,0,.25)' }} />
      ) : null}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: phone ? '0 16px 0 64px' : collapsed ? '0 24px 0 64px' : '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: '1px solid #f0f0f0', height: 60 }}>
          <Space size="middle">
            <NotificationBell />
            <LanguageSwitch signedIn />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
