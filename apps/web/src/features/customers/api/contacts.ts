import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BigCustomerContactCreate, BigCustomerContactLog } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { customersKey } from './customers.ts';

const contactsKey = (id: number) => [...customersKey, 'contacts', id] as const;

export function useContactLog(customerId: number, enabled: boolean) {
  return useQuery({ queryKey: contactsKey(customerId), queryFn: () => apiRequest<BigCustomerContactLog>(`/api/v1/customers/${customerId}/contacts`), enabled });
}

export function useRecordContact(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BigCustomerContactCreate) => apiRequest<BigCustomerContactLog>(`/api/v1/customers/${customerId}/contacts`, { method: 'POST', json: body }),
    onSuccess: (log) => qc.setQueryData(contactsKey(customerId), log),
  });
}
