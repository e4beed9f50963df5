import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../shared/pagination.ts';
import { ProgrammeSummary } from '../../../shared/programme.schemas.ts';
import { GroupSummary } from '../../../shared/group.schemas.ts';
import { VisitSummary } from '../../../shared/visit.schemas.ts';
import {
  AudienceCount,
  MySurvey,
  MySurveyList,
  Survey,
  SurveyPage,
  SurveyTemplateList,
  type CreateSurveyBody,
  type SaveDraftBody,
  type SubmitAnswersBody,
  type SurveyState,
  type UpdateSurveyBody,
} from '../../../shared/survey.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';

const enc = encodeURIComponent;

export const SURVEY_PAGE_SIZE = 20;

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (state: SurveyState | null, page: number) => ['surveys', 'list', { state, page }] as const,
  templates: ['surveys', 'templates'] as const,
  survey: (id: string) => ['surveys', 'survey', id] as const,
  audience: (id: string) => ['surveys', 'survey', id, 'audience'] as const,
  mine: ['surveys', 'mine'] as const,
  myOne: (id: string, cityId: string | null) => ['surveys', 'mine', id, cityId] as const,
};

/** GET /api/surveys: a page of the surveys (programme managers). */
export function useSurveys(state: SurveyState | null, page: number) {
  return useQuery({
    queryKey: surveyKeys.list(state, page),
    queryFn: ({ signal }) => apiGet(`/api/surveys${queryString({ state, page, pageSize: SURVEY_PAGE_SIZE })}`, SurveyPage, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSurveyTemplates() {
  return useQuery({ queryKey: surveyKeys.templates, queryFn: ({ signal }) => apiGet('/api/survey-templates', SurveyTemplateList, signal), staleTime: 60 * 60_000 });
}

export function useSurvey(id: string) {
  return useQuery({ queryKey: surveyKeys.survey(id), queryFn: ({ signal }) => apiGet(`/api/surveys/${enc(id)}`, Survey, signal) });
}

/** Who the audience reaches now (as saved on the server). */
export function useAudienceCount(id: string) {
  return useQuery({ queryKey: surveyKeys.audience(id), queryFn: ({ signal }) => apiGet(`/api/surveys/${enc(id)}/audience`, AudienceCount, signal) });
}

/** A change answers the survey as it now is: the page shows it at once, the lists and the audience count are fetched again. */
function useSurveyMutation<V>(send: (vars: V) => Promise<Survey>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (survey) => {
      queryClient.setQueryData(surveyKeys.survey(survey.id), survey);
      await queryClient.invalidateQueries({ queryKey: ['surveys', 'list'] });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.audience(survey.id) });
    },
  });
}

export function useCreateSurvey() {
  return useSurveyMutation((body: z.output<typeof CreateSurveyBody>) => apiSend('POST', '/api/surveys', body, Survey));
}

export function useUpdateSurvey(id: string) {
  return useSurveyMutation((body: z.output<typeof UpdateSurveyBody>) => apiSend('PATCH', `/api/surveys/${enc(id)}`, body, Survey));
}

export function useSendSurvey(id: string) {
  return useSurveyMutation((version: number) => apiSend('POST', `/api/surveys/${enc(id)}/send`, { version }, Survey));
}

export function useCloseSurvey(id: string) {
  return useSurveyMutation((version: number) => apiSend('POST', `/api/surveys/${enc(id)}/close`, { version }, Survey));
}

const Reminded = z.object({ reminded: z.number().int() });

export function useRemindSurvey(id: string) {
  return useMutation({ mutationFn: () => apiSend('POST', `/api/surveys/${enc(id)}/remind`, {}, Reminded) });
}

export function useDeleteSurvey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('DELETE', `/api/surveys/${enc(id)}`),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: surveyKeys.survey(id) });
      await queryClient.invalidateQueries({ queryKey: ['surveys', 'list'] });
    },
  });
}

// ---- What the audience picker lists ----

const ProgrammePage = pageOf(ProgrammeSummary);
const GroupList = z.object({ items: z.array(GroupSummary) });
const VisitList = z.object({ items: z.array(VisitSummary) });

/** The programmes (newest first), for the audience and results segment. */
export function useProgrammeChoices() {
  return useQuery({ queryKey: ['surveys', 'programmes'], queryFn: ({ signal }) => apiGet(`/api/programmes${queryString({ pageSize: 100 })}`, ProgrammePage, signal), staleTime: 5 * 60_000 });
}

export function useProgrammeGroupChoices(slug: string | null) {
  return useQuery({
    queryKey: ['surveys', 'groups', slug],
    queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug ?? '')}/groups`, GroupList, signal),
    enabled: slug !== null,
  });
}

export function useProgrammeVisitChoices(slug: string | null) {
  return useQuery({
    queryKey: ['surveys', 'visits', slug],
    queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug ?? '')}/visits`, VisitList, signal),
    enabled: slug !== null,
  });
}

// ---- The people asked ----

export function useMySurveys() {
  return useQuery({ queryKey: surveyKeys.mine, queryFn: ({ signal }) => apiGet('/api/my-surveys', MySurveyList, signal) });
}

export function useMySurvey(id: string, cityId: string | null) {
  return useQuery({
    queryKey: surveyKeys.myOne(id, cityId),
    queryFn: ({ signal }) => apiGet(`/api/my-surveys/${enc(id)}${queryString({ cityId })}`, MySurvey, signal),
  });
}

const Saved = z.object({ savedAt: z.string() });
const Submitted = z.object({ submittedOn: z.string() });

export function useSaveSurveyDraft(id: string) {
  return useMutation({ mutationFn: (body: z.output<typeof SaveDraftBody>) => apiSend('PUT', `/api/my-surveys/${enc(id)}/draft`, body, Saved) });
}

export function useSubmitSurvey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof SubmitAnswersBody>) => apiSend('POST', `/api/my-surveys/${enc(id)}/answers`, body, Submitted),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.mine, exact: true });
    },
  });
}

/** The programme a saved audience's group belongs to (the picker lists groups by programme). */
export function useGroupChoice(groupId: string | null) {
  return useQuery({ queryKey: ['surveys', 'group', groupId], queryFn: ({ signal }) => apiGet(`/api/groups/${enc(groupId ?? '')}`, GroupSummary, signal), enabled: groupId !== null, staleTime: 5 * 60_000 });
}

export function useVisitChoice(visitId: string | null) {
  return useQuery({ queryKey: ['surveys', 'visit', visitId], queryFn: ({ signal }) => apiGet(`/api/visits/${enc(visitId ?? '')}`, VisitSummary, signal), enabled: visitId !== null, staleTime: 5 * 60_000 });
}
