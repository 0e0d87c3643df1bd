import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag, Tooltip } from 'antd';
import type { Household } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useHouseholds, useRateHousehold, useRemoveHousehold, useRemoveVillage, useVillages, type CreditVillage } from '../api/credit.ts';
import { yuan } from './credit-text.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  villages: l('信用村', 'Credit villages'), households: l('信用户', 'Credit households'), name: l('名称', 'Name'), unit: l('机构', 'Unit'), count: l('户数', 'Households'),
  status: l('状态', 'Status'), checks: l('评定指标', 'Checks'), line: l('授信额度（元）', 'Credit line (yuan)'), rated: l('评定日期', 'Rated on'), recheck: l('需年度复评', 'Re-check due'),
  remove: l('取消', 'Remove'), reason: l('取消原因', 'Reason'), rate: l('评定/复评信用户', 'Rate / re-check a household'), customerNo: l('客户号', 'Customer no.'), score: l('评分（0-100）', 'Score (0–100)'),
  village: l('所在信用村', 'Credit village'), grade: l('等级', 'Grade'), customer: l('客户', 'Customer'), table: l('授信额度表', 'Credit-line table'), minScore: l('最低评分', 'Minimum score'),
};
const STATUS: Record<string, { zh: string; en: string }> = { rated: l('已评定', 'Rated'), failed: l('未达标', 'Failed'), removed: l('已取消', 'Removed') };
const STATUS_COLOR: Record<string, string> = { rated: 'green', failed: 'orange', removed: 'default' };

/** Credit villages and households (信用村/信用户): ratings with each check, the credit line, yearly re-check, removal with reason. */
export function CreditVillages() {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const villages = useVillages();
  const households = useHouseholds();
  const rate = useRateHousehold();
  const removeHousehold = useRemoveHousehold();
  const removeVillage = useRemoveVillage();
  const [rating, setRating] = useState(false);
  const [removing, setRemoving] = useState<{ kind: 'village' | 'household'; id: number } | null>(null);
  const [form] = Form.useForm<{ customerNo: string; score: number; villageId?: number }>();
  const [removeForm] = Form.useForm<{ reason: string }>();
  const onErr = (e: unknown) => void message.error(e instanceof ApiError ? text(e.text) : String(e));
  const grades = households.data?.grades ?? [];
  const gradeLabel = (g: string | null) => { const x = grades.find((y) => y.grade === g); return x ? label(x) : '—'; };
  const statusTag = (v: string) => <Tag color={STATUS_COLOR[v]}>{label(STATUS[v], v)}</Tag>;
  return (
    <div>
      <Card size="small" title={label(T.villages)} style={{ marginBottom: 12 }}>
        <Table<CreditVillage> rowKey="id" size="small" pagination={false} dataSource={villages.data?.items ?? []} data-testid="credit-villages"
          columns={[
            { title: label(T.name), dataIndex: 'name' }, { title: label(T.unit), dataIndex: 'orgUnitName' }, { title: label(T.count), dataIndex: 'households' },
            { title: label(T.status), dataIndex: 'status', render: (v: string, r) => <span>{statusTag(v)}{r.recheckDue ? <Tag color="gold">{label(T.recheck)}</Tag> : null}{r.removalReason ?? ''}</span> },
            { title: label(T.checks), dataIndex: 'checks', render: (c: CreditVillage['checks']) => (c.checks ?? []).map((x) => (
              <Tooltip key={x.code} title={x.reason ? label(x.reason) : `${x.actual ?? '—'} ${x.bound}`}><Tag color={x.passed ? 'green' : 'red'}>{label({ zh: x.zh, en: x.en ?? x.code.replaceAll('_', ' ') })}</Tag></Tooltip>
            )) },
            { title: label(T.line), dataIndex: 'creditLineFen', align: 'right' as const, render: yuan }, { title: label(T.rated), dataIndex: 'ratedOn' },
            { title: '', key: 'ops', render: (_: unknown, r) => (r.status === 'removed' ? null : <Button size="small" onClick={() => setRemoving({ kind: 'village', id: r.id })}>{label(T.remove)}</Button>) },
          ]} />
      </Card>
      <Card size="small" title={label(T.households)} extra={<Button type="primary" size="small" onClick={() => setRating(true)} data-testid="household-rate">{label(T.rate)}</Button>}>
        <div style={{ marginBottom: 8 }} data-testid="credit-line-table">{label(T.table)}：{grades.map((g) => <Tag key={g.grade}>{label(g)} ≥{g.minScore} → {yuan(g.creditLineFen)}</Tag>)}</div>
        <Table<Household> rowKey="id" size="small" pagination={false} dataSource={households.data?.items ?? []} data-testid="credit-households"
          columns={[
            { title: label(T.customer), dataIndex: 'customerName', render: (v: string, r) => `${r.customerNo} ${v}` }, { title: label(T.village), dataIndex: 'villageName', render: (v: string | null) => v ?? '—' },
            { title: label(T.score), dataIndex: 'score' }, { title: label(T.grade), dataIndex: 'grade', render: gradeLabel },
            { title: label(T.line), dataIndex: 'creditLineFen', align: 'right' as const, render: yuan },
            { title: label(T.status), dataIndex: 'status', render: (v: string, r) => <span>{statusTag(v)}{r.recheckDue ? <Tag color="gold">{label(T.recheck)}</Tag> : null}{r.removalReason ?? ''}</span> },
            { title: label(T.checks), dataIndex: 'checks', render: (c: Household['checks']) => c.map((x) => <Tag key={x.code} color={x.passed ? 'green' : 'red'}>{label({ zh: x.zh, en: x.code.replaceAll('_', ' ') })}</Tag>) },
            { title: label(T.rated), dataIndex: 'ratedOn' },
            { title: '', key: 'ops', render: (_: unknown, r) => (r.status === 'removed' ? null : <Button size="small" onClick={() => setRemoving({ kind: 'household', id: r.id })}>{label(T.remove)}</Button>) },
          ]} />
      </Card>
      <Modal open={rating} title={label(T.rate)} onCancel={() => setRating(false)} onOk={() => form.submit()} confirmLoading={rate.isPending} forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => rate.mutate(v, { onSuccess: () => { setRating(false); form.resetFields(); }, onError: onErr })}>
          <Form.Item name="customerNo" label={label(T.customerNo)} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="score" label={label(T.score)} rules={[{ required: true }]}><InputNumber min={0} max={100} precision={0} /></Form.Item>
          <Form.Item name="villageId" label={label(T.village)}><Select allowClear options={(villages.data?.items ?? []).filter((v) => v.status !== 'removed').map((v) => ({ value: v.id, label: v.name }))} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!removing} title={label(T.remove)} onCancel={() => setRemoving(null)} onOk={() => removeForm.submit()} confirmLoading={removeHousehold.isPending || removeVillage.isPending} destroyOnHidden>
        <Form form={removeForm} layout="vertical" onFinish={(v) => {
          if (!removing) return;
          const done = { onSuccess: () => setRemoving(null), onError: onErr };
          if (removing.kind === 'village') removeVillage.mutate({ id: removing.id, reason: v.reason }, done);
          else removeHousehold.mutate({ id: removing.id, reason: v.reason }, done);
        }}>
          <Form.Item name="reason" label={label(T.reason)} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
