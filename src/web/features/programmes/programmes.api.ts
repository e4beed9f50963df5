import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../shared/pagination.ts';
import {
  ActionOutcome,
  ActionPreview,
  Application,
  Call,
  EligibilityAnswer,
  Programme,
  ProgrammeSummary,
  WithdrawalPreview,
  type CallKind,
  type CreateProgrammeBody,
  type UpdateCallBody,
  type UpdateProgrammeBody,
} from '../../../shared/programme.schemas.ts';
import { SolutionSearchResult } from '../../../shared/solution.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';
import { uploadFile } from '../../lib/upload.ts';

const enc = encodeURIComponent;
const ProgrammePage = pageOf(ProgrammeSummary);
const ApplicationList = z.object({ items: z.array(Application) });
const SolutionTitle = z.object({ id: z.string(), title: z.string() });

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (page: number) => ['programmes', 'list', page] as const,
  programme: (slug: string) => ['programmes', 'programme', slug] as const,
  call: (slug: string, kind: CallKind) => ['programmes', 'programme', slug, 'call', kind] as const,
  applications: (slug: string, kind: CallKind) => ['programmes', 'programme', slug, 'call', kind, 'applications'] as const,
  eligibility: (slug: string, kind: CallKind, cityId: string) => ['programmes', 'programme', slug, 'call', kind, 'eligibility', cityId] as const,
  application: (id: string) => ['programmes', 'application', id] as const,
  preview: (path: string) => ['programmes', 'preview', path] as const,
};

/** Where a timeline action lives: the programme's (publish, advance) or a call's (open, close, extend, reopen). */
export type ActionTarget = { slug: string; action: 'publish' | 'advance' } | { slug: string; kind: CallKind; action: 'open' | 'close' | 'extend' | 'reopen' };

/** The action's address; its preview is the same address read with GET (and the action's parameters as a query). */
export const actionPath = (target: ActionTarget) =>
  'kind' in target ? `/api/programmes/${enc(target.slug)}/calls/${target.kind}/actions/${target.action}` : `/api/programmes/${enc(target.slug)}/actions/${target.action}`;

/** What an action would do now, or why not (nothing changes); `query` null while its parameters are incomplete. */
export function useActionPreview(target: ActionTarget, query: Record<string, string> | null, enabled: boolean) {
  const path = query === null ? null : `${actionPath(target)}${queryString(query)}`;
  return useQuery({
    queryKey: programmeKeys.preview(path ?? ''),
    queryFn: ({ signal }) => apiGet(path ?? '', ActionPreview, signal),
    enabled: enabled && path !== null,
    // A preview is about now: never shown from an earlier visit.
    staleTime: 0,
    gcTime: 0,
  });
}

/** Does a timeline action with its body (the version the manager saw, and its parameters); the programme and its calls are read again afterwards. */
export function useTimelineAction<Body extends { version: number }>(target: ActionTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => apiSend('POST', actionPath(target), body, ActionOutcome),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: programmeKeys.programme(target.slug) });
      await queryClient.invalidateQueries({ queryKey: ['programmes', 'list'] });
    },
  });
}

export function useProgrammeList(page: number, pageSize: number) {
  return useQuery({
    queryKey: programmeKeys.list(page),
    queryFn: ({ signal }) => apiGet(`/api/programmes${queryString({ page, pageSize })}`, ProgrammePage, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(slug: string) {
  // A page that learns the slug from another answer (an application) asks only once it has it.
  return useQuery({ queryKey: programmeKeys.programme(slug), queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}`, Programme, signal), enabled: slug !== '' });
}

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof CreateProgrammeBody>) => apiSend('POST', '/api/programmes', body, Programme),
    onSuccess: async (programme) => {
      queryClient.setQueryData(programmeKeys.programme(programme.slug), programme);
      await queryClient.invalidateQueries({ queryKey: ['programmes', 'list'] });
    },
  });
}

export function useUpdateProgramme(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof UpdateProgrammeBody>) => apiSend('PATCH', `/api/programmes/${enc(slug)}`, body, Programme),
    onSuccess: async (programme) => {
      queryClient.setQueryData(programmeKeys.programme(slug), programme);
      // Call windows follow the milestones.
      await queryClient.invalidateQueries({ queryKey: programmeKeys.programme(slug) });
    },
  });
}

export function useCall(slug: string, kind: CallKind) {
  return useQuery({ queryKey: programmeKeys.call(slug, kind), queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}/calls/${kind}`, Call, signal), enabled: slug !== '' });
}

export function useUpdateCall(slug: string, kind: CallKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof UpdateCallBody>) => apiSend('PUT', `/api/programmes/${enc(slug)}/calls/${kind}`, body, Call),
    onSuccess: (call) => queryClient.setQueryData(programmeKeys.call(slug, kind), call),
  });
}

