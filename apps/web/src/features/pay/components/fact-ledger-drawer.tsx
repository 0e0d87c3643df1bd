import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { PAY_FACT_KINDS, type PayFact, type PayFactFile } from '@kehu/contracts';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useFactFiles, usePeriodFacts, useStaffOptions, useVoidFacts } from '../api/pay-api.ts';
import { useKindLabel, usePayText, yuan, type PayTextKey } from './pay-text.ts';

/** A deduction's type by its name on the page. */
const SUB_KINDS: Record<string, PayTextKey> = { attendance: 'subAttendance', phoneCard: 'subPhoneCard', other: 'subOther' };

type Target = { fileId: number; title: string } | { factId: number; title: string };

/** Asks for the reason of a void and sends it; the server's refusal stays in the dialog. */
function VoidDialog({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const p = usePayText();
  const { text } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const act = useVoidFacts();
  const error = act.error instanceof ApiError ? (act.error.fields?.[0] ? text(act.error.fields[0].message) : text(act.error.text)) : act.error ? String(act.error) : null;
  const submit = () => target && act.mutate({ ...('fileId' in target ? { fileId: target.fileId } : { factId: target.factId }), reason }, {
    onSuccess: (r) => { void message.success(p(r.periodLocked ? 'voidDoneLocked' : 'voidDone', { n: r.facts })); setReason(''); act.reset(); onClose(); },
  });
  return (
    <Modal open={target !== null} title={target?.title} onCancel={() => { act.reset(); setReason(''); onClose(); }} onOk={submit} okText={p('voidAction')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: act.isPending, 'data-testid': 'void-confirm' }} destroyOnHidden>
      <Alert type="warning" showIcon message={p('voidHint')} style={{ marginBottom: 12 }} />
      <Form layout="vertical">
        <Form.Item label={p('voidReason')} required validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="void-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Void" and its reason, cut to the column; the whole reason and when in the tooltip. */
function VoidedTag({ at, reason }: { at: string; reason: string | null }) {
  const p = usePayText();
  return (
    <Tooltip title={`${formatDateTime(at)} ${reason ?? ''}`}>
      <span style={{ display: 'inline-flex', alignItems: 'center', maxWidth: 150 }}>
        <Tag color="red">{p('voided')}</Tag>
        {reason && <Typography.Text type="secondary" ellipsis>{reason}</Typography.Text>}
      </span>
    </Tooltip>
  );
}

/**
 * A period's files and facts as loaded, for HR to find a wrong one and void it (with a reason):
 * nothing is edited or deleted, and the corrected data is loaded again.
 */
export function FactLedgerDrawer({ periodId, period, open, onClose }: { periodId: number; period: string; open: boolean; onClose: () => void }) {
  const p = usePayText();
  const kindLabel = useKindLabel();
  const [target, setTarget] = useState<Target | null>(null);
  const [q, setQ] = useState<{ staffId?: number; kind?: string; page: number }>({ page: 1 });
  const files = useFactFiles(periodId, open);
  const facts = usePeriodFacts(periodId, q, open);
  const staff = useStaffOptions(open);
  // Blank where a kind has no such figure (a deduction's card value), as on the slip's facts.
  const money = (f: number | null) => (f ? yuan(f) : '');

  return (
    <Drawer open={open} onClose={onClose} size="large" title={`${period} · ${p('ledger')}`} destroyOnHidden data-testid="fact-ledger">
      <Tabs items={[
        {
          key: 'files', label: p('files'), children: (
            <Table<PayFactFile> size="small" rowKey="id" loading={files.isPending} dataSource={files.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }} data-testid="fact-files"
              columns={[
                { title: p('fileName'), dataIndex: 'fileName' },
                { title: p('rows'), dataIndex: 'rowCount', align: 'right' },
                { title: p('voidedCount'), dataIndex: 'voidedCount', align: 'right', render: (n: number) => (n ? n : '') },
                { title: p('loadedBy'), key: 'by', render: (_, f) => f.createdByName ?? '' },
                { title: p('loadedAt'), key: 'at', render: (_, f) => formatDateTime(f.createdAt) },
                { title: p('status'), key: 's', render: (_, f) => (f.voidedAt ? <VoidedTag at={f.voidedAt} reason={f.voidReason} /> : <Tag color="green">{p('live')}</Tag>) },
                { title: '', key: 'act', fixed: 'right', render: (_, f) => (f.voidedAt ? null : <Button size="small" danger onClick={() => setTarget({ fileId: f.id, title: p('voidFileTitle', { f: f.fileName }) })} data-testid={`file-void-${f.fileName}`}>{p('voidAction')}</Button>) },
              ]} />
          ),
        },
        {
          key: 'facts', label: p('factList'), children: (
            <>
              <Space wrap style={{ marginBottom: 12 }}>
                <Select allowClear showSearch optionFilterProp="label" placeholder={p('anyone')} style={{ width: 180 }} data-testid="ledger-staff"
                  options={staff} onChange={(v?: number) => setQ((x) => ({ ...x, staffId: v, page: 1 }))} />
                <Select allowClear placeholder={p('allKinds')} style={{ width: 140 }} data-testid="ledger-kind"
                  options={PAY_FACT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} onChange={(v?: string) => setQ((x) => ({ ...x, kind: v, page: 1 }))} />
              </Space>
              <Table<PayFact> size="small" rowKey="id" loading={facts.isPending} dataSource={facts.data?.items ?? []} scroll={{ x: 'max-content' }} data-testid="period-facts"
                pagination={{ current: q.page, pageSize: 50, total: facts.data?.total ?? 0, onChange: (page) => setQ((x) => ({ ...x, page })), showSizeChanger: false }}
                columns={[
                  { title: p('staff'), dataIndex: 'staffName' },
                  { title: p('kind'), key: 'k', render: (_, f) => [kindLabel(f.kind), f.subKind && SUB_KINDS[f.subKind] ? p(SUB_KINDS[f.subKind]!) : null, f.gifted ? p('gifted') : null].filter(Boolean).join(' · ') },
                  { title: p('date'), dataIndex: 'date' },
                  { title: p('quantity'), dataIndex: 'quantity', align: 'right' },
                  { title: p('amount'), key: 'a', align: 'right', render: (_, f) => money(f.amountFen) },
                  { title: p('status'), key: 's', render: (_, f) => (f.voided ? <VoidedTag at={f.voided.at} reason={f.voided.reason} /> : <Tag color="green">{p('live')}</Tag>) },
                  { title: p('faceValue'), key: 'fv', align: 'right', render: (_, f) => money(f.faceValueFen) },
                  { title: p('spent'), key: 'sp', align: 'right', render: (_, f) => money(f.spentFen) },
                  { title: p('ref'), key: 'ref', render: (_, f) => f.sourceRef ?? '' },
                  { title: '', key: 'act', fixed: 'right', render: (_, f) => (f.voided ? null : <Button size="small" danger onClick={() => setTarget({ factId: f.id, title: p('voidFactTitle') })} data-testid={`fact-void-${f.id}`}>{p('voidAction')}</Button>) },
                ]} />
            </>
          ),
        },
      ]} />
      <VoidDialog target={target} onClose={() => setTarget(null)} />
    </Drawer>
  );
}
