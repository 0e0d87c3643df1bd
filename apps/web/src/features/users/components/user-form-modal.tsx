import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { ROLES, ROLE_LABELS } from '@kehu/domain';
import { userCreate, userUpdate } from '@kehu/contracts';
import type { User } from '@kehu/contracts';
import type { Role } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { checkWithSchema, clearFieldErrors, showFieldErrors } from '../../../lib/form-errors.ts';
import { OrgUnitSelect } from '../../org-units/components/org-unit-select.tsx';
import { useCreateUser } from '../api/create-user.ts';
import { useUpdateUser } from '../api/update-user.ts';

const FIELDS = ['login', 'displayName', 'role', 'orgUnitId', 'staffId', 'password', 'disabled'] as const;
interface Values { login?: string; displayName?: string; role?: Role; orgUnitId?: number | null; staffId?: number | null; password?: string; disabled?: boolean }

export function UserFormModal({ open, user, onClose }: { open: boolean; user: User | null; onClose: () => void }) {
  const { t, text, label, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(user
      ? { login: user.login, displayName: user.displayName, role: user.role, orgUnitId: user.orgUnitId, staffId: user.staffId, disabled: user.disabled }
      : { role: 'manager', disabled: false, orgUnitId: null, staffId: null });
  }, [open, user, form]);

  const onError = (err: unknown) => {
    if (!(err instanceof ApiError)) return void message.error(t('error.crashedSub'));
    const rest = showFieldErrors(form, err.fields, locale, FIELDS);
    if (!err.fields.length || rest.length) void message.error(text(err.text));
  };

  const submit = () => {
    const v = form.getFieldsValue(true) as Values;
    clearFieldErrors(form, FIELDS);
    const common = { displayName: v.displayName, role: v.role, orgUnitId: v.orgUnitId ?? null, staffId: v.staffId ?? null };
    if (user) {
      const body = { ...common, disabled: !!v.disabled, ...(v.password ? { password: v.password } : {}) };
      const checked = checkWithSchema(userUpdate, body);
      if (!checked.ok) return void showFieldErrors(form, checked.errors, locale, FIELDS);
      update.mutate({ id: user.id, body: checked.data }, { onSuccess: () => { void message.success(t('common.saved')); onClose(); }, onError });
    } else {
      const checked = checkWithSchema(userCreate, { ...common, login: v.login, password: v.password });
      if (!checked.ok) return void showFieldErrors(form, checked.errors, locale, FIELDS);
      create.mutate(checked.data, { onSuccess: () => { void message.success(t('common.created')); onClose(); }, onError });
    }
  };

  return (
    <Modal open={open} title={user ? t('users.editTitle', { name: user.displayName }) : t('users.new')} onCancel={onClose} onOk={submit}
      okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending || update.isPending} forceRender destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="login" label={t('users.login')}><Input disabled={!!user} data-testid="user-login" /></Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}><Input data-testid="user-displayName" /></Form.Item>
        <Form.Item name="role" label={t('users.role')}>
          <Select options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('users.orgUnit')}><OrgUnitSelect allowClear /></Form.Item>
        <Form.Item name="staffId" label={t('users.staffId')}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="password" label={t('users.password')} extra={user ? t('users.passwordKeep') : undefined}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {user ? <Form.Item name="disabled" label={t('users.disabled')} valuePropName="checked"><Switch /></Form.Item> : null}
      </Form>
    </Modal>
  );
}
