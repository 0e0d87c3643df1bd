import { Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { StaffForm } from '../components/staff-form.tsx';

export default function StaffNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unit = Number(useSearchParams()[0].get('orgUnitId'));
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{t('staff.newTitle')}</Typography.Title>
      <StaffForm
        initial={null}
        defaults={unit > 0 ? { orgUnitId: unit } : undefined}
        onSaved={(s) => void navigate(`/staff/${s.id}`)}
        onCancel={() => void navigate('/staff')}
      />
    </div>
  );
}
