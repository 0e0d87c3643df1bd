import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { EvalResult } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan, useSession } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useAcknowledge, useAppeal, useDraft, useResult } from '../api/evaluation.ts';
import { EVAL_STATUS, RATER_ROLE, statusColor } from '../components/eval-text.ts';
import { DraftInputsTable, type Entered } from '../components/draft-inputs-table.tsx';
import { ScoreLinesTable } from '../components/score-lines-table.tsx';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  scorecard: l('评分卡（按考核政策计算）', 'Scorecard (scored by the policy)'), total: l('总分', 'Total'), band: l('等次', 'Band'), coefficient: l('绩效系数', 'Pay coefficient'), conduct: l('奖惩加减分', 'Conduct points'),
  raters: l('360评价（匿名，仅显示人数与平均分）', '360-degree (anonymous: counts and averages only)'), role: l('评价人', 'Raters'), respondents: l('人数', 'Respondents'),
  counted: l('计入', 'Counted'), notCounted: l('人数不足，不计入', 'Too few: not counted'), trace: l('计算过程', 'How it was computed'),
  draft: l('直接上级评分', 'Supervisor scoring'), source: l('来源', 'Source'),
  save: l('保存评分', 'Save draft'), ack: l('确认结果', 'Acknowledge'), appeal: l('申诉', 'Appeal'), appealReason: l('申诉理由', 'Reason for the appeal'),
  deadline: l('申诉截止', 'Appeal deadline'), calReason: l('校准理由', 'Calibration reason'), appealState: l('申诉', 'Appeal'),
  veto: l('一票否决', 'Veto'), saved: l('已保存评分', 'Draft saved'), notScored: l('直接上级尚未评分，评分后这里显示评分卡与计算过程', 'Not scored yet: the scorecard and how it was computed appear once the supervisor scores'),
};
const APPEAL_STATUS: Record<string, { zh: string; en: string }> = { open: l('待复核', 'Open'), accepted: l('已受理并调整', 'Accepted'), rejected: l('已驳回', 'Rejected') };

