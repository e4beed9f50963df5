import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ExpertList,
  ExpertProfileWithVersion,
  SupportRequestDetail,
  SupportRequestPage,
  type CloseSupportRequest,
  type MarkSessionHeld,
  type NewSupportAnswer,
  type NewSupportRequest,
  type ReassignSupportRequest,
  type ReopenSupportRequest,
  type SupportState,
  type UpdateExpertProfile,
} from '../../../shared/support.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';

const enc = encodeURIComponent;

export type SupportScope = 'mine' | 'assigned' | 'all';

export interface SupportFilter {
  scope: SupportScope;
  state: SupportState | null;
  overdue: boolean;
  page: number;
}

export const SUPPORT_PAGE_SIZE = 20;

export const supportKeys = {
  all: ['support'] as const,
  list: (f: SupportFilter) => ['support', 'list', f] as const,
  request: (id: string) => ['support', 'request', id] as const,
  experts: ['support', 'experts'] as const,
  profile: ['support', 'expert-profile'] as const,
};

/** GET /api/support-requests: one page of the requests the person may see in this scope. */
export function useSupportRequests(f: SupportFilter) {
  return useQuery({
    queryKey: supportKeys.list(f),
    queryFn: ({ signal }) =>
      apiGet(
        `/api/support-requests${queryString({ scope: f.scope, state: f.state, overdue: f.overdue ? 'true' : undefined, page: f.page, pageSize: SUPPORT_PAGE_SIZE })}`,
        SupportRequestPage,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSupportRequest(id: string) {
  return useQuery({ queryKey: supportKeys.request(id), queryFn: ({ signal }) => apiGet(`/api/support-requests/${enc(id)}`, SupportRequestDetail, signal) });
}

/** Every change answers the request as it now is: the page shows it at once, the lists are fetched again. */
function useRequestMutation<V>(send: (vars: V) => Promise<SupportRequestDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (detail) => {
      queryClient.setQueryData(supportKeys.request(detail.id), detail);
      await queryClient.invalidateQueries({ queryKey: ['support', 'list'] });
    },
  });
}

export function useAskForSupport() {
  return useRequestMutation((body: NewSupportRequest) => apiSend('POST', '/api/support-requests', body, SupportRequestDetail));
}

export function useAnswerRequest(id: string) {
  return useRequestMutation((body: z.output<typeof NewSupportAnswer>) => apiSend('POST', `/api/support-requests/${enc(id)}/answers`, body, SupportRequestDetail));
}

export function useMarkSessionHeld(id: string) {
  return useRequestMutation((body: z.output<typeof MarkSessionHeld>) => apiSend('POST', `/api/support-requests/${enc(id)}/session-held`, body, SupportRequestDetail));
}

export function useCloseRequest(id: string) {
  return useRequestMutation((body: z.output<typeof CloseSupportRequest>) => apiSend('POST', `/api/support-requests/${enc(id)}/close`, body, SupportRequestDetail));
}

export function useReopenRequest(id: string) {
  return useRequestMutation((body: z.output<typeof ReopenSupportRequest>) => apiSend('POST', `/api/support-requests/${enc(id)}/reopen`, body, SupportRequestDetail));
}

export function useReassignRequest(id: string) {
  return useRequestMutation((body: z.output<typeof ReassignSupportRequest>) => apiSend('POST', `/api/support-requests/${enc(id)}/assignment`, body, SupportRequestDetail));
}

/** GET /api/experts (programme managers): the experts with their load, to reassign a request. */
export function useExperts(enabled: boolean) {
  return useQuery({ queryKey: supportKeys.experts, queryFn: ({ signal }) => apiGet('/api/experts', ExpertList, signal), enabled });
}

export function useExpertProfile() {
  return useQuery({ queryKey: supportKeys.profile, queryFn: ({ signal }) => apiGet('/api/me/expert-profile', ExpertProfileWithVersion, signal) });
}

export function useSaveExpertProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateExpertProfile) => apiSend('PUT', '/api/me/expert-profile', body, ExpertProfileWithVersion),
    onSuccess: (saved) => queryClient.setQueryData(supportKeys.profile, saved),
  });
}
