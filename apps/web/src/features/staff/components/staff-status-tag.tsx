import { Tag } from 'antd';
import { LABELS } from '@kehu/domain';
import type { StaffStatus } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';

const COLORS: Record<StaffStatus, string> = { active: 'green', probation: 'blue', on_leave: 'orange', left: 'default' };

export function StaffStatusTag({ status }: { status: StaffStatus }) {
  const { label } = useI18n();
  return <Tag color={COLORS[status]}>{label(LABELS.status[status], status)}</Tag>;
}
