import { describe, expect, it } from 'vitest';
import { diffRows } from './audit-diff.tsx';

describe('diffRows', () => {
  it('lists changed fields first and marks them', () => {
    const rows = diffRows({ name: '李娜', position: 'customer_manager' }, { name: '李娜', position: 'supervisor' });
    expect(rows.map((r) => [r.field, r.changed])).toEqual([['position', true], ['name', false]]);
  });

  it('treats a missing side as empty (creates and deletes)', () => {
    expect(diffRows(null, { name: 'x' })).toEqual([{ field: 'name', before: undefined, after: 'x', changed: true }]);
    expect(diffRows({ name: 'x' }, undefined)[0]?.changed).toBe(true);
  });
});
