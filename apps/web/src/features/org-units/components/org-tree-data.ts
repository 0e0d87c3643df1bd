import type { OrgUnit } from '@kehu/contracts';

export interface OrgTreeNode {
  key: number;
  value: number;
  title: string;
  unit: OrgUnit;
  children: OrgTreeNode[];
}

/**
 * Builds the tree from the flat list. A unit whose parent is outside the caller's scope
 * becomes a root (a supervisor's tree starts at their own branch).
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const u of units) nodes.set(u.id, { key: u.id, value: u.id, title: u.name, unit: u, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const u of [...units].sort((a, b) => a.code.localeCompare(b.code))) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId !== null ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
