import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import {
  EDUCATION_LEVELS, GENDERS, HIRE_TYPES, LABELS, POSITIONS, STAFF_CATEGORIES, STAFF_STATUSES,
  idCardBirthDate, idCardGender, idCardProblem,
} from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { OrgUnitSelect } from '../../org-units/components/org-unit-select.tsx';
import type { StaffFormValues } from './staff-form-values.ts';

type LabelMap = Record<string, { zh: string; en: string }>;

/** The inputs of a staff record, laid out two per row. */
export function StaffFormFields({ form, idCardLocked }: { form: FormInstance<StaffFormValues>; idCardLocked: boolean }) {
  const { t, label } = useI18n();
  const opts = (keys: readonly string[], labels: LabelMap) => keys.map((k) => ({ value: k, label: label(labels[k], k) }));

  // A valid ID number already says birth date and gender; fill them in when still empty.
  const onIdCardBlur = () => {
    const id = (form.getFieldValue('idCardNo') as string | undefined)?.trim().toUpperCase() ?? '';
    if (idCardProblem(id)) return;
    const patch: StaffFormValues = {};
    if (!form.getFieldValue('birthDate')) patch.birthDate = dayjs(idCardBirthDate(id));
    if (!form.getFieldValue('gender')) patch.gender = idCardGender(id);
    form.setFieldsValue(patch);
  };

  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('staff.name')}><Input data-testid="staff-name" maxLength={50} /></Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="idCardNo" label={t('staff.idCardNo')}>
          <Input data-testid="staff-idCardNo" maxLength={18} disabled={idCardLocked} onBlur={onIdCardBlur} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="gender" label={t('staff.gender')}>
          <Radio.Group data-testid="staff-gender" options={opts(GENDERS, LABELS.gender)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="birthDate" label={t('staff.birthDate')}>
          <DatePicker data-testid="staff-birthDate" style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="phone" label={t('staff.phone')}><Input data-testid="staff-phone" maxLength={11} /></Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="education" label={t('staff.education')}>
          <Select data-testid="staff-education" options={opts(EDUCATION_LEVELS, LABELS.education)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="orgUnitId" label={t('staff.orgUnit')}><OrgUnitSelect data-testid="staff-orgUnitId" /></Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="hireDate" label={t('staff.hireDate')}>
          <DatePicker data-testid="staff-hireDate" style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="position" label={t('staff.position')}>
          <Select data-testid="staff-position" options={opts(POSITIONS, LABELS.position)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="category" label={t('staff.category')}>
          <Select data-testid="staff-category" options={opts(STAFF_CATEGORIES, LABELS.category)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="hireType" label={t('staff.hireType')}>
          <Select data-testid="staff-hireType" options={opts(HIRE_TYPES, LABELS.hireType)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="status" label={t('staff.status')}>
          <Select data-testid="staff-status" options={opts(STAFF_STATUSES, LABELS.status)} />
        </Form.Item>
      </Col>
    </Row>
  );
}
