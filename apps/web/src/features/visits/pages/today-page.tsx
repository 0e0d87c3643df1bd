import { useState } from 'react';
import { Badge, Button, Card, Col, Empty, List, Progress, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { DueItem } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { COMPLAINT_CATEGORY_LABELS, P, fill, yuan } from '../../customers/portfolio-text.ts';
import { useToday } from '../api/visits.ts';
import { VisitFormDrawer } from '../components/visit-form-drawer.tsx';

/** A manager's day, laid out for a phone: what to visit, what is late, what customers complained about. */
export default function TodayPage() {
  const { label } = useI18n();
  const today = useToday();
  const [visiting, setVisiting] = useState<{ id: number; name: string } | null>(null);
  if (today.error) return <ApiErrorAlert error={today.error} onRetry={() => void today.refetch()} />;
  const d = today.data;
  const rate = d?.compliance.rate ? Math.round(Number(d.compliance.rate) * 1000) / 10 : null;

  const item = (x: DueItem) => (
    <List.Item key={x.customerId} data-testid={`due-${x.customerId}`}
      actions={[<Button key="v" type="primary" size="middle" data-testid={`visit-${x.customerId}`} onClick={() => setVisiting({ id: x.customerId, name: x.customerName })}>{label(P.recordVisit)}</Button>]}>
      <List.Item.Meta
        title={<Space wrap><Link to={`/customers/${x.customerId}`}>{x.customerName}</Link>{x.bigCustomer ? <Tag color="gold">{label(P.bigCustomer)}</Tag> : null}</Space>}
        description={<Space wrap size={4}>
          {x.status === 'overdue' ? <Tag color="red">{fill(label(P.daysOverdue), { n: x.daysOverdue })}</Tag> : <Tag color="orange">{fill(label(P.dueOn), { d: x.dueDate })}</Tag>}
          <span>{label(P.lastVisit)}: {x.lastVisit ?? '—'}</span>
          {x.loanBalanceFen > 0 ? <span>· {label(P.loan)} {yuan(x.loanBalanceFen)}</span> : null}
        </Space>} />
    </List.Item>
  );

  return (
    <div className="kehu-today">
      <Typography.Title level={3} className="kehu-page-title" data-testid="today-title">{label(P.today)} · {d?.date ?? ''}</Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card size="small" title={label(P.compliance)} loading={today.isLoading}>
            <Space align="center">
              <Progress type="circle" size={72} percent={rate ?? 100} status={rate !== null && rate < 90 ? 'exception' : 'normal'} format={() => (rate === null ? '—' : `${rate}%`)} />
              <div data-testid="today-compliance">
                <div>{label(P.required)}: {d?.compliance.required ?? 0}</div>
                <div>{label(P.overdue)}: <Typography.Text type="danger">{d?.compliance.overdue ?? 0}</Typography.Text></div>
                <div>{label(P.customersCount)}: {d?.customers ?? 0}</div>
              </div>
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small" title={<Badge count={d?.newComplaints.length ?? 0} offset={[12, 0]}>{label(P.newComplaints)}</Badge>} loading={today.isLoading}>
            {d && d.newComplaints.length === 0 ? <Empty description={label(P.noComplaints)} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
              <List size="small" dataSource={d?.newComplaints ?? []} data-testid="today-complaints" renderItem={(c) => (
                <List.Item key={c.id}>
                  <List.Item.Meta title={<Link to="/complaints">{c.customerName} · {label(COMPLAINT_CATEGORY_LABELS[c.category])}</Link>}
                    description={<span>{c.description} · {label(P.deadline)} {c.deadline}{c.overdue ? <Tag color="red" style={{ marginLeft: 8 }}>{label(P.overdue)}</Tag> : null}</span>} />
                </List.Item>
              )} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={<span style={{ color: '#cf1322' }}>{label(P.overdue)} ({d?.overdue.length ?? 0})</span>} loading={today.isLoading}>
            {d && d.overdue.length === 0 ? <Empty description={label(P.nothingDue)} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <List dataSource={d?.overdue ?? []} renderItem={item} data-testid="today-overdue" />}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={`${label(P.due)} (${d?.due.length ?? 0})`} loading={today.isLoading}>
            {d && d.due.length === 0 ? <Empty description={label(P.nothingDue)} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <List dataSource={d?.due ?? []} renderItem={item} data-testid="today-due" />}
          </Card>
        </Col>
      </Row>
      <VisitFormDrawer customer={visiting} onClose={() => setVisiting(null)} />
    </div>
  );
}
