import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { MapData } from '../../../shared/city.schemas.ts';
import { CitySolutions } from '../../../shared/solution.schemas.ts';
import { ProgrammeOutcomes } from '../../../shared/outcomes.schemas.ts';
import { Programme } from '../../../shared/programme.schemas.ts';
import {
  Dashboard,
  FeedbackSummary,
  ReplicationPlan,
  ScheduleAnswer,
  Visit,
  VisitSummary,
  type CreateAgendaItemBody,
  type CreateReplicationPlanBody,
  type DelegationBody,
  type FeedbackBody,
  type HostUnavailableBody,
  type ReplicationUpdateBody,
  type ScheduleBody,
} from '../../../shared/visit.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

const enc = encodeURIComponent;
const VisitList = z.object({ items: z.array(VisitSummary) });
const PlanList = z.object({ items: z.array(ReplicationPlan) });

export const visitKeys = {
  all: ['visits'] as const,
  programme: (slug: string) => ['visits', 'programme', slug] as const,
  ofProgramme: (slug: string) => ['visits', 'list', slug] as const,
  visit: (id: string) => ['visits', 'visit', id] as const,
  plans: (id: string) => ['visits', 'visit', id, 'plans'] as const,
  feedback: (id: string) => ['visits', 'visit', id, 'feedback'] as const,
  solutions: (citySlug: string) => ['visits', 'solutions', citySlug] as const,
  dashboard: (slug: string) => ['visits', 'dashboard', slug] as const,
  outcomes: (slug: string) => ['visits', 'outcomes', slug] as const,
};

export function useProgramme(slug: string) {
  return useQuery({ queryKey: visitKeys.programme(slug), queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}`, Programme, signal), enabled: slug !== '' });
}

export function useProgrammeVisits(slug: string) {
  return useQuery({ queryKey: visitKeys.ofProgramme(slug), queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}/visits`, VisitList, signal) });
}

export function useProposeSchedule(slug: string) {
  return useMutation({
    mutationFn: (body: z.output<typeof ScheduleBody>) => apiSend('POST', `/api/programmes/${enc(slug)}/visits/schedule`, body, ScheduleAnswer),
  });
}

/** Writes the proposed dates, then fixes them and emails everyone involved. */
export function useConfirmSchedule(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fixed: { visitId: string; startsOn: string }[]) => {
      const applied = await apiSend('POST', `/api/programmes/${enc(slug)}/visits/schedule`, { fixed, apply: true }, ScheduleAnswer);
      if (applied.status === 'conflict') return applied;
      const confirmed = await apiSend('POST', `/api/programmes/${enc(slug)}/visits/confirm`, {}, VisitList);
      return { status: 'confirmed' as const, items: confirmed.items };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
}

export function useVisit(id: string) {
  return useQuery({ queryKey: visitKeys.visit(id), queryFn: ({ signal }) => apiGet(`/api/visits/${enc(id)}`, Visit, signal) });
}

/** Mutations answering with the whole visit replace it in the cache. */
function useVisitMutation<V>(id: string, send: (vars: V) => Promise<Visit>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (visit) => {
      queryClient.setQueryData(visitKeys.visit(id), visit);
      await queryClient.invalidateQueries({ queryKey: visitKeys.ofProgramme(visit.programmeSlug) });
    },
  });
}

export function useAddAgendaItem(id: string) {
  return useVisitMutation(id, (body: z.output<typeof CreateAgendaItemBody>) => apiSend('POST', `/api/visits/${enc(id)}/agenda`, body, Visit));
}

export function useSetHostUnavailable(id: string) {
  return useVisitMutation(id, (body: z.output<typeof HostUnavailableBody>) => apiSend('PUT', `/api/visits/${enc(id)}/host-unavailable`, body, Visit));
}

export function useSaveDelegation(id: string, cityId: string) {
  return useVisitMutation(id, (body: z.output<typeof DelegationBody>) =>
    apiSend('PUT', `/api/visits/${enc(id)}/delegations/${enc(cityId)}`, body, Visit),
  );
}

export function useCitySolutions(citySlug: string, enabled: boolean) {
  return useQuery({ queryKey: visitKeys.solutions(citySlug), queryFn: ({ signal }) => apiGet(`/api/cities/${enc(citySlug)}/solutions`, CitySolutions, signal), enabled });
}

export function useFeedbackSummary(id: string, enabled: boolean) {
  return useQuery({ queryKey: visitKeys.feedback(id), queryFn: ({ signal }) => apiGet(`/api/visits/${enc(id)}/feedback`, FeedbackSummary, signal), enabled });
}

export function useGiveFeedback(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof FeedbackBody>) => apiSend('POST', `/api/visits/${enc(id)}/feedback`, body, FeedbackSummary),
    onSuccess: (summary) => queryClient.setQueryData(visitKeys.feedback(id), summary),
  });
}

export function useReplicationPlans(id: string) {
  return useQuery({ queryKey: visitKeys.plans(id), queryFn: ({ signal }) => apiGet(`/api/visits/${enc(id)}/replication-plans`, PlanList, signal) });
}

export function useCreatePlan(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof CreateReplicationPlanBody>) => apiSend('POST', `/api/visits/${enc(visitId)}/replication-plans`, body, ReplicationPlan),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.plans(visitId) }),
  });
}

export function useAddPlanUpdate(visitId: string, planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof ReplicationUpdateBody>) => apiSend('PUT', `/api/replication-plans/${enc(planId)}/updates`, body, ReplicationPlan),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: visitKeys.plans(visitId) });
      await queryClient.invalidateQueries({ queryKey: ['visits', 'dashboard'] });
    },
  });
}

export function useDashboard(slug: string) {
  return useQuery({ queryKey: visitKeys.dashboard(slug), queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}/dashboard`, Dashboard, signal) });
}

export function useOutcomes(slug: string) {
  return useQuery({ queryKey: visitKeys.outcomes(slug), queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}/outcomes`, ProgrammeOutcomes, signal) });
}

/** Every city's position, to draw hosts and visitors on a map. */
export function useCityPositions(enabled: boolean) {
  return useQuery({ queryKey: ['visits', 'city-positions'], queryFn: ({ signal }) => apiGet('/api/map/cities', MapData, signal), staleTime: 10 * 60_000, enabled });
}

export const visitCalendarUrl = (id: string) => `/api/visits/${enc(id)}/calendar.ics`;
export const dashboardExportUrl = (slug: string, format: 'csv' | 'xlsx') => `/api/programmes/${enc(slug)}/dashboard.${format}`;
