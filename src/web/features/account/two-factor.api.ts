import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  RecoveryCodes,
  TwoFactorEnrolment,
  TwoFactorStatus,
  type ConfirmTwoFactorBody,
  type DisableTwoFactorBody,
} from '../../../shared/two-factor.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

const statusKey = ['two-factor'] as const;

export function useTwoFactorStatus() {
  return useQuery({ queryKey: statusKey, queryFn: ({ signal }) => apiGet('/api/me/two-factor', TwoFactorStatus, signal) });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: () => apiSend('POST', '/api/me/two-factor/enrolment', {}, TwoFactorEnrolment) });
}

/** Everything cached may have been refused before (a manager sent to set it up first): ask again. */
function useRefreshAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useConfirmEnrolment() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: ConfirmTwoFactorBody) => apiSend('POST', '/api/me/two-factor/enrolment/confirm', body, RecoveryCodes),
    onSuccess: () => refresh(),
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmTwoFactorBody) => apiSend('POST', '/api/me/two-factor/recovery-codes', body, RecoveryCodes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DisableTwoFactorBody) => apiSend('POST', '/api/me/two-factor/disable', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export function useForgetDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/me/two-factor/devices/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}
