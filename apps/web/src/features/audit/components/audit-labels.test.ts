import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './audit-labels.ts';

// The server's sources as text: every audit write names its action and entity as string literals.
const sources = import.meta.glob<string>(['../../../../../server/src/**/*.ts', '!**/*.test.ts', '!**/testing/**'], { query: '?raw', import: 'default', eager: true });

function written(): { actions: Set<string>; entities: Set<string> } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const call of text.matchAll(/auditService\.record\([^{]*\{([^}]*)/g)) {
      const body = call[1] ?? '';
      const action = /\baction: ([^,]+),/.exec(body)?.[1] ?? '';
      for (const m of action.matchAll(/'([a-z_]+)'/g)) actions.add(m[1]!);
      const entity = /\bentity: '([a-z_]+)'/.exec(body)?.[1];
      if (entity) entities.add(entity);
    }
    // Seed rows written straight into audit_log: (…, '演示数据 / seed', '<action>', '<entity>', …).
    for (const m of text.matchAll(/'演示数据 \/ seed', '([a-z_]+)', '([a-z_]+)'/g)) { actions.add(m[1]!); entities.add(m[2]!); }
  }
  return { actions, entities };
}

describe('audit labels', () => {
  const { actions, entities } = written();

  it('finds the audit writes in the server sources', () => {
    expect(actions.has('sign_in')).toBe(true);
    expect(entities.has('pay_run')).toBe(true);
  });

  it('name every action and entity the server writes in both languages (no raw codes in the audit log)', () => {
    expect([...actions].filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
    expect([...entities].filter((e) => !AUDIT_ENTITIES[e])).toEqual([]);
  });
});
