import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgUnits } from '../api/list-org-units.ts';
import { buildOrgTree } from './org-tree-data.ts';

interface Props {
  /** Set by Form.Item so labels and tests can find the control. */
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabledIds?: readonly number[];
  'data-testid'?: string;
  style?: React.CSSProperties;
}

/** Picks an org unit from the tree the caller may see; searchable by name. */
const NONE: readonly number[] = [];

export function OrgUnitSelect({ id, value, onChange, placeholder, allowClear, disabledIds = NONE, style, ...rest }: Props) {
  const { data, isPending } = useOrgUnits();
  const tree = useMemo(() => {
    const roots = buildOrgTree(data?.items ?? []);
    const mark = (nodes: ReturnType<typeof buildOrgTree>): unknown[] =>
      nodes.map((n) => ({ value: n.value, title: n.title, disabled: disabledIds.includes(n.value), children: mark(n.children) }));
    return mark(roots);
  }, [data, disabledIds]);

  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      style={style ?? { width: '100%' }}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v)}
      treeData={tree as never}
      loading={isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
    />
  );
}
