import { useMemo } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { CalendarComponent, VisualMapComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import type { CreditFigureRow, DeadlineList } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { EChart } from '../../../components/echart.tsx';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useDeadlines, useFigures } from '../api/credit.ts';
import { DEADLINE_KIND, pct, yuan } from '../components/credit-text.ts';

// The shared EChart registers bars and pies; this board also draws a line and a calendar.
echarts.use([LineChart, ScatterChart, CalendarComponent, VisualMapComponent]);

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('风险看板', 'Risk board'), npl: l('不良率', 'NPL ratio'), balance: l('贷款余额（元）', 'Loan balance (yuan)'), interest: l('收息率', 'Interest collection'),
  trend: l('不良率走势（按月日均余额，积数）', 'NPL ratio (monthly average balances, from day-sums)'), calendar: l('时效与保证期间到期日历', 'Deadline calendar'), recovery: l('到期贷款收回率（按客户经理）', 'Due-loan recovery by manager'),
  thisYear: l('当年贷款', 'This year’s loans'), earlier: l('以前年度贷款', 'Earlier loans'), manager: l('客户经理', 'Manager'), newNpl: l('新增不良（推荐人）', 'New NPL (recommender)'),
  nplRecovered: l('不良清收（元）', 'NPL recovered (yuan)'), unit: l('机构', 'Unit'), upcoming: l('近期到期', 'Coming deadlines'), date: l('日期', 'Date'), subject: l('事项', 'Subject'),
};

export default function RiskBoardPage() {
  const { label } = useI18n();
  const figures = useFigures();
  const deadlines = useDeadlines();
  const f = figures.data;
  const trend = useMemo<EChartsCoreOption>(() => ({
    tooltip: { trigger: 'axis' }, grid: { left: 48, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: f?.nplTrend.map((p) => p.month.slice(5)) ?? [] },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'line', smooth: true, data: f?.nplTrend.map((p) => (p.nplRatio === null ? null : Number((Number(p.nplRatio) * 100).toFixed(2)))) ?? [] }],
  }), [f]);
  const cal = deadlines.data?.calendar ?? [];
  const calendar = useMemo<EChartsCoreOption>(() => {
    const counts = new Map<string, number>();
    for (const c of cal) counts.set(c.date, (counts.get(c.date) ?? 0) + 1);
    const today = deadlines.data?.today ?? '2026-01-01';
    const end = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    return {
      tooltip: { formatter: (p: { value: [string, number] }) => `${p.value[0]}: ${p.value[1]}` },
      visualMap: { show: false, min: 0, max: 3, inRange: { color: ['#ffe7ba', '#fa541c'] } },
      calendar: { range: [today, end], cellSize: ['auto', 14], top: 30, left: 30, right: 10, dayLabel: { nameMap: 'ZH' }, monthLabel: { nameMap: 'ZH' }, yearLabel: { show: false } },
      series: [{ type: 'scatter', coordinateSystem: 'calendar', symbolSize: 10, data: [...counts.entries()] }],
    };
  }, [cal, deadlines.data?.today]);
  const recovery = useMemo<EChartsCoreOption>(() => ({
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: f?.byManager.map((r) => r.name) ?? [] }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: label(T.thisYear), type: 'bar', data: f?.byManager.map((r) => (r.recoveryThisYear === null ? null : Number(r.recoveryThisYear) * 100)) ?? [] },
      { name: label(T.earlier), type: 'bar', data: f?.byManager.map((r) => (r.recoveryEarlier === null ? null : Number(r.recoveryEarlier) * 100)) ?? [] },
    ],
  }), [f, label]);
  if (figures.error) return <ApiErrorAlert error={figures.error} />;
  const cols = [
    { title: label(T.manager), dataIndex: 'name' },
    { title: label(T.balance), dataIndex: 'balanceFen', align: 'right' as const, render: yuan },
    { title: label(T.npl), dataIndex: 'nplRatio', render: pct },
    { title: label(T.interest), dataIndex: 'interestRate', render: pct },
    { title: label(T.thisYear), dataIndex: 'recoveryThisYear', render: pct },
    { title: label(T.earlier), dataIndex: 'recoveryEarlier', render: pct },
    { title: label(T.newNpl), dataIndex: 'newNplFen', align: 'right' as const, render: yuan },
    { title: label(T.nplRecovered), dataIndex: 'nplRecoveredFen', align: 'right' as const, render: yuan },
  ];
  return (
    <div>
      <div className="kehu-toolbar"><Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(T.title)}</Typography.Title></div>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}><Card size="small"><Statistic title={label(T.balance)} value={f ? yuan(f.total.balanceFen) : '—'} /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title={label(T.npl)} value={f ? pct(f.total.nplRatio) : '—'} valueStyle={{ color: '#cf1322' }} /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title={label(T.interest)} value={f ? pct(f.total.interestRate) : '—'} /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title={label(T.newNpl)} value={f ? yuan(f.total.newNplFen) : '—'} /></Card></Col>
      </Row>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={12}><Card size="small" title={label(T.trend)}><EChart option={trend} height={240} testId="npl-trend" /></Card></Col>
        <Col span={12}><Card size="small" title={label(T.recovery)}><EChart option={recovery} height={240} testId="recovery-chart" /></Card></Col>
      </Row>
      <Card size="small" title={label(T.calendar)} style={{ marginBottom: 12 }}>
        <EChart option={calendar} height={170} testId="deadline-calendar" />
        <Table<DeadlineList['calendar'][number]> size="small" rowKey={(r) => `${r.date}-${r.subject}`} pagination={false} dataSource={cal.slice(0, 8)} columns={[
          { title: label(T.date), dataIndex: 'date' }, { title: '', dataIndex: 'kind', render: (v: string) => <Tag>{label(DEADLINE_KIND[v], v)}</Tag> },
          { title: label(T.subject), dataIndex: 'subject', render: (v: string, r) => <Link to={`/loans/${r.loanId}`}>{label({ zh: v, en: r.subjectEn })}</Link> },
        ]} />
      </Card>
      <Card size="small" title={label(T.manager)} style={{ marginBottom: 12 }}>
        <Table<CreditFigureRow> rowKey="key" size="small" pagination={false} dataSource={f?.byManager ?? []} columns={cols} data-testid="figures-by-manager" />
      </Card>
      <Card size="small" title={label(T.unit)}>
        <Table<CreditFigureRow> rowKey="key" size="small" pagination={false} dataSource={f ? [...f.byUnit, f.total] : []} columns={[{ ...cols[0]!, title: label(T.unit) }, ...cols.slice(1)]} />
      </Card>
    </div>
  );
}
