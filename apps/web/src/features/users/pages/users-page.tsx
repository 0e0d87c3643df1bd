import { useMemo, useState } from 'react';
import { Button, Table, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '@kehu/domain';
import type { User } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useUsers } from '../api/list-users.ts';
import { useOrgUnits } from '../../org-units/api/list-org-units.ts';
import { UserFormModal } from '../components/user-form-modal.tsx';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';

export default function UsersPage() {
  const { t, label } = useI18n();
  const users = useUsers();
  const units = useOrgUnits();
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const unitName = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])), [units.data]);

  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{t('users.title')}</Typography.Title>
        <span className="kehu-spacer" />
        <Button type="primary" onClick={() => setEditing({ user: null })} data-testid="user-new">{t('users.new')}</Button>
      </div>
      {users.error ? <ApiErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : (
        <Table<User>
          data-testid="users-table"
          rowKey="id"
          size="middle"
          loading={users.isPending}
          dataSource={users.data?.items ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
          columns={[
            { title: t('users.login'), dataIndex: 'login' },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            { title: t('users.role'), dataIndex: 'role', render: (_, u) => label(ROLE_LABELS[u.role]) },
            { title: t('users.orgUnit'), dataIndex: 'orgUnitId', render: (_, u) => (u.orgUnitId ? unitName.get(u.orgUnitId) ?? u.orgUnitId : '—') },
            { title: t('users.state'), dataIndex: 'disabled', render: (_, u) => (u.disabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>) },
            { title: t('users.lastSignIn'), dataIndex: 'lastSignInAt', render: (_, u) => formatDateTime(u.lastSignInAt) },
            { title: t('common.actions'), key: 'a', render: (_, u) => <Button type="link" onClick={() => setEditing({ user: u })}>{t('common.edit')}</Button> },
          ]}
        />
      )}
      <UserFormModal open={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} />
    </div>
  );
}