export function useEligibility(slug: string, kind: CallKind, cityId: string | null) {
  return useQuery({
    queryKey: programmeKeys.eligibility(slug, kind, cityId ?? ''),
    queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}/calls/${kind}/eligibility${queryString({ cityId })}`, EligibilityAnswer, signal),
    enabled: cityId !== null,
  });
}

/** Applications to a call the person may see: their city's, or all for managers. */
export function useCallApplications(slug: string, kind: CallKind, enabled: boolean) {
  return useQuery({
    queryKey: programmeKeys.applications(slug, kind),
    queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}/calls/${kind}/applications`, ApplicationList, signal),
    enabled,
  });
}

export function useStartApplication(slug: string, kind: CallKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cityId: string) => apiSend('POST', `/api/programmes/${enc(slug)}/calls/${kind}/applications`, { cityId, answers: {} }, Application),
    onSuccess: async (application) => {
      queryClient.setQueryData(programmeKeys.application(application.id), application);
      await queryClient.invalidateQueries({ queryKey: programmeKeys.applications(slug, kind) });
    },
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: programmeKeys.application(id), queryFn: ({ signal }) => apiGet(`/api/applications/${enc(id)}`, Application, signal) });
}

/** Every change answers with the whole application, which replaces the cached one. */
function useApplicationMutation<V>(id: string, send: (vars: V) => Promise<Application>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (application) => {
      queryClient.setQueryData(programmeKeys.application(id), application);
      await queryClient.invalidateQueries({ queryKey: programmeKeys.applications(application.programmeSlug, application.callKind) });
    },
  });
}

export function useSaveAnswers(id: string) {
  return useApplicationMutation(id, (body: { version: number; answers: Application['answers'] }) => apiSend('PATCH', `/api/applications/${enc(id)}`, body, Application));
}

export function useSubmitApplication(id: string) {
  return useApplicationMutation(id, (version: number) => apiSend('POST', `/api/applications/${enc(id)}/submit`, { version }, Application));
}

export function useWithdrawApplication(id: string) {
  return useApplicationMutation(id, (version: number) => apiSend('POST', `/api/applications/${enc(id)}/withdraw`, { version }, Application));
}

/** What withdrawing would do now (who is told, who moves up, the visit left): read afresh each time the confirmation opens. */
export function useWithdrawalPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...programmeKeys.application(id), 'withdrawal'],
    queryFn: ({ signal }) => apiGet(`/api/applications/${enc(id)}/withdrawal`, WithdrawalPreview, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useUploadAttachment(id: string) {
  return useApplicationMutation(id, ({ questionId, file }: { questionId: string; file: File }) =>
    uploadFile(`/api/applications/${enc(id)}/attachments/${enc(questionId)}${queryString({ filename: file.name })}`, file, 'application/pdf', Application),
  );
}

export function useRemoveAttachment(id: string) {
  return useApplicationMutation(id, (questionId: string) => apiSend('DELETE', `/api/applications/${enc(id)}/attachments/${enc(questionId)}`, undefined, Application));
}

export const attachmentUrl = (applicationId: string, questionId: string) => `/api/applications/${enc(applicationId)}/attachments/${enc(questionId)}`;

export function useMarkLearning(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cityId, completed }: { cityId: string; completed: boolean }) =>
      apiSend(completed ? 'PUT' : 'DELETE', `/api/programmes/${enc(slug)}/learning-completions/${enc(cityId)}`),
    onSuccess: (_result, { cityId }) => queryClient.invalidateQueries({ queryKey: programmeKeys.eligibility(slug, 'visitor', cityId) }),
  });
}

export function useSolutionSearch(q: string, pageSize: number) {
  return useQuery({
    queryKey: ['programmes', 'solution-search', q, pageSize],
    queryFn: ({ signal }) => apiGet(`/api/solutions${queryString({ q, pageSize })}`, SolutionSearchResult, signal),
    placeholderData: keepPreviousData,
  });
}

/** The title of a solution chosen in an answer (answers keep only its id). */
export function useSolutionTitle(id: string) {
  return useQuery({ queryKey: ['programmes', 'solution-title', id], queryFn: ({ signal }) => apiGet(`/api/solutions/${enc(id)}`, SolutionTitle, signal), staleTime: 10 * 60_000 });
}
