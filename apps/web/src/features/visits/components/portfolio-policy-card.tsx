import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Input, Segmented, Select, Space, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PortfolioPolicyView } from '@kehu/contracts';
import { presetSource } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { fill } from '../../customers/portfolio-text.ts';
import { visitsKey } from '../api/visits.ts';
import { checkPortfolioPolicy } from './portfolio-policy-check.ts';
import { PolicyFindings } from './policy-findings.tsx';
import { businessDay } from '../../../lib/business-date.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('管户制度（走访频次、配比、大客户）', 'Portfolio policy (visits, staffing, big customers)'),
  source: l('现行制度', 'In force'), defaults: l('默认：农信社规范 + 供电局大客户细则', 'Default: rural-credit norms + power-supply big customers'),
  visits: l('走访频次', 'Visit frequency'), every: l('{id}：每 {m} 个月（第 {c} 条）', '{id}: every {m} months (clause {c})'),
  limits: l('配比上限', 'Staffing limits'), limitText: l('零售 {r} 户，对公 {c} 户', '{r} retail, {c} corporate'),
  top: l('大客户评定', 'Big customers'), topText: l('用量前 {n} 名', 'Top {n} by consumption'), none: l('不评定', 'None'),
  back: l('倒签', 'Back-dating'), backText: l('最多 {n} 天', 'Up to {n} days'), noBack: l('不允许', 'Not allowed'),
  presetMode: l('预置制度', 'Preset'), customMode: l('自定义制度文档', 'Custom document'),
  paste: l('粘贴 YAML 制度文档，或上传文件', 'Paste a YAML policy document, or upload a file'), upload: l('上传 YAML 文件', 'Upload a YAML file'),
  copyPreset: l('从预置制度复制', 'Copy from a preset'), blocked: l('有错误，不能启用', 'Has errors: cannot be put in force'),
  apply: l('启用', 'Put in force'), from: l('生效日期', 'From'), choose: l('选择预置制度', 'Choose a preset'), saved: l('管户制度已更新', 'Portfolio policy updated'),
};

/**
 * The portfolio rules in force (read by everyone who works customers); HR puts a preset, or a
 * pasted/uploaded policy document, in force from a date. A document is linted in the browser
 * first (lintPolicy); any error keeps the button disabled.
 */
export function PortfolioPolicyCard() {
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['portfolio-policy'], queryFn: () => apiRequest<PortfolioPolicyView>('/api/v1/portfolio-policy') });
  const [preset, setPreset] = useState<string | null>(null);
  const [from, setFrom] = useState<Dayjs>(businessDay());
  const [mode, setMode] = useState<'preset' | 'custom'>('preset');
  const [doc, setDoc] = useState('');
  const check = useMemo(() => checkPortfolioPolicy(doc), [doc]);
  const set = useMutation({
    mutationFn: () => apiRequest<PortfolioPolicyView>('/api/v1/portfolio-policy', {
      method: 'PUT',
      json: mode === 'preset' ? { presetId: preset, validFrom: from.format('YYYY-MM-DD') } : { document: doc, validFrom: from.format('YYYY-MM-DD') },
    }),
    onSuccess: async (v) => { qc.setQueryData(['portfolio-policy'], v); await qc.invalidateQueries({ queryKey: visitsKey }); void message.success(label(T.saved)); },
    onError: (e) => void message.error(e instanceof ApiError ? (e.fields[0] ? text(e.fields[0].message) : text(e.text)) : String(e)),
  });
  const r = q.data?.rules;
  return (
    <Card size="small" title={label(T.title)} loading={q.isLoading} data-testid="portfolio-policy">
      {r ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={label(T.source)}>{q.data?.current ? `${r.source} · ${q.data.current.validFrom}` : label(T.defaults)}</Descriptions.Item>
          <Descriptions.Item label={label(T.visits)}>{r.visitRules.map((v) => fill(label(T.every), { id: v.id, m: v.everyMonths, c: v.clause })).join('；') || '—'}</Descriptions.Item>
          <Descriptions.Item label={label(T.limits)}>{fill(label(T.limitText), { r: r.maxRetailPerManager ?? '—', c: r.maxCorporatePerManager ?? '—' })}</Descriptions.Item>
          <Descriptions.Item label={label(T.top)}>{r.bigCustomerTopN === null ? label(T.none) : fill(label(T.topText), { n: r.bigCustomerTopN })}</Descriptions.Item>
          <Descriptions.Item label={label(T.back)}>{r.allowBackdating ? fill(label(T.backText), { n: r.maxBackdateDays }) : label(T.noBack)}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {can('policy.assign') ? (
        <div style={{ marginTop: 8 }}>
          <Segmented data-testid="portfolio-mode" value={mode} onChange={(v) => setMode(v as 'preset' | 'custom')}
            options={[{ value: 'preset', label: label(T.presetMode) }, { value: 'custom', label: label(T.customMode) }]} />
          {mode === 'custom' ? (
            <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
              <Space wrap>
                <Upload accept=".yaml,.yml,.txt" showUploadList={false} data-testid="portfolio-upload"
                  beforeUpload={(file) => { void file.text().then(setDoc); return false; }}>
                  <Button>{label(T.upload)}</Button>
                </Upload>
                <Select style={{ width: 260 }} placeholder={label(T.copyPreset)} value={null} data-testid="portfolio-copy-preset"
                  onChange={(id: string) => setDoc(presetSource(id))}
                  options={(q.data?.presets ?? []).map((p) => ({ value: p.id, label: p.title }))} />
              </Space>
              <Input.TextArea rows={10} value={doc} onChange={(e) => setDoc(e.target.value)} placeholder={label(T.paste)} data-testid="portfolio-document"
                style={{ fontFamily: 'monospace' }} />
              {doc.trim() ? <PolicyFindings findings={check.findings} /> : null}
            </Space>
          ) : null}
          <Space wrap style={{ marginTop: 8 }}>
            {mode === 'preset' ? (
              <Select style={{ width: 320 }} placeholder={label(T.choose)} value={preset ?? undefined} onChange={(v: string) => setPreset(v)} data-testid="portfolio-preset"
                options={(q.data?.presets ?? []).map((p) => ({ value: p.id, label: p.title }))} />
            ) : null}
            <Typography.Text>{label(T.from)}</Typography.Text>
            <DatePicker value={from} onChange={(d) => d && setFrom(d)} allowClear={false} />
            <Button type="primary" disabled={mode === 'preset' ? !preset : check.blocked} loading={set.isPending} onClick={() => set.mutate()} data-testid="portfolio-apply">{label(T.apply)}</Button>
            {mode === 'custom' && doc.trim() && check.blocked ? <Typography.Text type="danger" data-testid="portfolio-blocked">{label(T.blocked)}</Typography.Text> : null}
          </Space>
        </div>
      ) : null}
    </Card>
  );
}
