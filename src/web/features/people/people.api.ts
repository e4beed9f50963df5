import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Invitation, InvitationPage, type CreateInvitationBody } from '../../../shared/account.schemas.ts';
import {
  CityRepresentatives,
  Person,
  PersonDirectory,
  type GrantRoleBody,
  type InviteRepresentativeBody,
  type PeopleQuery,
} from '../../../shared/people.schemas.ts';
import { ErasureReport, type ManagerErasureBody } from '../../../shared/personal-data.schemas.ts';
import type { Role } from '../../../shared/roles.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';
import { sessionQueryKey } from '../../lib/session.ts';

const invitationsKey = ['invitations'] as const;
const peopleKey = ['people'] as const;
const representativesKey = ['representatives'] as const;

export function useInvitations(page: number, pageSize: number, email?: string) {
  return useQuery({
    queryKey: [...invitationsKey, { page, pageSize, email }],
    queryFn: ({ signal }) => apiGet(`/api/invitations${queryString({ page, pageSize, email })}`, InvitationPage, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** After a change to people: every list and page that shows them, and my own roles (I may have changed mine). */
function useRefreshPeople() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([invitationsKey, peopleKey, representativesKey, sessionQueryKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateInvitation() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => apiSend('POST', '/api/invitations', body, Invitation),
    onSuccess: refresh,
  });
}

export function useRevokeInvitation() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/invitations/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useResendInvitation() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (id: string) => apiSend('POST', `/api/invitations/${encodeURIComponent(id)}/resend`, undefined, Invitation),
    onSuccess: refresh,
  });
}

export type DirectoryFilter = Omit<PeopleQuery, 'page' | 'pageSize'>;

export function usePeople(filter: DirectoryFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...peopleKey, 'directory', { ...filter, page, pageSize }],
    queryFn: ({ signal }) => apiGet(`/api/people${queryString({ ...filter, page, pageSize })}`, PersonDirectory, signal),
    placeholderData: keepPreviousData,
  });
}

const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export function usePerson(id: string) {
  return useQuery({
    queryKey: [...peopleKey, 'person', id],
    queryFn: ({ signal }) => apiGet(personPath(id), Person, signal),
  });
}

export function useGrantRole(personId: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (body: GrantRoleBody) => apiSend('POST', `${personPath(personId)}/roles`, body, Person),
    onSuccess: refresh,
  });
}

export function useWithdrawRole(personId: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ role, cityId }: { role: Role; cityId: string | null }) => apiSend('DELETE', `${personPath(personId)}/roles/${role}${queryString({ cityId })}`, undefined, Person),
    onSuccess: refresh,
  });
}

/** Deactivates (true) or reactivates (false) the person's account. */
export function useSetDeactivated(personId: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (deactivated: boolean) => apiSend(deactivated ? 'PUT' : 'DELETE', `${personPath(personId)}/deactivation`, undefined, Person),
    onSuccess: refresh,
  });
}

/** A manager erases an account on request (a reason, the word typed); answers the report. */
export function useEraseAccount(personId: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (body: ManagerErasureBody) => apiSend('POST', `${personPath(personId)}/erasure`, body, ErasureReport),
    onSuccess: refresh,
  });
}

const representativesPath = (slug: string) => `/api/cities/${encodeURIComponent(slug)}/representatives`;

export function useCityRepresentatives(slug: string) {
  return useQuery({
    queryKey: [...representativesKey, slug],
    queryFn: ({ signal }) => apiGet(representativesPath(slug), CityRepresentatives, signal),
  });
}

export function useInviteRepresentative(slug: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (body: InviteRepresentativeBody) => apiSend('POST', `${representativesPath(slug)}/invitations`, body, Invitation),
    onSuccess: refresh,
  });
}

export function useRemoveRepresentative(slug: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (personId: string) => apiSend('DELETE', `${representativesPath(slug)}/${encodeURIComponent(personId)}`, undefined, CityRepresentatives),
    onSuccess: refresh,
  });
}

export function useHandOverPrimaryContact(slug: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (personId: string) => apiSend('PUT', `/api/cities/${encodeURIComponent(slug)}/primary-contact`, { personId }, CityRepresentatives),
    onSuccess: refresh,
  });
}
