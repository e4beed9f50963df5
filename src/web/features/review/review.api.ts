import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { AuditPage, type AuditQuery } from '../../../shared/audit.schemas.ts';
import {
  Application,
  AutoAssignResult,
  Call,
  Evaluation,
  EvaluationOverview,
  MyAssignment,
  Programme,
  SelectionOverview,
  type CallKind,
  type DecisionBody,
  type DeclareConflictBody,
  type SaveEvaluationBody,
} from '../../../shared/programme.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';

const enc = encodeURIComponent;
const MyAssignments = z.object({ items: z.array(MyAssignment) });
export type MyAssignment = z.infer<typeof MyAssignment>;
export type EvaluationOverview = z.infer<typeof EvaluationOverview>;
export type SelectionOverview = z.infer<typeof SelectionOverview>;
export type AutoAssignResult = z.infer<typeof AutoAssignResult>;
export type Outcome = 'selected' | 'waitlisted' | 'rejected';

export const reviewKeys = {
  mine: ['review', 'mine'] as const,
  programme: (slug: string) => ['review', 'programme', slug] as const,
  call: (slug: string, kind: CallKind) => ['review', 'call', slug, kind] as const,
  application: (id: string) => ['review', 'application', id] as const,
  evaluation: (id: string) => ['review', 'evaluation', id] as const,
  overview: (slug: string, kind: CallKind) => ['review', 'overview', slug, kind] as const,
  selection: (slug: string, kind: CallKind) => ['review', 'selection', slug, kind] as const,
  audit: (query: Partial<AuditQuery>) => ['review', 'audit', query] as const,
};

const callPath = (slug: string, kind: CallKind) => `/api/programmes/${enc(slug)}/calls/${kind}`;

/** Where the applications of a call can be downloaded with answers, scores and decisions. */
export const applicationsExportUrl = (slug: string, kind: CallKind, format: 'csv' | 'xlsx') => `${callPath(slug, kind)}/applications/export.${format}`;

export function useMyAssignments() {
  return useQuery({ queryKey: reviewKeys.mine, queryFn: ({ signal }) => apiGet('/api/evaluations', MyAssignments, signal) });
}

export function useProgramme(slug: string, enabled = true) {
  return useQuery({ queryKey: reviewKeys.programme(slug), queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}`, Programme, signal), enabled });
}

export function useCall(slug: string, kind: CallKind, enabled = true) {
  return useQuery({ queryKey: reviewKeys.call(slug, kind), queryFn: ({ signal }) => apiGet(callPath(slug, kind), Call, signal), enabled });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: reviewKeys.application(id), queryFn: ({ signal }) => apiGet(`/api/applications/${enc(id)}`, Application, signal) });
}

export function useMyEvaluation(id: string) {
  // Never refreshed behind the evaluator's back: a newer version arrives only when they reload.
  return useQuery({ queryKey: reviewKeys.evaluation(id), queryFn: ({ signal }) => apiGet(`/api/applications/${enc(id)}/evaluation`, Evaluation, signal), refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 0 });
}

/** Saves the evaluator's scores as a draft, or (`submit`) hands them in; the answer replaces the cached evaluation. */
export function useSaveEvaluation(id: string, submit: boolean) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof SaveEvaluationBody>) =>
      submit
        ? apiSend('POST', `/api/applications/${enc(id)}/evaluation/submit`, body, Evaluation)
        : apiSend('PUT', `/api/applications/${enc(id)}/evaluation`, body, Evaluation),
    onSuccess: async (evaluation) => {
      queryClient.setQueryData(reviewKeys.evaluation(id), evaluation);
      await queryClient.invalidateQueries({ queryKey: reviewKeys.mine });
    },
  });
}

export function useDeclareConflict(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof DeclareConflictBody>) => apiSend('POST', `/api/applications/${enc(id)}/evaluation/conflict`, body, AutoAssignResult),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: reviewKeys.evaluation(id) });
      await queryClient.invalidateQueries({ queryKey: reviewKeys.mine });
    },
  });
}

export function useEvaluationOverview(slug: string, kind: CallKind) {
  return useQuery({ queryKey: reviewKeys.overview(slug, kind), queryFn: ({ signal }) => apiGet(`${callPath(slug, kind)}/evaluation`, EvaluationOverview, signal) });
}

export function useAutoAssign(slug: string, kind: CallKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', `${callPath(slug, kind)}/assignments`, undefined, AutoAssignResult),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.overview(slug, kind) }),
  });
}

/** Assigns (evaluatorId given, add = true) or unassigns one evaluator by hand. */
export function useChangeAssignment(slug: string, kind: CallKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ applicationId, evaluatorId, add }: { applicationId: string; evaluatorId: string; add: boolean }) =>
      add
        ? apiSend('POST', `/api/applications/${enc(applicationId)}/assignments`, { evaluatorId }, EvaluationOverview)
        : apiSend('DELETE', `/api/applications/${enc(applicationId)}/assignments/${enc(evaluatorId)}`, undefined, EvaluationOverview),
    onSuccess: (overview) => queryClient.setQueryData(reviewKeys.overview(slug, kind), overview),
  });
}

export function useSelection(slug: string, kind: CallKind) {
  return useQuery({ queryKey: reviewKeys.selection(slug, kind), queryFn: ({ signal }) => apiGet(`${callPath(slug, kind)}/selection`, SelectionOverview, signal) });
}

export function useDecide(slug: string, kind: CallKind, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof DecisionBody>) => apiSend('PUT', `/api/applications/${enc(applicationId)}/decision`, body, SelectionOverview),
    onSuccess: (overview) => queryClient.setQueryData(reviewKeys.selection(slug, kind), overview),
  });
}

export function usePublish(slug: string, kind: CallKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', `${callPath(slug, kind)}/selection/publish`, undefined, SelectionOverview),
    onSuccess: async (overview) => {
      queryClient.setQueryData(reviewKeys.selection(slug, kind), overview);
      await queryClient.invalidateQueries({ queryKey: reviewKeys.call(slug, kind) });
    },
  });
}

export type AuditFilter = Omit<Partial<AuditQuery>, 'page' | 'pageSize'>;

export function useAudit(filter: AuditFilter, page: number, pageSize: number) {
  const query = { ...filter, page, pageSize };
  return useQuery({
    queryKey: reviewKeys.audit(query),
    queryFn: ({ signal }) => apiGet(`/api/audit${queryString(query)}`, AuditPage, signal),
    placeholderData: keepPreviousData,
  });
}

export const auditExportUrl = (filter: AuditFilter, format: 'csv' | 'xlsx') => `/api/audit/export.${format}${queryString(filter)}`;