/** One result: the scorecard with each item's figure and source; the supervisor's form; the person's acknowledge and appeal. */
export default function EvalResultPage() {
  const id = Number(useParams().id);
  const { label, text } = useI18n();
  const can = useCan();
  const me = useSession();
  const { message } = App.useApp();
  const result = useResult(id);
  const draft = useDraft();
  const ack = useAcknowledge();
  const appeal = useAppeal();
  const [entered, setEntered] = useState<Entered>({});
  const [superior, setSuperior] = useState<Record<string, number>>({});
  const [appealOpen, setAppealOpen] = useState(false);
  const [reason, setReason] = useState('');
  const onErr = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));
  if (result.error) return <ApiErrorAlert error={result.error} />;
  const r = result.data;
  if (!r) return null;
  const own = r.staffId === me.staffId;
  const drafting = !own && can('eval.evaluate') && ['pending', 'drafted'].includes(r.status);
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{r.name} · {r.cycleName}</Typography.Title>
        <Tag color={statusColor(r.status)} data-testid="result-status">{label(EVAL_STATUS[r.status] ?? l(r.status, r.status))}</Tag>
        <span className="kehu-spacer" />
        {own && r.status === 'published' ? (
          <Space>
            <Button type="primary" data-testid="acknowledge" onClick={() => ack.mutate(id, { onError: onErr })}>{label(T.ack)}</Button>
            <Button danger data-testid="appeal" onClick={() => setAppealOpen(true)}>{label(T.appeal)}</Button>
          </Space>
        ) : null}
      </div>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 16 }} items={[
        { key: 't', label: label(T.total), children: <span data-testid="result-total">{r.total ?? '—'}</span> },
        { key: 'b', label: label(T.band), children: <span data-testid="result-band">{r.band ? `${r.band} ${r.bandLabel ? label(r.bandLabel) : ''}` : '—'}</span> },
        { key: 'c', label: label(T.coefficient), children: r.coefficient ?? '—' },
        { key: 'cp', label: label(T.conduct), children: r.conductPoints ?? '—' },
        ...(r.appealDeadline ? [{ key: 'd', label: label(T.deadline), children: r.appealDeadline }] : []),
        ...(r.calibrationReason ? [{ key: 'cr', label: label(T.calReason), children: r.calibrationReason }] : []),
        ...(r.appeal ? [{ key: 'a', label: label(T.appealState), children: `${label(APPEAL_STATUS[r.appeal.status] ?? l(r.appeal.status, r.appeal.status))} · ${r.appeal.reason}${r.appeal.answer ? ` → ${r.appeal.answer}` : ''}` }] : []),
      ]} />
      {r.vetoed ? <Alert type="error" showIcon message={label(T.veto)} style={{ marginBottom: 16 }} /> : null}
      {drafting ? (
        <Card size="small" title={label(T.draft)} style={{ marginBottom: 16 }}>
          <DraftInputsTable result={r} entered={entered} setEntered={setEntered} superior={superior} setSuperior={setSuperior} />
          <div style={{ marginTop: 12, textAlign: 'right' }}>
            <Button type="primary" data-testid="save-draft" loading={draft.isPending} onClick={() => draft.mutate({
              id, body: { entered: Object.fromEntries(Object.entries(entered).map(([k, v]) => [k, { value: v.value, comment: '', evidence: v.evidence }])), ...(Object.keys(superior).length ? { superiorScores: superior } : {}) },
            }, { onSuccess: () => void message.success(label(T.saved)), onError: onErr })}>{label(T.save)}</Button>
          </div>
        </Card>
      ) : null}
      {r.lines.length ? (
        <Card size="small" title={`${label(T.scorecard)} · ${r.policy.id} v${r.policy.version}`} style={{ marginBottom: 16 }}>
          <ScoreLinesTable result={r} />
        </Card>
      ) : drafting ? null : <Empty description={label(T.notScored)} style={{ margin: '24px 0' }} data-testid="result-not-scored" />}
      {r.raters.length ? (
        <Card size="small" title={label(T.raters)} style={{ marginBottom: 16 }}>
          <Table rowKey="role" size="small" pagination={false} dataSource={r.raters} data-testid="raters-table"
            columns={[
              { title: label(T.role), key: 'r', render: (_: unknown, x: EvalResult['raters'][number]) => label(RATER_ROLE[x.role] ?? l(x.role, x.role)) },
              { title: label(T.respondents), key: 'n', render: (_: unknown, x: EvalResult['raters'][number]) => `${x.respondents} / ≥${x.minRespondents}` },
              { title: label(T.counted), key: 'c', render: (_: unknown, x: EvalResult['raters'][number]) => (x.counted ? <Tag color="success">{label(T.counted)}</Tag> : <Tag>{label(T.notCounted)}</Tag>) },
              { title: '', key: 'a', render: (_: unknown, x: EvalResult['raters'][number]) => Object.entries(x.averages).map(([k, v]) => `${label(r.items.find((i) => i.id === k)?.label ?? l(k, k))} ${v}`).join('；') },
              { title: label(T.source), key: 's', render: (_: unknown, x: EvalResult['raters'][number]) => x.source ?? '—' },
            ]} />
        </Card>
      ) : null}
      {r.trace.length ? <Card size="small" title={label(T.trace)}><pre style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="trace">{r.trace.join('\n')}</pre></Card> : null}
      <Modal open={appealOpen} title={label(T.appeal)} onCancel={() => setAppealOpen(false)} okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'appeal-submit' }}
        onOk={() => appeal.mutate({ id, reason }, { onSuccess: () => setAppealOpen(false), onError: onErr })}>
        <Input.TextArea rows={4} placeholder={label(T.appealReason)} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="appeal-reason" />
      </Modal>
    </div>
  );
}
