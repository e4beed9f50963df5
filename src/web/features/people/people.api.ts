import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Invitation, InvitationPage, type CreateInvitationBody } from '../../../shared/account.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';

const invitationsKey = ['invitations'] as const;

export function useInvitations(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...invitationsKey, { page, pageSize }],
    queryFn: ({ signal }) => apiGet(`/api/invitations${queryString({ page, pageSize })}`, InvitationPage, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => apiSend('POST', '/api/invitations', body, Invitation),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/invitations/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}
