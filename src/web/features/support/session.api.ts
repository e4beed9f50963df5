import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { PeerCityChoice, SupportSession, type AnswerInvitation, type ConfirmPeerCities, type PickSessionSlot, type WriteTakeaway } from '../../../shared/support-sessions.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';
import { supportKeys } from './support.api.ts';

const enc = encodeURIComponent;

export const sessionKeys = {
  session: (id: string) => ['support', 'session', id] as const,
  peerCities: (id: string) => ['support', 'peer-cities', id] as const,
};

/** GET /api/support-requests/:id/session: the call or peer session of a request, with what the person may do. */
export function useSupportSession(id: string) {
  return useQuery({ queryKey: sessionKeys.session(id), queryFn: ({ signal }) => apiGet(`/api/support-requests/${enc(id)}/session`, SupportSession, signal) });
}

/** GET …/peer-cities: the three Mission Cities proposed and the others (only while the expert chooses). */
export function usePeerCities(id: string, enabled: boolean) {
  return useQuery({ queryKey: sessionKeys.peerCities(id), queryFn: ({ signal }) => apiGet(`/api/support-requests/${enc(id)}/peer-cities`, PeerCityChoice, signal), enabled });
}

/** Every change answers the session as it now is; the request (its version, its timeline) is fetched again. */
function useSessionMutation<V>(id: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: V) => apiSend('POST', `/api/support-requests/${enc(id)}/${path}`, body, SupportSession),
    onSuccess: async (session) => {
      queryClient.setQueryData(sessionKeys.session(id), session);
      await queryClient.invalidateQueries({ queryKey: supportKeys.request(id) });
    },
  });
}

export const useConfirmPeers = (id: string) => useSessionMutation<ConfirmPeerCities>(id, 'peer-cities');
export const useAnswerInvitation = (id: string) => useSessionMutation<AnswerInvitation>(id, 'session/answer');
export const useProposeSlots = (id: string) => useSessionMutation<{ slots: string[]; durationMinutes: number; joinUrl: string; version: number }>(id, 'session/slots');
export const usePickSlot = (id: string) => useSessionMutation<z.output<typeof PickSessionSlot>>(id, 'session/pick');
export const useWriteTakeaway = (id: string) => useSessionMutation<WriteTakeaway>(id, 'takeaway');
