import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { PlaceCandidates } from '../../../shared/city.schemas.ts';
import type {
  ApproveBody,
  DeclineBody,
  MergeBody} from '../../../shared/registration.schemas.ts';
import {
  Decision,
  MyRegistration,
  RegistrationQueue,
  RegistrationSettings,
  SignUpAccepted,
  Verified,
  type SignUpBody,
} from '../../../shared/registration.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';

export function useRegistrationSettings() {
  return useQuery({
    queryKey: ['registration-settings'],
    queryFn: ({ signal }) => apiGet('/api/registration/settings', RegistrationSettings, signal),
  });
}

export function useChangeRegistrationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { open: boolean }) => apiSend('PUT', '/api/registration/settings', body, RegistrationSettings),
    onSuccess: (settings) => queryClient.setQueryData(['registration-settings'], settings),
  });
}

export function useSignUp() {
  return useMutation({ mutationFn: (body: SignUpBody) => apiSend('POST', '/api/registrations', body, SignUpAccepted) });
}

export function useVerifyRegistration() {
  return useMutation({ mutationFn: (token: string) => apiSend('POST', '/api/registrations/verify', { token }, Verified) });
}

export function useMyRegistration() {
  return useQuery({ queryKey: ['my-registration'], queryFn: ({ signal }) => apiGet('/api/registration', MyRegistration, signal) });
}

export function useRegistrationQueue() {
  return useQuery({ queryKey: ['registrations'], queryFn: ({ signal }) => apiGet('/api/registrations', RegistrationQueue, signal) });
}

/** GeoNames places matching a typed name (the server searches the shipped table). */
export function usePlaceSearch(q: string) {
  return useQuery({
    queryKey: ['places', q],
    queryFn: ({ signal }) => apiGet(`/api/places${queryString({ q })}`, PlaceCandidates, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}

type Bodies = { approve: z.output<typeof ApproveBody>; merge: z.output<typeof MergeBody>; decline: z.output<typeof DeclineBody> };

/** Approve, merge or decline one registration; the queue is asked again afterwards (another decider may have acted). */
export function useDecision<K extends keyof Bodies>(kind: K, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Bodies[K]) => apiSend('POST', `/api/registrations/${encodeURIComponent(id)}/${kind}`, body, Decision),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['registrations'] }),
  });
}
