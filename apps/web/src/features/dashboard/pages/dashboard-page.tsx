import { useMemo } from 'react';
import { Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { LABELS, ROLE_LABELS, ROLE_SCOPE, STAFF_STATUSES } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan, useSession } from '../../../app/session-context.ts';
import { useOrgUnits } from '../../org-units/api/list-org-units.ts';
import { useStaffCounts } from '../api/staff-counts.ts';
import { EChart } from '../../../components/echart.tsx';

const STATUS_COLORS = ['#52c41a', '#1677ff', '#fa8c16', '#bfbfbf'];

export default function DashboardPage() {
  const { t, label, locale } = useI18n();
  // The label's colon follows the language (antd's own is an ASCII one in Chinese too).
  const c = (text: string) => `${text}${locale === 'en' ? ':' : '：'}`;
  const me = useSession();
  const can = useCan();
  const units = useOrgUnits(can('org.read'));
  const counts = useStaffCounts(can('staff.read'));

  const pie = useMemo(() => ({
    color: STATUS_COLORS,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{b}: {c}' },
      data: STAFF_STATUSES.map((s) => ({ name: label(LABELS.status[s]), value: counts.data?.byStatus[s] ?? 0 })).filter((d) => d.value > 0),
    }],
  }), [counts.data, label]);

  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title" data-testid="home-hello">{t('home.hello', { name: me.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small">
            <Descriptions column={1} size="small" colon={false} data-testid="home-whoami">
              <Descriptions.Item label={c(t('user.role'))}><span data-testid="home-role">{label(ROLE_LABELS[me.role])}</span></Descriptions.Item>
              <Descriptions.Item label={c(t('user.tenant'))}>{me.tenantName}</Descriptions.Item>
              <Descriptions.Item label={c(t('user.unit'))}>{me.orgUnitName ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={c(t('home.scope'))}>{t(`home.scope.${ROLE_SCOPE[me.role]}`)}</Descriptions.Item>
              {me.staffId && can('staff.read') ? (
                <Descriptions.Item label={c(t('home.myRecord'))}><Link to={`/staff/${me.staffId}`} data-testid="home-my-record">{t('common.view')}</Link></Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Row gutter={[16, 16]}>
            {can('staff.read') ? (
              <>
                <Col span={8}><Card size="small"><Statistic title={t('home.staffTotal')} value={counts.data?.total ?? '—'} loading={counts.isPending} /></Card></Col>
                <Col span={8}><Card size="small"><Statistic title={t('home.active')} value={counts.data?.byStatus.active ?? '—'} loading={counts.isPending} /></Card></Col>
              </>
            ) : null}
            {can('org.read') ? (
              <Col span={8}><Card size="small"><Statistic title={t('home.unitTotal')} value={units.data?.items.length ?? '—'} loading={units.isPending} /></Card></Col>
            ) : null}
          </Row>
        </Col>
        {can('staff.read') && ROLE_SCOPE[me.role] !== 'own' ? (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('home.byStatus')}>
              <EChart option={pie} testId="home-chart" />
            </Card>
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
