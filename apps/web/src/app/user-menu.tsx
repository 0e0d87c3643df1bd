import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { ROLE_LABELS } from '@kehu/domain';
import { useNavigate } from 'react-router';
import { useSession } from './session-context.ts';
import { useI18n } from '../lib/i18n/use-i18n.ts';
import { useSignOut } from '../features/auth/api/sign-out.ts';

/** Name, role and tenant of the signed-in user, with sign-out. */
export function UserMenu() {
  const me = useSession();
  const { t, label, locale } = useI18n();
  const colon = locale === 'en' ? ': ' : '：';
  const signOut = useSignOut();
  const navigate = useNavigate();
  const role = label(ROLE_LABELS[me.role]);

  const items = [
    { key: 'role', disabled: true, label: `${t('user.role')}${colon}${role}` },
    { key: 'tenant', disabled: true, label: `${t('user.tenant')}${colon}${me.tenantName}` },
    ...(me.orgUnitName ? [{ key: 'unit', disabled: true, label: `${t('user.unit')}${colon}${me.orgUnitName}` }] : []),
    { type: 'divider' as const },
    { key: 'sign-out', label: <span data-testid="sign-out">{t('user.signOut')}</span> },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'sign-out') signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 'auto', padding: '4px 8px' }}>
        <Space>
          <Avatar size="small" style={{ background: '#1f6f5c' }}>{me.displayName.slice(0, 1)}</Avatar>
          <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: 1.3 }}>
            <Typography.Text strong data-testid="user-name">{me.displayName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} className="kehu-user-role" data-testid="user-role">{role} · {me.tenantName}</Typography.Text>
          </span>
        </Space>
      </Button>
    </Dropdown>
  );
}
