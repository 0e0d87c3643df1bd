import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BigCustomerContact, BigCustomerContactCreate, BigCustomerContactLog } from '@kehu/contracts';
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

/** Corrects an entry (its author or HR); the log is read again for the next contact due. */
export function useCorrectContact(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BigCustomerContactCreate }) => apiRequest<BigCustomerContact>(`/api/v1/customers/${customerId}/contacts/${id}`, { method: 'PUT', json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: contactsKey(customerId) }),
  });
}

/** Deletes an entry (its author or HR). */
export function useDeleteContact(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/api/v1/customers/${customerId}/contacts/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: contactsKey(customerId) }),
  });
}
