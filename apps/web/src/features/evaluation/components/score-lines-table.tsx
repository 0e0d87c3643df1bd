import { Table, Tag, Typography } from 'antd';
import type { EvalResult } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { SOURCE } from './eval-text.ts';

type Line = EvalResult['lines'][number];
const l = (zh: string, en: string) => ({ zh, en });
const T = {
  item: l('考核项目', 'Item'), inputs: l('数值与出处', 'Figures and where they came from'), completion: l('完成率（计入）', 'Completion (applied)'),
  points: l('得分', 'Points'), rule: l('条款与计算', 'Clause and formula'),
};

/** The scorecard as the policy engine scored it: each item's figures with their sources, the formula with its clause, the points. */
export function ScoreLinesTable({ result }: { result: EvalResult }) {
  const { label } = useI18n();
  return (
    <Table<Line> rowKey="id" size="small" pagination={false} dataSource={result.lines} data-testid="scorecard-table" scroll={{ x: true }}
      columns={[
        { title: label(T.item), key: 'i', render: (_: unknown, x) => <span>{label(x.label)}（{x.weight}）<br /><Tag>{label(SOURCE[x.source] ?? l(x.source, x.source))}</Tag></span> },
        {
          title: label(T.inputs), key: 'in', render: (_: unknown, x) => (
            <div data-testid={`line-inputs-${x.id}`}>
              {x.inputs.map((i) => <div key={i.key}><b>{label(i.label)}</b> {i.value} <Typography.Text type="secondary">— {i.source}</Typography.Text></div>)}
            </div>
          ),
        },
        { title: label(T.completion), key: 'c', render: (_: unknown, x) => `${x.completion}（${x.applied}）` },
        { title: label(T.points), key: 'p', render: (_: unknown, x) => <b data-testid={`points-${x.id}`}>{x.points}</b> },
        { title: label(T.rule), key: 't', render: (_: unknown, x) => <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`trace-${x.id}`}>{x.trace}</Typography.Text> },
      ]} />
  );
}
