import { createContext, useContext } from 'react';
import type { Me } from '@kehu/contracts';
import type { Permission } from '@kehu/domain';

export const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only inside the authenticated part of the app. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside RequireAuth');
  return me;
}

/** Whether the signed-in user holds a permission (the server decides; this only shapes the UI). */
export function useCan(): (perm: Permission) => boolean {
  const me = useSession();
  return (perm) => me.permissions.includes(perm);
}
