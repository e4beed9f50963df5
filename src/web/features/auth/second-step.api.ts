import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SessionState } from '../../../shared/account.schemas.ts';
import type { SecondStepBody } from '../../../shared/two-factor.schemas.ts';
import { apiSend } from '../../lib/api-client.ts';
import { switchLanguage } from '../../lib/i18n.ts';
import { applySession } from '../../lib/session.ts';

/** The second step of a sign-in with two-step sign-in on (docs/decisions/0027-two-factor.md). */
export function useSecondStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondStepBody) => apiSend('POST', '/api/session/second-step', body, SessionState),
    onSuccess: async (state) => {
      applySession(queryClient, state);
      if (state.user) await switchLanguage(state.user.locale);
    },
  });
}
