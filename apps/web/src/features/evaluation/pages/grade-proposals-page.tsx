import { useState } from 'react';
import { App, Button, Empty, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useDecideProposal, useProposals, type Proposal } from '../api/evaluation.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  none: l('暂无等级调整建议；考核结果发布后按等次生成', 'No proposals; they are made from the bands when results are published'),
  title: l('等级调整建议（能上能下）', 'Grade proposals (grades float)'), person: l('人员', 'Person'), cycle: l('考核周期', 'Cycle'), from: l('现等级', 'Current'),
  proposed: l('建议等级', 'Proposed'), basis: l('依据', 'Basis'), status: l('状态', 'Status'), approve: l('批准', 'Approve'), change: l('改为', 'Change to'),
  reason: l('理由', 'Reason'), decided: l('决定', 'Decision'),
};
const STATUS = { open: l('待审批', 'Open'), approved: l('已批准', 'Approved'), changed: l('已调整', 'Changed') } as const;

/** HR approves or changes each proposal with a reason; the grade history records it. */
export default function GradeProposalsPage() {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const proposals = useProposals();
  const decide = useDecideProposal();
  const [current, setCurrent] = useState<Proposal | null>(null);
  const [grade, setGrade] = useState('');
  const [reason, setReason] = useState('');
  const gradeName = (p: Proposal, code: string) => { const g = p.grades.find((x) => x.code === code); return g ? label(g.label) : code; };
  return (
    <div>
      <Typography.Title level={3} className="kehu-page-title">{label(T.title)}</Typography.Title>
      {proposals.error ? <ApiErrorAlert error={proposals.error} /> : (
        <Table<Proposal> rowKey="id" size="middle" pagination={false} dataSource={proposals.data?.items ?? []} data-testid="proposals-table" locale={{ emptyText: <Empty description={label(T.none)} /> }}
          columns={[
            { title: label(T.person), dataIndex: 'name' },
            { title: label(T.cycle), dataIndex: 'cycleName' },
            { title: label(T.from), key: 'f', render: (_: unknown, p) => gradeName(p, p.fromGrade) },
            { title: label(T.proposed), key: 'p', render: (_: unknown, p) => gradeName(p, p.proposedGrade) },
            { title: label(T.basis), dataIndex: 'basis' },
            { title: label(T.status), key: 's', render: (_: unknown, p) => <Tag>{label(STATUS[p.status as keyof typeof STATUS] ?? l(p.status, p.status))}</Tag> },
            { title: label(T.decided), key: 'd', render: (_: unknown, p) => (p.status === 'open'
              ? <Button size="small" type="primary" data-testid={`decide-${p.name}`} onClick={() => { setCurrent(p); setGrade(p.proposedGrade); setReason(''); }}>{label(T.approve)}</Button>
              : `${p.decidedGrade ? gradeName(p, p.decidedGrade) : '—'} · ${p.decisionReason ?? ''}`) },
          ]} />
      )}
      <Modal open={!!current} title={current ? `${current.name}: ${gradeName(current, current.fromGrade)} → ${gradeName(current, grade)}` : ''} onCancel={() => setCurrent(null)} okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'decide-submit' }}
        onOk={() => current && decide.mutate({ id: current.id, grade, reason }, { onSuccess: () => setCurrent(null), onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)) })}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space.Compact style={{ width: '100%' }}>
            <Space.Addon>{label(T.change)}</Space.Addon>
            <Select style={{ width: '100%' }} value={grade} onChange={setGrade} data-testid="decide-grade" showSearch optionFilterProp="label"
              options={(current?.grades ?? []).map((g) => ({ value: g.code, label: label(g.label) }))} />
          </Space.Compact>
          <Input.TextArea rows={3} placeholder={label(T.reason)} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="decide-reason" />
        </Space>
      </Modal>
    </div>
  );
}
