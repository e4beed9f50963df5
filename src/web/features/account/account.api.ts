import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CurrentUser, Me, type ChangePasswordBody, type SessionState, type UpdateMeBody } from '../../../shared/account.schemas.ts';
import type { OptIns } from '../../../shared/privacy.schemas.ts';
import { EndedSessions, MySessions } from '../../../shared/sessions.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';
import { switchLanguage } from '../../lib/i18n.ts';
import { sessionQueryKey } from '../../lib/session.ts';

const meQueryKey = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => apiGet('/api/me', Me, signal) });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => apiSend('PATCH', '/api/me', body, CurrentUser),
    onSuccess: async (user) => {
      queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, ...user } : me));
      // The header shows the name from the session; keep them the same.
      queryClient.setQueryData<SessionState>(sessionQueryKey, (session) => (session ? { ...session, user } : session));
      await switchLanguage(user.locale);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiSend('POST', '/api/me/password', body),
    // A new password ends my other sessions.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mySessionsKey }),
  });
}

export function useSetOptIns() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (optIns: OptIns) => apiSend('PUT', '/api/me/opt-ins', optIns, Me),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}

const mySessionsKey = ['me', 'sessions'] as const;

/** Where I am signed in (decision 0026). */
export function useMySessions() {
  return useQuery({ queryKey: mySessionsKey, queryFn: ({ signal }) => apiGet('/api/me/sessions', MySessions, signal) });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mySessionsKey }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('DELETE', '/api/me/sessions', undefined, EndedSessions),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mySessionsKey }),
  });
}
