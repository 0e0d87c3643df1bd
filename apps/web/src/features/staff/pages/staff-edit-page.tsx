import { Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useStaff } from '../api/get-staff.ts';
import { StaffForm } from '../components/staff-form.tsx';
import { PageSpinner } from '../../../components/page-spinner.tsx';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';

export default function StaffEditPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  // Loaded once; a refetch must not overwrite what the user is typing.
  const staff = useStaff(id);
  if (staff.isPending) return <PageSpinner />;
  if (staff.error) return <ApiErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />;
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{t('staff.editTitle', { name: staff.data.name })}</Typography.Title>
      <StaffForm
        key={staff.data.id}
        initial={staff.data}
        onSaved={(s) => void navigate(`/staff/${s.id}`)}
        onCancel={() => void navigate(`/staff/${id}`)}
      />
    </div>
  );
}
