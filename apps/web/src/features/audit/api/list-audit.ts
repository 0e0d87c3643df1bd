import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditPage } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface AuditFilters {
  entity?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export function listAudit(filters: AuditFilters, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest('/api/v1/audit', { query: { ...filters }, signal });
}

export function useAuditList(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => listAudit(filters, signal),
    placeholderData: keepPreviousData,
  });
}
