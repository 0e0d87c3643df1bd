import { useState } from 'react';
import { App, Button, Card, Empty, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Competition } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useApplicantAction, useApply, useCompetitions, useCreateCompetition } from '../api/evaluation.ts';
import { businessToday } from '../../../lib/business-date.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('公开竞聘', 'Public competitions'), create: l('发起竞聘（烟草细则：男45/女43周岁以下，大专及以上，考试60分）', 'Open a competition (tobacco rules: men ≤45, women ≤43, college+, exam 60)'),
  applicant: l('报名人', 'Applicant'), exam: l('知识考试', 'Exam score'), character: l('品行考察', 'Character review'), add: l('报名并审查资格', 'Register and check'),
  byDeposits: l('存款业绩', 'by deposits'), pass: l('通过', 'Pass'), fail: l('未通过', 'Fail'), none: l('暂无竞聘，点击右上角按钮发起一次公开竞聘', 'No competitions yet: open one with the button above'),
  eligible: l('资格', 'Eligible'), reasons: l('原因', 'Reasons'), status: l('状态', 'Status'), appoint: l('聘任', 'Appoint'), confirm: l('见习期满转正', 'End probation'), probation: l('见习期至', 'Probation until'),
};
const STATUS = { eligible: l('符合条件', 'Eligible'), refused: l('不符合', 'Refused'), probation: l('见习', 'Probation'), appointed: l('已聘任', 'Appointed') } as const;

function Applicants({ c }: { c: Competition }) {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const apply = useApply();
  const act = useApplicantAction();
  const staff = useQuery({ queryKey: ['eval', 'staff-pick'], queryFn: () => apiRequest<{ items: { id: number; name: string }[] }>('/api/v1/staff', { query: { pageSize: 200 } }) });
  const [staffId, setStaffId] = useState<number | undefined>();
  const [exam, setExam] = useState<number | null>(null);
  const [character, setCharacter] = useState<'pass' | 'fail'>('pass');
  const onErr = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));
  type A = Competition['applicants'][number];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select showSearch optionFilterProp="label" placeholder={label(T.applicant)} style={{ width: 160 }} value={staffId} onChange={setStaffId} data-testid={`applicant-${c.id}`}
          options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        <InputNumber placeholder={label(T.exam)} value={exam} onChange={(v) => setExam(v === null ? null : Number(v))} data-testid={`exam-${c.id}`} />
        <Select value={character} onChange={setCharacter} style={{ width: 100 }} options={[{ value: 'pass', label: label(T.pass) }, { value: 'fail', label: label(T.fail) }]} />
        <Button type="primary" disabled={!staffId} data-testid={`apply-${c.id}`} onClick={() => apply.mutate({ id: c.id, body: { staffId: staffId!, examScore: exam, characterReview: character, avgDailyDepositsYuan: null } }, { onError: onErr })}>{label(T.add)}</Button>
      </Space>
      <Table<A> rowKey="id" size="small" pagination={false} dataSource={c.applicants} data-testid={`applicants-${c.id}`}
        columns={[
          { title: label(T.applicant), dataIndex: 'name' },
          { title: label(T.exam), key: 'e', render: (_: unknown, a) => a.examScore ?? '—' },
          { title: label(T.eligible), key: 'g', render: (_: unknown, a) => (a.eligible ? <Tag color="success">✓{a.route === 'deposits' ? ` (${label(T.byDeposits)})` : ''}</Tag> : <Tag color="red">✗</Tag>) },
          { title: label(T.reasons), key: 'r', render: (_: unknown, a) => a.reasons.map((x) => label(x)).join('；') || '—' },
          { title: label(T.status), key: 's', render: (_: unknown, a) => <Tag>{label(STATUS[a.status as keyof typeof STATUS] ?? l(a.status, a.status))}</Tag> },
          { title: label(T.probation), key: 'p', render: (_: unknown, a) => a.probationEndsOn ?? '—' },
          { title: '', key: 'act', render: (_: unknown, a) => (a.status === 'eligible'
            ? <Button size="small" data-testid={`appoint-${a.name}`} onClick={() => act.mutate({ id: a.id, action: 'appoint' }, { onError: onErr })}>{label(T.appoint)}</Button>
            : a.status === 'probation' ? <Button size="small" onClick={() => act.mutate({ id: a.id, action: 'confirm' }, { onError: onErr })}>{label(T.confirm)}</Button> : null) },
        ]} />
    </>
  );
}

/** Competitions (公开竞聘): eligibility with the reason for every refusal, double exam, appointment and probation. */
export default function CompetitionsPage() {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const list = useCompetitions();
  const create = useCreateCompetition();
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(T.title)}</Typography.Title>
        <span className="kehu-spacer" />
        <Button type="primary" data-testid="competition-new" onClick={() => create.mutate({ title: `客户经理公开竞聘 ${businessToday()}`, ladderId: 'bank-2005', grade: 'assistant-1', heldOn: businessToday(), probationMonths: 3,
          rules: { maxAge: { male: 45, female: 43 }, minEducation: 'college', minExamScore: 60, depositRouteYuan: 3000000 } }, { onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)) })}>{label(T.create)}</Button>
      </div>
      {list.error ? <ApiErrorAlert error={list.error} /> : list.data && list.data.items.length === 0 ? <Empty description={label(T.none)} data-testid="competitions-empty" /> : (list.data?.items ?? []).map((c) => (
        <Card key={c.id} size="small" title={`${c.title} · ${c.gradeLabel ? label(c.gradeLabel) : c.grade} · ${c.heldOn}`} style={{ marginBottom: 16 }}><Applicants c={c} /></Card>
      ))}
    </div>
  );
}
