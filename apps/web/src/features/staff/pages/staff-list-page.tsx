import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ROLE_SCOPE } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan, useSession } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useStaffList } from '../api/list-staff.ts';
import { useExportStaff } from '../api/export-staff.ts';
import { useStaffFilters } from '../components/use-staff-filters.ts';
import { StaffFilterBar } from '../components/staff-filter-bar.tsx';
import { StaffTable } from '../components/staff-table.tsx';
import { ImportDialog } from '../components/import-dialog.tsx';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';

export default function StaffListPage() {
  const { t, text } = useI18n();
  const me = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [filters, setFilters] = useStaffFilters();
  const list = useStaffList(filters);
  const exporter = useExportStaff();
  const [importing, setImporting] = useState(false);

  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{t('staff.title')}</Typography.Title>
        <span className="kehu-spacer" />
        <Space wrap>
          {can('staff.export') ? (
            <Button data-testid="staff-export" loading={exporter.isPending}
              onClick={() => exporter.mutate(filters, {
                onSuccess: () => void message.success(t('staff.exported')),
                onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)),
              })}>
              {t('staff.export')}
            </Button>
          ) : null}
          {can('staff.import') ? <Button data-testid="staff-import" onClick={() => setImporting(true)}>{t('staff.import')}</Button> : null}
          {can('staff.write') ? <Button type="primary" data-testid="staff-new" onClick={() => void navigate('/staff/new')}>{t('staff.new')}</Button> : null}
        </Space>
      </div>
      {/* Someone who sees only their own record has nothing to filter. */}
      {ROLE_SCOPE[me.role] === 'own' ? null : <StaffFilterBar filters={filters} onChange={setFilters} showUnitFilter={can('org.read')} />}
      {list.error ? <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : (
        <StaffTable
          data={list.data}
          loading={list.isFetching}
          canEdit={can('staff.write')}
          onPage={(page, pageSize) => setFilters({ page, pageSize })}
        />
      )}
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
