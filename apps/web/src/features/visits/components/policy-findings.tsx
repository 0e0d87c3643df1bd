import { Alert, List, Tag, Typography } from 'antd';
import type { Finding } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';

const l = (zh: string, en: string) => ({ zh, en });
const SEVERITY = { error: { color: 'red', text: l('错误', 'Error') }, warning: { color: 'orange', text: l('警告', 'Warning') }, info: { color: 'blue', text: l('提示', 'Note') } } as const;
const T = { clean: l('检查通过，未发现问题', 'Checked: no findings'), clause: l('第 {c} 条', 'clause {c}') };

/** Policy lint findings (lintPolicy) as HR reads them before saving: severity, clause, where, what and how to fix. */
export function PolicyFindings({ findings }: { findings: Finding[] }) {
  const { label } = useI18n();
  if (findings.length === 0) return <Alert type="success" showIcon title={label(T.clean)} data-testid="policy-findings-clean" />;
  return (
    <List size="small" bordered data-testid="policy-findings" dataSource={findings}
      renderItem={(f) => (
        <List.Item>
          <div>
            <Tag color={SEVERITY[f.severity].color}>{label(SEVERITY[f.severity].text)}</Tag>
            {f.clause ? <Typography.Text type="secondary">{label(T.clause).replace('{c}', f.clause)} · </Typography.Text> : null}
            {f.path ? <Typography.Text code>{f.path}</Typography.Text> : null} {label(f.message)}
            {f.fix.zh ? <div><Typography.Text type="secondary">→ {label(f.fix)}</Typography.Text></div> : null}
          </div>
        </List.Item>
      )} />
  );
}
