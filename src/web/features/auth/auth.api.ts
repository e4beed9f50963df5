import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SessionState, type RequestPasswordResetBody, type ResetPasswordBody, type SignInBody } from '../../../shared/account.schemas.ts';
import type { z } from 'zod';
import { apiSend } from '../../lib/api-client.ts';
import { applySession } from '../../lib/session.ts';
import { switchLanguage } from '../../lib/i18n.ts';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) => apiSend('POST', '/api/session', body, SessionState),
    onSuccess: async (state) => {
      applySession(queryClient, state);
      // The language saved in the person's account wins over the anonymous choice.
      if (state.user) await switchLanguage(state.user.locale);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: z.output<typeof RequestPasswordResetBody>) => apiSend('POST', '/api/password-resets', body),
  });
}

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (body: z.output<typeof ResetPasswordBody>) => apiSend('POST', `/api/password-resets/${encodeURIComponent(token)}`, body),
  });
}
