import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Input, Row, Tree, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { OrgUnit } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { useOrgUnits } from '../api/list-org-units.ts';
import { buildOrgTree } from '../components/org-tree-data.ts';
import type { OrgTreeNode } from '../components/org-tree-data.ts';
import { OrgUnitDetail } from '../components/org-unit-detail.tsx';
import { OrgUnitFormModal } from '../components/org-unit-form-modal.tsx';
import { PageSpinner } from '../../../components/page-spinner.tsx';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';

type Editing = { unit: OrgUnit | null; parentId: number | null } | null;

/** Keeps nodes whose name matches, with their ancestors. */
function filterTree(nodes: OrgTreeNode[], q: string): OrgTreeNode[] {
  if (!q) return nodes;
  return nodes.flatMap((n) => {
    const children = filterTree(n.children, q);
    return n.title.includes(q) || n.unit.code.includes(q) || children.length ? [{ ...n, children }] : [];
  });
}

export default function OrgUnitsPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const params = useParams();
  const { data, isPending, error, refetch } = useOrgUnits();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const units = useMemo(() => data?.items ?? [], [data]);
  const tree = useMemo(() => filterTree(buildOrgTree(units), search.trim()), [units, search]);
  const selectedId = params.id ? Number(params.id) : null;
  const selected = units.find((u) => u.id === selectedId) ?? null;
  const canWrite = can('org.write');

  if (isPending) return <PageSpinner />;
  if (error) return <ApiErrorAlert error={error} onRetry={() => void refetch()} />;

  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{t('org.title')}</Typography.Title>
        <span className="kehu-spacer" />
        {canWrite ? (
          <Button type="primary" data-testid="org-new" onClick={() => setEditing({ unit: null, parentId: selected?.id ?? units[0]?.id ?? null })}>
            {t('org.new')}
          </Button>
        ) : null}
      </div>
      <Row gutter={16}>
        <Col xs={24} md={10} lg={9}>
          <Card title={t('org.tree')} size="small">
            <Input.Search placeholder={t('org.searchTree')} allowClear onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 8 }} data-testid="org-tree-search" />
            <Tree<OrgTreeNode>
              data-testid="org-tree"
              key={search}
              treeData={tree}
              defaultExpandAll
              blockNode
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                const k = keys[0];
                void navigate(k === undefined ? '/org-units' : `/org-units/${String(k)}`);
              }}
              titleRender={(n) => (
                <span data-testid={`org-node-${n.unit.code}`}>
                  {n.title} <Typography.Text type="secondary" style={{ fontSize: 12 }}>({n.unit.staffCount})</Typography.Text>
                </span>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={14} lg={15}>
          <Card title={t('org.detail')} size="small">
            {selected ? (
              <OrgUnitDetail
                unit={selected}
                parentName={units.find((u) => u.id === selected.parentId)?.name ?? null}
                canWrite={canWrite}
                canSeeStaff={can('staff.read')}
                onEdit={() => setEditing({ unit: selected, parentId: selected.parentId })}
                onAddChild={() => setEditing({ unit: null, parentId: selected.id })}
                onDeleted={() => void navigate('/org-units')}
              />
            ) : (
              <Empty description={t('org.pick')} />
            )}
          </Card>
        </Col>
      </Row>
      <OrgUnitFormModal
        open={editing !== null}
        unit={editing?.unit ?? null}
        parentId={editing?.parentId ?? null}
        onClose={() => setEditing(null)}
        onSaved={(u) => { setEditing(null); void navigate(`/org-units/${u.id}`); }}
      />
    </div>
  );
}
