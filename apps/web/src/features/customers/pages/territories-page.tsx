import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { useOrgUnits } from '../../org-units/api/list-org-units.ts';
import { useDeleteTerritory, useSaveTerritory, useTerritories, type Territory } from '../api/territories.ts';
import { P, fill } from '../portfolio-text.ts';

interface Values { orgUnitId?: number; code: string; name: string }

/** Territories (管片) of the unit: create, rename, delete, and open a territory's customers. */
export default function TerritoriesPage() {
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const list = useTerritories();
  const manage = can('territories.manage');
  const units = useOrgUnits(manage);
  const save = useSaveTerritory();
  const remove = useDeleteTerritory();
  const del = (t: Territory) => remove.mutate({ id: t.id, customers: t.customers }, {
    onSuccess: () => void message.success(label(P.territoryDeleted)),
    onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)),
  });
  const [editing, setEditing] = useState<Territory | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) => save.mutate({ id: editing === 'new' || editing === null ? null : editing.id, body: v }, {
    onSuccess: () => { void message.success(label(P.territorySaved)); setEditing(null); },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path as keyof Values, errors: [text(f.message)] })));
      else void message.error(e instanceof ApiError ? text(e.text) : String(e));
    },
  });
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(P.territories)}</Typography.Title>
        <span className="kehu-spacer" />
        {manage ? <Button type="primary" data-testid="territory-new" onClick={() => { form.resetFields(); setEditing('new'); }}>{label(P.newTerritory)}</Button> : null}
      </div>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<Territory> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data ?? []} pagination={false} data-testid="territory-table"
          columns={[
            { title: label(P.code), dataIndex: 'code', width: 120 },
            { title: label(P.name), dataIndex: 'name', render: (n: string, t) => <Link to={`/customers?territoryId=${t.id}`} data-testid={`territory-link-${t.code}`}>{n}</Link> },
            { title: label(P.unit), dataIndex: 'orgUnitName' },
            { title: label(P.customersCount), dataIndex: 'customers', align: 'right', width: 100 },
            ...(manage ? [{
              title: '', key: 'edit', width: 160,
              render: (_: unknown, t: Territory) => (
                <Space>
                  <Button size="small" data-testid={`territory-edit-${t.code}`} onClick={() => { form.setFieldsValue({ code: t.code, name: t.name }); setEditing(t); }}>{label(P.edit)}</Button>
                  <Popconfirm title={fill(label(P.deleteTerritoryConfirm), { name: t.name, n: t.customers })} onConfirm={() => del(t)} okButtonProps={{ danger: true, 'data-testid': `territory-delete-ok-${t.code}` }}>
                    <Button size="small" danger data-testid={`territory-delete-${t.code}`} loading={remove.isPending && remove.variables.id === t.id}>{label(P.deleteTerritory)}</Button>
                  </Popconfirm>
                </Space>
              ),
            }] : []),
          ]} />
      )}
      <Modal open={editing !== null} title={label(editing === 'new' ? P.newTerritory : P.editTerritory)} onCancel={() => setEditing(null)} onOk={() => form.submit()}
        confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'territory-submit' }} forceRender>
        <Form form={form} layout="vertical" onFinish={submit}>
          {editing === 'new' ? (
            <Form.Item name="orgUnitId" label={label(P.unit)} rules={[{ required: true }]}>
              <Select data-testid="territory-unit" showSearch optionFilterProp="label" options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="code" label={label(P.code)} rules={[{ required: true }]}><Input data-testid="territory-code" maxLength={30} /></Form.Item>
          <Form.Item name="name" label={label(P.name)} rules={[{ required: true }]}><Input data-testid="territory-name" maxLength={60} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
