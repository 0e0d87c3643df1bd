import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { HIRE_TYPES, POSITIONS, STAFF_STATUSES } from '@kehu/domain';
import type { StaffFilters } from '../api/list-staff.ts';

const SORTS = ['name', 'hireDate', 'updatedAt'] as const;

function oneOf<T extends string>(list: readonly T[], v: string | null): T | undefined {
  return v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

function positiveInt(v: string | null): number | undefined {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The staff list filters live in the URL, so a filtered list can be bookmarked and shared. */
export function useStaffFilters(): [StaffFilters, (patch: Partial<StaffFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<StaffFilters>(() => ({
    q: params.get('q') ?? undefined,
    orgUnitId: positiveInt(params.get('orgUnitId')),
    status: oneOf(STAFF_STATUSES, params.get('status')),
    position: oneOf(POSITIONS, params.get('position')),
    hireType: oneOf(HIRE_TYPES, params.get('hireType')),
    sort: oneOf(SORTS, params.get('sort')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: positiveInt(params.get('pageSize')) ?? 20,
  }), [params]);

  const update = useCallback((patch: Partial<StaffFilters>) => {
    const next = { ...filters, ...patch };
    // Any filter change other than paging starts again at page 1.
    if (!('page' in patch)) next.page = 1;
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '' || v === null) continue;
      if (k === 'page' && v === 1) continue;
      if (k === 'pageSize' && v === 20) continue;
      out.set(k, String(v));
    }
    setParams(out, { replace: true });
  }, [filters, setParams]);

  return [filters, update];
}
