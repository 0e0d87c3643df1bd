import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { LABELS, ORG_UNIT_KINDS } from '@kehu/domain';
import { orgUnitCreate, orgUnitUpdate } from '@kehu/contracts';
import type { OrgUnit } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { checkWithSchema, clearFieldErrors, showFieldErrors } from '../../../lib/form-errors.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useCreateOrgUnit } from '../api/create-org-unit.ts';
import { useUpdateOrgUnit } from '../api/update-org-unit.ts';
import { OrgUnitSelect } from './org-unit-select.tsx';

const FIELDS = ['parentId', 'code', 'name', 'kind'] as const;
interface Values { parentId?: number; code?: string; name?: string; kind?: OrgUnit['kind'] }

interface Props {
  open: boolean;
  /** Editing this unit; otherwise creating one under `parentId`. */
  unit: OrgUnit | null;
  parentId: number | null;
  onClose: () => void;
  onSaved: (unit: OrgUnit) => void;
}

/** Create or edit a unit; checked with the shared schema, server errors land on the fields. */
export function OrgUnitFormModal({ open, unit, parentId, onClose, onSaved }: Props) {
  const { t, text, label, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(unit
      ? { parentId: unit.parentId ?? undefined, code: unit.code, name: unit.name, kind: unit.kind }
      : { parentId: parentId ?? undefined, kind: 'sub_branch' });
  }, [open, unit, parentId, form]);

  const onError = (err: unknown) => {
    if (err instanceof ApiError) {
      const rest = showFieldErrors(form, err.fields, locale, FIELDS);
      if (!err.fields.length || rest.length) void message.error(text(err.text));
    } else {
      void message.error(t('error.crashedSub'));
    }
  };

  const submit = () => {
    const values = form.getFieldsValue();
    clearFieldErrors(form, FIELDS);
    if (unit) {
      const changed: Values = {};
      if (values.parentId !== (unit.parentId ?? undefined)) changed.parentId = values.parentId;
      if (values.code !== unit.code) changed.code = values.code;
      if (values.name !== unit.name) changed.name = values.name;
      if (values.kind !== unit.kind) changed.kind = values.kind;
      const checked = checkWithSchema(orgUnitUpdate, changed);
      if (!checked.ok) return void showFieldErrors(form, checked.errors, locale, FIELDS);
      update.mutate({ id: unit.id, body: checked.data }, {
        onSuccess: (u) => { void message.success(t('common.saved')); onSaved(u); },
        onError,
      });
    } else {
      const checked = checkWithSchema(orgUnitCreate, values);
      if (!checked.ok) return void showFieldErrors(form, checked.errors, locale, FIELDS);
      create.mutate(checked.data, {
        onSuccess: (u) => { void message.success(t('common.created')); onSaved(u); },
        onError,
      });
    }
  };

  return (
    <Modal
      open={open}
      title={unit ? t('org.editTitle') : t('org.new')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'org-form-submit' }}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} data-testid="org-form">
        <Form.Item name="parentId" label={t('org.parent')}>
          <OrgUnitSelect data-testid="org-parent" disabledIds={unit ? [unit.id] : []} />
        </Form.Item>
        <Form.Item name="code" label={t('org.code')}>
          <Input data-testid="org-code" maxLength={30} />
        </Form.Item>
        <Form.Item name="name" label={t('org.name')}>
          <Input data-testid="org-name" maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')}>
          <Select data-testid="org-kind" options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: label(LABELS.orgUnitKind[k]) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
