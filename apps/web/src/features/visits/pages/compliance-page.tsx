import { Alert, Button, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { P, fill } from '../../customers/portfolio-text.ts';
import { useApplyBigCustomers, useBigCustomers, useCompliance, useRetention, useStaffing } from '../api/visits.ts';
import { PortfolioPolicyCard } from '../components/portfolio-policy-card.tsx';
import { businessToday } from '../../../lib/business-date.ts';

const l = (zh: string, en: string) => ({ zh, en });
const RET = {
  title: l('客户保有率', 'Retention'), base: l('上期客户', 'Held before'), kept: l('仍在管', 'Still held'), big: l('大客户评定（按用电量）', 'Big customers (by consumption)'),
  apply: l('按评定结果标记', 'Mark as selected'), tie: l('名单末位与下一位用量相同，需由制度决定', 'The last one in and the first one out consumed the same: the policy must decide'),
  consumption: l('用量', 'Consumption'), notYet: l('未标记', 'Not marked'), rate: l('保有率', 'Retention rate'),
};

const pct = (rate: string | null) => (rate === null ? '—' : `${(Number(rate) * 100).toFixed(1)}%`);
const rateTag = (rate: string | null) => (rate === null ? '—' : <Tag color={Number(rate) >= 0.9 ? 'green' : Number(rate) >= 0.7 ? 'orange' : 'red'}>{pct(rate)}</Tag>);

/** Supervisors: visit compliance per manager and per unit, and who is over the staffing limits. */
export default function CompliancePage() {
  const { label } = useI18n();
  const can = useCan();
  const c = useCompliance(true);
  const staffing = useStaffing(can('staffing.read'));
  // Retention: customers held in the previous half-year that are still held in this one.
  const today = businessToday();
  const y = Number(today.slice(0, 4));
  const h1 = Number(today.slice(5, 7)) <= 6;
  const periods = h1
    ? { firstFrom: `${y - 1}-07-01`, firstTo: `${y - 1}-12-31`, secondFrom: `${y}-01-01`, secondTo: today }
    : { firstFrom: `${y}-01-01`, firstTo: `${y}-06-30`, secondFrom: `${y}-07-01`, secondTo: today };
  const retention = useRetention(periods, true);
  const big = useBigCustomers(can('customers.assign'));
  const apply = useApplyBigCustomers();
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
            <Card size="small" title={label(P.staffing)} style={{ marginTop: 16 }} extra={staffing.data ? fill(label(P.limits), { r: staffing.data.maxRetail ?? '—', c: staffing.data.maxCorporate ?? '—' }) : null}>
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
        <Col xs={24} xl={12}>
          <Card size="small" title={`${label(RET.title)} (${periods.firstFrom}…${periods.firstTo} → ${periods.secondFrom}…${periods.secondTo})`}>
            <Table size="small" rowKey="staffId" pagination={false} loading={retention.isLoading} dataSource={retention.data?.items ?? []} data-testid="retention-table"
              columns={[
                { title: label(P.managers), dataIndex: 'name' },
                { title: label(RET.base), dataIndex: 'base', align: 'right' },
                { title: label(RET.kept), dataIndex: 'kept', align: 'right' },
                { title: label(RET.rate), dataIndex: 'rate', align: 'right', render: rateTag },
              ]} />
          </Card>
        </Col>
        {can('customers.assign') ? (
          <Col xs={24} xl={12}>
            <Card size="small" title={`${label(RET.big)} · Top ${big.data?.topN ?? ''}`}
              extra={<Button size="small" disabled={!big.data || (big.data.toFlag.length === 0 && big.data.toUnflag.length === 0)} loading={apply.isPending} onClick={() => apply.mutate()}>{label(RET.apply)}</Button>}>
              {big.data?.tiedAtCut ? <Alert type="warning" showIcon title={label(RET.tie)} style={{ marginBottom: 8 }} /> : null}
              <Table size="small" rowKey="customerId" pagination={false} loading={big.isLoading} dataSource={big.data?.items ?? []} data-testid="big-customers"
                columns={[
                  { title: '#', dataIndex: 'rank', width: 40 },
                  { title: label(P.customer), dataIndex: 'name' },
                  { title: label(RET.consumption), dataIndex: 'consumption', align: 'right', render: (n: number) => n.toLocaleString() },
                  { title: label(P.bigCustomer), dataIndex: 'flagged', render: (f: boolean) => (f ? <Tag color="gold">✓</Tag> : <Tag>{label(RET.notYet)}</Tag>) },
                ]} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24} xl={14}><PortfolioPolicyCard /></Col>
      </Row>
    </div>
  );
}
