import { LABELS } from '@kehu/domain';
import type { MessageKey } from '../../../lib/i18n/messages-zh.ts';
import { formatValue } from '../../../lib/format.ts';

type Label = { zh: string; en: string };

const ENUM_FIELDS: Record<string, Record<string, Label>> = {
  gender: LABELS.gender,
  education: LABELS.education,
  hireType: LABELS.hireType,
  position: LABELS.position,
  category: LABELS.category,
  status: LABELS.status,
  kind: LABELS.orgUnitKind,
};

const STAFF_FIELD_KEYS = new Set([
  'name', 'gender', 'birthDate', 'idCardNo', 'phone', 'education', 'hireDate', 'hireType',
  'position', 'category', 'orgUnit', 'status', 'updatedAt',
]);

/** The message key that names a record field, if the UI knows it. */
export function fieldLabelKey(field: string): MessageKey | null {
  const f = field === 'orgUnitId' || field === 'orgUnitName' ? 'orgUnit' : field;
  return STAFF_FIELD_KEYS.has(f) ? (`staff.${f}` as MessageKey) : null;
}

/** Shows an enum value by its label, anything else as text. */
export function displayFieldValue(field: string, value: unknown, pick: (l: Label | undefined, fallback?: string) => string): string {
  const labels = ENUM_FIELDS[field];
  if (labels && typeof value === 'string') return pick(labels[value], value);
  return formatValue(value);
}
