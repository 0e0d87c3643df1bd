import { useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import type { Assignment, Customer, Visit } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useAssignmentHistory, useCustomer } from '../api/customers.ts';
import { useVisits } from '../../visits/api/visits.ts';
import { VisitFormDrawer } from '../../visits/components/visit-form-drawer.tsx';
import { ComplaintDialog } from '../../complaints/components/complaint-dialog.tsx';
import { SurveyLinkDialog } from '../../surveys/components/survey-link-dialog.tsx';
import { TransferDialog } from '../components/transfer-dialog.tsx';
import { AssignmentDialog } from '../components/assignment-dialog.tsx';
import { ContactLogCard } from '../components/contact-log-card.tsx';
import { KIND_LABELS, P, ROLE_LABELS_P, SEGMENT_LABELS, VISIT_STATUS_LABELS, yuan } from '../portfolio-text.ts';

const ARCHIVE_LABELS: Record<string, { zh: string; en: string }> = {
  householdSize: { zh: '家庭人口', en: 'Household size' }, householdHead: { zh: '户主', en: 'Head of household' }, business: { zh: '经营项目', en: 'Business' },
  annualIncomeFen: { zh: '年收入（元）', en: 'Annual income (yuan)' }, assetsFen: { zh: '资产（元）', en: 'Assets (yuan)' }, liabilitiesFen: { zh: '负债（元）', en: 'Liabilities (yuan)' },
  creditStanding: { zh: '信用状况', en: 'Credit standing' }, notes: { zh: '备注', en: 'Notes' },
};

type Dialog = 'visit' | 'complaint' | 'transfer' | 'assign' | 'survey' | null;

/** One customer: economic archive, who manages it (and who did), visits; actions by role. */
export default function CustomerDetailPage() {
  const { label } = useI18n();
  const can = useCan();
  const id = Number(useParams().id);
  const customer = useCustomer(id);
  const history = useAssignmentHistory(id);
  const visits = useVisits(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (customer.error) return <ApiErrorAlert error={customer.error} onRetry={() => void customer.refetch()} />;
  const c: Customer | undefined = customer.data;
  const archive = Object.entries(c?.archive ?? {});
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }} data-testid="customer-name">{c?.name ?? ''}</Typography.Title>
        {c?.bigCustomer ? <Tag color="gold">{label(P.bigCustomer)}</Tag> : null}
        {c?.problemLoan ? <Tag color="red">{label(P.problemLoan)}</Tag> : null}
        <span className="kehu-spacer" />
        <Space wrap>
          {can('visits.write') ? <Button type="primary" data-testid="customer-visit" onClick={() => setDialog('visit')}>{label(P.recordVisit)}</Button> : null}
          {can('complaints.manage') ? <Button data-testid="customer-complaint" onClick={() => setDialog('complaint')}>{label(P.newComplaint)}</Button> : null}
          {can('surveys.issue') ? <Button data-testid="customer-survey" onClick={() => setDialog('survey')}>{label(P.issueLink)}</Button> : null}
          {can('customers.request') ? <Button data-testid="customer-transfer" onClick={() => setDialog('transfer')}>{label(P.transfer)}</Button> : null}
          {can('customers.assign') ? <Button data-testid="customer-assign" onClick={() => setDialog('assign')}>{label(P.assign)}</Button> : null}
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" loading={customer.isLoading}>
            {c ? (
              <Descriptions column={1} size="small" data-testid="customer-facts">
                <Descriptions.Item label={label(P.customerNo)}>{c.customerNo}</Descriptions.Item>
                <Descriptions.Item label={label(P.kind)}>{label(KIND_LABELS[c.kind])} · {label(SEGMENT_LABELS[c.segment])}</Descriptions.Item>
                <Descriptions.Item label={label(P.idNo)}>{c.idNo}</Descriptions.Item>
                <Descriptions.Item label={label(P.phone)}>{c.phone || '—'}</Descriptions.Item>
                <Descriptions.Item label={label(P.address)}>{c.address || '—'}</Descriptions.Item>
                <Descriptions.Item label={label(P.unit)}>{c.orgUnitName}</Descriptions.Item>
                <Descriptions.Item label={label(P.loan)}>{yuan(c.loanBalanceFen)}</Descriptions.Item>
                <Descriptions.Item label={label(P.deposit)}>{yuan(c.depositBalanceFen)}</Descriptions.Item>
                <Descriptions.Item label={label(P.rating)}>{c.creditRating}</Descriptions.Item>
                <Descriptions.Item label={label(P.visit)}>{label(VISIT_STATUS_LABELS[c.visitStatus])} · {label(P.lastVisit)} {c.lastVisit ?? '—'} · {label(P.dueDate)} {c.visitDueDate ?? '—'}</Descriptions.Item>
              </Descriptions>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={label(P.archive)} loading={customer.isLoading}>
            <Descriptions column={1} size="small" data-testid="customer-archive">
              {archive.map(([k, v]) => (
                <Descriptions.Item key={k} label={label(ARCHIVE_LABELS[k], k)}>{k.endsWith('Fen') && typeof v === 'number' ? yuan(v) : String(v)}</Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={label(P.history)}>
            <Table<Assignment> size="small" rowKey="id" pagination={false} loading={history.isLoading} dataSource={history.data?.items ?? []} data-testid="assignment-history"
              columns={[
                { title: label(P.managers), dataIndex: 'staffName' },
                { title: label(P.role), dataIndex: 'role', render: (r: Assignment['role']) => label(ROLE_LABELS_P[r]) },
                { title: label(P.share), dataIndex: 'share', align: 'right' },
                { title: label(P.validFrom), dataIndex: 'validFrom' },
                { title: label(P.validTo), dataIndex: 'validTo', render: (d: string | null) => d ?? '—' },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={label(P.visits)}>
            <Table<Visit> size="small" rowKey="id" pagination={{ pageSize: 5 }} loading={visits.isLoading} dataSource={visits.data?.items ?? []} data-testid="visit-list"
              columns={[
                { title: label(P.visitDate), dataIndex: 'visitDate', width: 110 },
                { title: label(P.managers), dataIndex: 'staffName', width: 80 },
                { title: label(P.purpose), dataIndex: 'purpose' },
                { title: label(P.findings), dataIndex: 'findings', render: (f: string, v: Visit) => <span>{f}{v.hasPhoto ? <> · <a href={`/api/v1/visits/${v.id}/photo`} target="_blank" rel="noreferrer">📷</a></> : null}</span> },
              ]} />
          </Card>
        </Col>
        {c?.bigCustomer ? <Col xs={24}><ContactLogCard customerId={id} canWrite={can('visits.write')} /></Col> : null}
      </Row>
      <VisitFormDrawer customer={dialog === 'visit' && c ? { id: c.id, name: c.name } : null} onClose={() => setDialog(null)} />
      <ComplaintDialog customerId={id} open={dialog === 'complaint'} onClose={() => setDialog(null)} />
      <SurveyLinkDialog customerId={id} open={dialog === 'survey'} onClose={() => setDialog(null)} />
      <TransferDialog customerId={id} open={dialog === 'transfer'} onClose={() => setDialog(null)} />
      {c ? <AssignmentDialog customerId={id} current={c.managers} open={dialog === 'assign'} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
