import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Descriptions, Empty, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { EvalResult, EvalTasks, GradeView } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useMyGrade, useMyResults, useRate, useTasks } from '../api/evaluation.ts';
import { EVAL_STATUS, RATER_ROLE, statusColor } from '../components/eval-text.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  noTasks: l('暂无待评价的任务', 'Nothing to rate'), noResults: l('暂无考核结果', 'No results yet'),
  tasks: l('我的评价任务', 'My rating tasks'), subject: l('被评价人', 'Person'), role: l('身份', 'As'), submit: l('提交', 'Submit'), done: l('已提交', 'Submitted'),
  drafts: l('待我评分的下级', 'Results I draft'), results: l('我的考核结果', 'My results'), cycle: l('考核周期', 'Cycle'), total: l('得分', 'Score'), band: l('等次', 'Band'),
  status: l('状态', 'Status'), open: l('查看', 'Open'), grade: l('我的等级', 'My grade'), held: l('所聘等级', 'Grade held'), applies: l('享受待遇等级', 'Benefits apply at'),
  why: l('差异原因', 'Why they differ'), history: l('等级变动记录', 'Grade history'), from: l('原等级', 'From'), to: l('新等级', 'To'), when: l('生效日期', 'Effective'), reasonCol: l('原因', 'Reason'),
  anon: l('同事和下属的评价是匿名的，只统计人数和平均分。', 'Peer and subordinate ratings are anonymous: only counts and averages are shown.'),
};

function RateRow({ task }: { task: EvalTasks['ratings'][number] }) {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const rate = useRate();
  const [scores, setScores] = useState<Record<string, number>>({});
  if (task.submitted) return <Tag color="success">{label(T.done)}</Tag>;
  return (
    <Space wrap>
      {task.items.map((i) => <InputNumber key={i.id} size="small" min={0} max={100} placeholder={label(i.label)} data-testid={`rate-${task.id}-${i.id}`} value={scores[i.id]} onChange={(v) => setScores((s) => ({ ...s, [i.id]: Number(v ?? 0) }))} />)}
      <Button size="small" type="primary" data-testid={`rate-submit-${task.id}`} disabled={task.items.some((i) => scores[i.id] === undefined)}
        onClick={() => rate.mutate({ id: task.id, scores }, { onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)) })}>{label(T.submit)}</Button>
    </Space>
  );
}

/** The person's page: rating tasks (self, peers), results to draft, my results, my grade and its history. */
export default function MyEvalPage() {
  const { label } = useI18n();
  const can = useCan();
  const tasks = useTasks();
  const results = useMyResults();
  const grade = useMyGrade(can('grades.read'));
  const g: GradeView | undefined = grade.data;
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{label(T.results)}</Typography.Title>
      <Typography.Paragraph type="secondary">{label(T.anon)}</Typography.Paragraph>
      {can('eval.rate') ? (
        <Card size="small" title={label(T.tasks)} style={{ marginBottom: 16 }}>
          {tasks.error ? <ApiErrorAlert error={tasks.error} /> : (
            <Table<EvalTasks['ratings'][number]> rowKey="id" size="small" pagination={false} dataSource={tasks.data?.ratings ?? []} data-testid="rating-tasks" locale={{ emptyText: <Empty description={label(T.noTasks)} /> }}
              columns={[
                { title: label(T.cycle), dataIndex: 'cycleName' },
                { title: label(T.subject), dataIndex: 'subject' },
                { title: label(T.role), key: 'r', render: (_: unknown, t) => label(RATER_ROLE[t.raterRole] ?? l(t.raterRole, t.raterRole)) },
                { title: '', key: 'f', render: (_: unknown, t) => <RateRow task={t} /> },
              ]} />
          )}
          {tasks.data?.drafts.length ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{label(T.drafts)}</Typography.Title>
              <Table rowKey="resultId" size="small" pagination={false} dataSource={tasks.data.drafts} data-testid="draft-tasks"
                columns={[
                  { title: label(T.cycle), dataIndex: 'cycleName' },
                  { title: label(T.subject), key: 's', render: (_: unknown, d: EvalTasks['drafts'][number]) => <Link to={`/eval/results/${d.resultId}`} data-testid={`draft-${d.subject}`}>{d.subject}</Link> },
                  { title: label(T.status), key: 'st', render: (_: unknown, d: EvalTasks['drafts'][number]) => <Tag color={statusColor(d.status)}>{label(EVAL_STATUS[d.status] ?? l(d.status, d.status))}</Tag> },
                ]} />
            </>
          ) : null}
        </Card>
      ) : null}
      {can('eval.readOwn') ? (
        <Card size="small" title={label(T.results)} style={{ marginBottom: 16 }}>
          {results.error ? <ApiErrorAlert error={results.error} /> : (
            <Table<EvalResult> rowKey="id" size="small" pagination={false} dataSource={results.data?.items ?? []} data-testid="my-results" locale={{ emptyText: <Empty description={label(T.noResults)} /> }}
              columns={[
                { title: label(T.cycle), key: 'c', render: (_: unknown, r) => <Link to={`/eval/results/${r.id}`} data-testid={`my-result-${r.id}`}>{r.cycleName}</Link> },
                { title: label(T.total), key: 't', render: (_: unknown, r) => r.total ?? '—' },
                { title: label(T.band), key: 'b', render: (_: unknown, r) => (r.band ? `${r.band} ${r.bandLabel ? label(r.bandLabel) : ''}` : '—') },
                { title: label(T.status), key: 's', render: (_: unknown, r) => <Tag color={statusColor(r.status)}>{label(EVAL_STATUS[r.status] ?? l(r.status, r.status))}</Tag> },
              ]} />
          )}
        </Card>
      ) : null}
      {g && g.held ? (
        <Card size="small" title={label(T.grade)} data-testid="my-grade">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
            { key: 'h', label: label(T.held), children: <span data-testid="grade-held">{g.heldLabel ? label(g.heldLabel) : g.held}</span> },
            { key: 'a', label: label(T.applies), children: g.appliesLabel ? label(g.appliesLabel) : g.applies },
            ...(g.reasons.length ? [{ key: 'w', label: label(T.why), children: g.reasons.map((x) => label(x)).join('；') }] : []),
          ]} />
          <Table rowKey="id" size="small" pagination={false} dataSource={g.history} style={{ marginTop: 12 }} data-testid="grade-history"
            columns={[
              { title: label(T.when), dataIndex: 'effectiveOn' },
              { title: label(T.from), key: 'f', render: (_: unknown, h: GradeView['history'][number]) => (h.fromLabel ? label(h.fromLabel) : h.fromGrade ?? '—') },
              { title: label(T.to), key: 't', render: (_: unknown, h: GradeView['history'][number]) => (h.toLabel ? label(h.toLabel) : h.toGrade) },
              { title: label(T.reasonCol), dataIndex: 'reason' },
            ]} />
        </Card>
      ) : null}
    </div>
  );
}
