import { Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LABELS } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useStaff } from '../api/get-staff.ts';
import { useStaffHistory } from '../api/staff-history.ts';
import { useOrgUnits } from '../../org-units/api/list-org-units.ts';
import { StaffStatusTag } from '../components/staff-status-tag.tsx';
import { StaffHistoryList } from '../components/staff-history-list.tsx';
import { PageSpinner } from '../../../components/page-spinner.tsx';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { NotFoundPage } from '../../../components/not-found-page.tsx';

export default function StaffDetailPage() {
  const { t, label } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  // Opened from a bookmark or a reload there is no page to go back to: go to the list instead.
  const location = useLocation();
  const back = () => void (location.key === 'default' ? navigate('/staff') : navigate(-1));
  const id = Number(useParams().id);
  const staff = useStaff(id);
  const history = useStaffHistory(id);
  const units = useOrgUnits(can('org.read'));
  const unitName = (unitId: number) => units.data?.items.find((u) => u.id === unitId)?.name;

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (staff.isPending) return <PageSpinner />;
  if (staff.error) return <ApiErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />;
  const s = staff.data;

  return (
    <div>
      <div className="kehu-toolbar">
        <Button onClick={back}>{t('common.back')}</Button>
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }} data-testid="staff-detail-name">{s.name}</Typography.Title>
        <StaffStatusTag status={s.status} />
        <span className="kehu-spacer" />
        {can('staff.write') ? <Link to={`/staff/${s.id}/edit`}><Button type="primary" data-testid="staff-edit">{t('common.edit')}</Button></Link> : null}
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('staff.detail')} size="small">
            <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }} data-testid="staff-detail">
              <Descriptions.Item label={t('staff.name')}>{s.name}</Descriptions.Item>
              <Descriptions.Item label={t('staff.gender')}>{label(LABELS.gender[s.gender])}</Descriptions.Item>
              <Descriptions.Item label={t('staff.birthDate')}>{s.birthDate}</Descriptions.Item>
              <Descriptions.Item label={t('staff.idCardNo')}>{s.idCardNo}</Descriptions.Item>
              <Descriptions.Item label={t('staff.phone')}>{s.phone}</Descriptions.Item>
              <Descriptions.Item label={t('staff.education')}>{label(LABELS.education[s.education])}</Descriptions.Item>
              <Descriptions.Item label={t('staff.orgUnit')}>{s.orgUnitName}</Descriptions.Item>
              <Descriptions.Item label={t('staff.position')}>{label(LABELS.position[s.position])}</Descriptions.Item>
              <Descriptions.Item label={t('staff.category')}>{label(LABELS.category[s.category])}</Descriptions.Item>
              <Descriptions.Item label={t('staff.hireType')}>{label(LABELS.hireType[s.hireType])}</Descriptions.Item>
              <Descriptions.Item label={t('staff.hireDate')}>{s.hireDate}</Descriptions.Item>
              <Descriptions.Item label={t('staff.updatedAt')}>{formatDateTime(s.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('staff.history')} size="small">
            {history.isPending ? <PageSpinner /> : history.error ? <ApiErrorAlert error={history.error} /> : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <StaffHistoryList items={history.data.items} unitName={unitName} />
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
