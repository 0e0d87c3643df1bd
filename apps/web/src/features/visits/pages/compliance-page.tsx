import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { P, fill } from '../../customers/portfolio-text.ts';
import { useCompliance, useStaffing } from '../api/visits.ts';

const pct = (rate: string | null) => (rate === null ? '—' : `${(Number(rate) * 100).toFixed(1)}%`);
const rateTag = (rate: string | null) => (rate === null ? '—' : <Tag color={Number(rate) >= 0.9 ? 'green' : Number(rate) >= 0.7 ? 'orange' : 'red'}>{pct(rate)}</Tag>);

/** Supervisors: visit compliance per manager and per unit, and who is over the staffing limits. */
export default function CompliancePage() {
  const { label } = useI18n();
  const can = useCan();
  const c = useCompliance(true);
  const staffing = useStaffing(can('staffing.read'));
  if (c.error) return <ApiErrorAlert error={c.error} onRetry={() => void c.refetch()} />;
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title" data-testid="compliance-title">{label(P.compliance)} · {c.data?.date ?? ''}</Typography.Title>
      <Typography.Paragraph type="secondary">{label(P.complianceHint)}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={label(P.byManager)}>
            <Table size="small" rowKey="staffId" loading={c.isLoading} dataSource={c.data?.managers ?? []} pagination={false} data-testid="compliance-managers" scroll={{ x: true }}
              columns={[
                { title: label(P.managers), dataIndex: 'name' },
                { title: label(P.unit), dataIndex: 'orgUnitName' },
                { title: label(P.customersCount), dataIndex: 'customers', align: 'right' },
                { title: label(P.required), dataIndex: 'required', align: 'right' },
                { title: label(P.overdue), dataIndex: 'overdue', align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
                { title: label(P.rate), dataIndex: 'rate', align: 'right', render: rateTag },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={label(P.byUnit)}>
            <Table size="small" rowKey="orgUnitId" loading={c.isLoading} dataSource={c.data?.units ?? []} pagination={false} data-testid="compliance-units"
              columns={[
                { title: label(P.unit), dataIndex: 'orgUnitName' },
                { title: label(P.required), dataIndex: 'required', align: 'right' },
                { title: label(P.overdue), dataIndex: 'overdue', align: 'right' },
                { title: label(P.rate), dataIndex: 'rate', align: 'right', render: rateTag },
              ]} />
          </Card>
          {can('staffing.read') ? (
            <Card size="small" title={label(P.staffing)} style={{ marginTop: 16 }} extra={staffing.data ? fill(label(P.limits), { r: staffing.data.maxRetail, c: staffing.data.maxCorporate }) : null}>
              <Table size="small" rowKey="staffId" loading={staffing.isLoading} dataSource={staffing.data?.items ?? []} pagination={false} data-testid="staffing-table"
                columns={[
                  { title: label(P.managers), dataIndex: 'name' },
                  { title: label(P.retail), dataIndex: 'retail', align: 'right' },
                  { title: label(P.corporate), dataIndex: 'corporate', align: 'right' },
                  { title: label(P.excess), key: 'x', align: 'right', render: (_: unknown, r) => (r.over ? <Tag color="red">{r.retailExcess ? `+${r.retailExcess} ${label(P.retail)}` : ''}{r.corporateExcess ? ` +${r.corporateExcess} ${label(P.corporate)}` : ''}</Tag> : '—') },
                ]} />
            </Card>
          ) : null}
        </Col>
      </Row>
    </div>
  );
}
