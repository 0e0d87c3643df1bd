import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '@kehu/contracts';
import { buildOrgTree } from './org-tree-data.ts';

const unit = (id: number, parentId: number | null, code: string): OrgUnit => ({
  id, parentId, code, name: `U${id}`, kind: 'branch', path: '', staffCount: 0, updatedAt: '2026-01-01T00:00:00Z',
});

describe('buildOrgTree', () => {
  it('nests children under parents, ordered by code', () => {
    const roots = buildOrgTree([unit(3, 1, 'B'), unit(1, null, 'HQ'), unit(2, 1, 'A')]);
    expect(roots.map((r) => r.key)).toEqual([1]);
    expect(roots[0]?.children.map((c) => c.unit.code)).toEqual(['A', 'B']);
  });

  it('makes a unit whose parent is out of scope a root (supervisor sees their branch only)', () => {
    const roots = buildOrgTree([unit(5, 2, 'CQ'), unit(6, 5, 'CQ01')]);
    expect(roots.map((r) => r.key)).toEqual([5]);
    expect(roots[0]?.children.map((c) => c.key)).toEqual([6]);
  });
});
