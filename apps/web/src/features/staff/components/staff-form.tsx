import { useState } from 'react';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import { ERROR_MESSAGES, staffCreate, staffUpdate } from '@kehu/contracts';
import type { Staff } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { checkWithSchema, clearFieldErrors, showFieldErrors } from '../../../lib/form-errors.ts';
import { useCreateStaff } from '../api/create-staff.ts';
import { useUpdateStaff } from '../api/update-staff.ts';
import { getStaff } from '../api/get-staff.ts';
import { STAFF_FORM_FIELDS, toBody, toFormValues } from './staff-form-values.ts';
import type { StaffFormValues } from './staff-form-values.ts';
import { StaffFormFields } from './staff-form-fields.tsx';

interface Props {
  /** Editing this record; otherwise creating one. */
  initial: Staff | null;
  defaults?: StaffFormValues;
  onSaved: (s: Staff) => void;
  onCancel: () => void;
}

/**
 * Create or edit a staff record. Checked with the same schema as the server; the server's own
 * answers (duplicate ID number, stale version…) land on the fields. Input is never cleared.
 */
export function StaffForm({ initial, defaults, onSaved, onCancel }: Props) {
  const { t, text, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffFormValues>();
  const [version, setVersion] = useState(initial?.version ?? 0);
  const [banner, setBanner] = useState<{ text: string; stale: boolean } | null>(null);
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const saving = create.isPending || update.isPending;
  // A masked ID number (caller may not read it) is left alone rather than sent back masked.
  const idCardLocked = !!initial && initial.idCardNo.includes('*');

  const onError = (err: unknown) => {
    if (!(err instanceof ApiError)) return setBanner({ text: t('error.crashedSub'), stale: false });
    if (err.code === 'stale_version') return setBanner({ text: t('staff.staleVersion'), stale: true });
    const orphans = showFieldErrors(form, err.fields, locale, STAFF_FORM_FIELDS);
    // The fields carry the specifics; the banner says what kind of problem it is.
    const headline = err.fields.length ? ERROR_MESSAGES[err.code] : err.text;
    setBanner({ text: [text(headline), ...orphans.map(text)].join(' '), stale: false });
  };

  const submit = () => {
    setBanner(null);
    clearFieldErrors(form, STAFF_FORM_FIELDS);
    const body = toBody(form.getFieldsValue(true) as StaffFormValues);
    if (initial) {
      if (idCardLocked) delete body.idCardNo;
      const checked = checkWithSchema(staffUpdate, { ...body, version });
      if (!checked.ok) {
        showFieldErrors(form, checked.errors, locale, STAFF_FORM_FIELDS);
        return void message.error(t('common.fixFields'));
      }
      update.mutate({ id: initial.id, body: checked.data }, {
        onSuccess: (s) => { void message.success(t('common.saved')); onSaved(s); },
        onError,
      });
    } else {
      const checked = checkWithSchema(staffCreate, body);
      if (!checked.ok) {
        showFieldErrors(form, checked.errors, locale, STAFF_FORM_FIELDS);
        return void message.error(t('common.fixFields'));
      }
      create.mutate(checked.data, {
        onSuccess: (s) => { void message.success(t('common.created')); onSaved(s); },
        onError,
      });
    }
  };

  const loadLatest = async () => {
    if (!initial) return;
    const latest = await getStaff(initial.id);
    form.setFieldsValue(toFormValues(latest));
    setVersion(latest.version);
    setBanner(null);
  };

  return (
    <Card>
      {banner ? (
        <Alert type={banner.stale ? 'warning' : 'error'} showIcon style={{ marginBottom: 16 }}
          title={<span data-testid="staff-form-error">{banner.text}</span>}
          action={banner.stale ? <Button size="small" onClick={() => void loadLatest()}>{t('staff.reloadLatest')}</Button> : undefined} />
      ) : null}
      <Form<StaffFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initial ? toFormValues(initial) : { status: 'active', hireType: 'staff', ...defaults }}
        onFinish={submit}
        data-testid="staff-form"
      >
        <StaffFormFields form={form} idCardLocked={idCardLocked} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="staff-submit">{t('common.save')}</Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
