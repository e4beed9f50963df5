import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { InvitationPreview, SessionState, type AcceptInvitationBody } from '../../../shared/account.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';
import { applySession } from '../../lib/session.ts';

const byToken = (token: string) => `/api/invitations/by-token/${encodeURIComponent(token)}`;

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) => apiGet(byToken(token), InvitationPreview, signal),
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInvitationBody) => apiSend('POST', `${byToken(token)}/accept`, body, SessionState),
    // The answer signs the person in: a new session and a new CSRF token.
    onSuccess: (state) => applySession(queryClient, state),
  });
}
