import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MailboxPage } from '../../../shared/mailbox.schemas.ts';
import { apiGet, queryString } from '../../lib/api-client.ts';

export function useMailbox(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['mailbox', { page, pageSize }],
    queryFn: ({ signal }) => apiGet(`/api/mailbox${queryString({ page, pageSize })}`, MailboxPage, signal),
    placeholderData: keepPreviousData,
    // The outbox worker delivers in the background; show status changes and new mail without a reload.
    refetchInterval: 5000,
  });
}
