import { useState } from 'react';
import { App, Button, Card, Descriptions, Grid, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import type { PayLine } from '@kehu/contracts';
import { useCan } from '../../../app/session-context.ts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useRaiseDispute, useSlip } from '../api/pay-api.ts';
import { RunStatusTag } from '../components/run-status-tag.tsx';
import { SlipCredits } from '../components/slip-credits.tsx';
import { SlipFactsDrawer } from '../components/slip-facts-drawer.tsx';
import { inputLabel, shortDecimals, usePayText, yuan } from '../components/pay-text.ts';
import '../components/slip-print.css';

// Which facts a line reads (spa-pay component ids), for the click-through to the facts behind it.
const FACT_KIND: Record<string, string> = { bookingCommission: 'booking', cardCommission: 'card', base: 'base', attendance: 'deduction', phoneCard: 'deduction', other: 'deduction' };

// Inputs flow onto further lines on a narrow screen, and one too long for a line (the engine's
// expression names are long words) wraps inside its tag.
const INPUT_TAGS = { display: 'flex', flexWrap: 'wrap', rowGap: 4 } as const;
const INPUT_TAG = { whiteSpace: 'normal', overflowWrap: 'anywhere', maxWidth: '100%' } as const;

/** How many facts a group of a line's explanation stands for, and their amount: beside the label, not read as part of its sum. */
function FactGroupMeta({ count, amountFen }: { count: number; amountFen: number | null }) {
  const p = usePayText();
  return <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', marginLeft: 16 }}>{p('quantity')} {count}{amountFen !== null ? ` · ${p('amount')} ${yuan(amountFen)}` : ''}</Typography.Text>;
}

/** A slip that explains itself: each line with its clause, formula, inputs and the facts that did and did not count; dispute; print. */
export default function PaySlipPage() {
  const id = Number(useParams().id);
  const p = usePayText();
  const { text, locale } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const slip = useSlip(id);
  const raise = useRaiseDispute();
  const [factsKind, setFactsKind] = useState<string | null>(null);
  const [disputing, setDisputing] = useState<PayLine | null>(null);
  const [comment, setComment] = useState('');
  const screens = Grid.useBreakpoint();
  if (slip.error) return <ApiErrorAlert error={slip.error} />;
  const s = slip.data;
  if (!s) return null;
  const label = (l: PayLine) => (locale === 'en' ? l.labelEn : l.labelZh);
  const colon = locale === 'en' ? ': ' : '：';
  // An input by the plan's name for it (its facts), else the page's (the engine's own inputs).
  const inputName = (l: PayLine, key: string) => { const named = l.explain.inputLabels?.[key]; return named ? text(named) : inputLabel(key, locale); };

  return (
    <div className="kehu-slip">
      <div className="kehu-toolbar kehu-no-print">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{p('slipTitle')} · {s.period}</Typography.Title>
        <span className="kehu-spacer" />
        <Button onClick={() => window.print()} data-testid="slip-print">{p('print')}</Button>
      </div>
      <Typography.Title level={4} className="kehu-print-only">{s.staffName} · {s.period} {p('slipTitle')}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={p('name')}>{s.staffName}</Descriptions.Item>
        <Descriptions.Item label={p('unit')}>{s.orgUnitName}</Descriptions.Item>
        <Descriptions.Item label={p('period')}>{s.period}</Descriptions.Item>
        <Descriptions.Item label={p('planTitle')}>{s.planTitle}</Descriptions.Item>
        <Descriptions.Item label={p('runStatus')}><RunStatusTag status={s.runStatus} /></Descriptions.Item>
        <Descriptions.Item label={p('payday')}><span data-testid="slip-payday">{s.payday}</span></Descriptions.Item>
        <Descriptions.Item label={p('total')} span="filled"><Typography.Text strong style={{ fontSize: 20 }} data-testid="slip-total">{yuan(s.totalFen)}</Typography.Text></Descriptions.Item>
      </Descriptions>
      <SlipCredits slip={s} />
      <Table<PayLine> rowKey="id" pagination={false} dataSource={s.lines} data-testid="slip-lines" size="middle"
        expandable={{
          expandedRowRender: (l) => (
            <div data-testid={`line-explain-${l.component}`}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={p('clause')}>{l.explain.clause || l.clause}{l.explain.clauseText ? ` — ${text(l.explain.clauseText)}` : ''}</Descriptions.Item>
                <Descriptions.Item label={p('formula')}><code title={l.explain.formula} data-testid={`line-formula-${l.component}`}>{shortDecimals(l.explain.formulaLabel ? text(l.explain.formulaLabel) : l.explain.formula)}</code></Descriptions.Item>
                {Object.keys(l.explain.inputs).length > 0 && <Descriptions.Item label={p('inputs')}><div style={INPUT_TAGS}>{Object.entries(l.explain.inputs).map(([k, v]) => <Tag key={k} title={String(v)} style={INPUT_TAG}>{inputName(l, k)}{colon}{shortDecimals(String(v))}</Tag>)}</div></Descriptions.Item>}
                {l.explain.corrects && <Descriptions.Item label={p('corrects', { p: l.explain.corrects.period })}>{l.explain.corrects.reason}</Descriptions.Item>}
              </Descriptions>
              {l.explain.counted.length > 0 && (
                <List size="small" header={<b>{p('counted')}</b>} dataSource={l.explain.counted}
                  renderItem={(g) => <List.Item>{text(g.label)}<FactGroupMeta count={g.count} amountFen={g.amountFen} /></List.Item>} />
              )}
              {l.explain.excluded.length > 0 && (
                <List size="small" header={<b>{p('excluded')}</b>} dataSource={l.explain.excluded} data-testid={`line-excluded-${l.component}`}
                  renderItem={(g) => <List.Item>{text(g.label)}{g.reason ? ` — ${text(g.reason)}` : ''}<FactGroupMeta count={g.count} amountFen={g.amountFen} /></List.Item>} />
              )}
              {FACT_KIND[l.component] && <Button type="link" className="kehu-no-print" onClick={() => setFactsKind(FACT_KIND[l.component]!)} data-testid={`line-facts-${l.component}`}>{p('showFacts')}</Button>}
            </div>
          ),
        }}
        columns={[
          { title: p('line'), key: 'l', render: (_, l) => <span data-testid={`line-${l.component}`}>{label(l)}</span> },
          // On a phone the clause shows in the expanded line only, so the amount and the dispute button fit.
          { title: p('clause'), dataIndex: 'clause', responsive: ['sm'] },
          { title: p('amount'), key: 'a', align: 'right', render: (_, l) => <span data-testid={`line-amount-${l.component}`}>{yuan(l.amountFen)}</span> },
          ...(can('pay.dispute') ? [{
            title: '', key: 'd', className: 'kehu-no-print',
            render: (_: unknown, l: PayLine) => (s.runStatus !== 'superseded' ? <Button size="small" onClick={() => { setDisputing(l); setComment(''); }} data-testid={`line-dispute-${l.component}`}>{p('dispute')}</Button> : null),
          }] : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={screens.sm === false ? 2 : 3}><b>{p('total')}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><b>{yuan(s.totalFen)}</b></Table.Summary.Cell>
          </Table.Summary.Row>
        )} />
      {s.disputes.length > 0 && (
        <Card size="small" title={p('disputes')} style={{ marginTop: 16 }} data-testid="slip-disputes">
          <List dataSource={s.disputes} renderItem={(d) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span><Tag color={d.status === 'open' ? 'blue' : d.status === 'accepted' ? 'green' : 'red'}>{p(d.status === 'open' ? 'disputeOpen' : d.status === 'accepted' ? 'disputeAccepted' : 'disputeRejected')}</Tag>{locale === 'en' ? d.lineLabelEn : d.lineLabelZh} · {formatDateTime(d.createdAt)}</span>
                <span>{p('comment')}{colon}{d.comment}</span>
                {d.answer && <span>{p('answer')}{colon}{d.answer}</span>}
                {d.adjustment && <span>{p('adjustmentIn', { p: d.adjustment.period, a: yuan(d.adjustment.amountFen) })}</span>}
              </Space>
            </List.Item>
          )} />
        </Card>
      )}
      <SlipFactsDrawer slipId={id} kind={factsKind} onClose={() => setFactsKind(null)} />
      <Modal open={disputing !== null} title={`${p('dispute')} · ${disputing ? label(disputing) : ''}`} okText={p('submit')} okButtonProps={{ disabled: !comment.trim(), 'data-testid': 'dispute-submit' }}
        onCancel={() => setDisputing(null)}
        onOk={() => disputing && raise.mutate({ lineId: disputing.id, comment }, {
          onSuccess: () => { setDisputing(null); void message.success(p('disputeSent')); },
          onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)),
        })}>
        <Input.TextArea rows={4} placeholder={p('disputeComment')} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="dispute-comment" />
      </Modal>
    </div>
  );
}
