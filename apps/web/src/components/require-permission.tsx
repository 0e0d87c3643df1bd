import type { ReactNode } from 'react';
import type { Permission } from '@kehu/domain';
import { useCan } from '../app/session-context.ts';
import { ForbiddenResult } from './forbidden-result.tsx';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? children : <ForbiddenResult />;
}
