import { Tag } from 'antd';
import { usePayText } from './pay-text.ts';

const COLORS: Record<string, string> = { draft: 'default', reviewed: 'blue', approved: 'gold', locked: 'green', superseded: 'default' };

export function RunStatusTag({ status }: { status: string }) {
  const p = usePayText();
  const key = (['draft', 'reviewed', 'approved', 'locked', 'superseded'] as const).find((s) => s === status);
  return <Tag color={COLORS[status] ?? 'default'} data-testid={`run-status-${status}`}>{key ? p(key) : status}</Tag>;
}
