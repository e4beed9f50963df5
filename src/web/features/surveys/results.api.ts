import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SegmentComparison, Survey, SurveyResults, TextAnswerPage, type ResultsQuery, type SegmentBy } from '../../../shared/survey.schemas.ts';
import { apiGet, queryString } from '../../lib/api-client.ts';

// The results page's calls (docs/surveys.md, "Results"): programme managers only; the server checks again.

const path = (id: string) => `/api/surveys/${encodeURIComponent(id)}`;
const filterParams = (f: ResultsQuery) => ({ country: f.country, cityKind: f.cityKind, populationBand: f.populationBand, programmeId: f.programmeId });

export const surveyResultsKeys = {
  // The same key as the survey pages' (surveys.api.ts): one cached survey for both.
  survey: (id: string) => ['surveys', 'survey', id] as const,
  results: (id: string, filters: ResultsQuery) => ['surveys', 'results', id, filters] as const,
  segments: (id: string, by: SegmentBy, filters: ResultsQuery) => ['surveys', 'segments', id, by, filters] as const,
  texts: (id: string, questionId: string, filters: ResultsQuery, q: string, page: number) => ['surveys', 'texts', id, questionId, filters, q, page] as const,
};

/** GET /api/surveys/:id: the title and the questionnaire. */
export function useSurvey(id: string) {
  return useQuery({ queryKey: surveyResultsKeys.survey(id), queryFn: ({ signal }) => apiGet(path(id), Survey, signal) });
}

/** GET /api/surveys/:id/results with the filters. */
export function useSurveyResults(id: string, filters: ResultsQuery) {
  return useQuery({
    queryKey: surveyResultsKeys.results(id, filters),
    queryFn: ({ signal }) => apiGet(`${path(id)}/results${queryString(filterParams(filters))}`, SurveyResults, signal),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/surveys/:id/segments?by=…: invited, answers and the response rate per segment (null `by`: not asked). */
export function useSegments(id: string, by: SegmentBy | null, filters: ResultsQuery) {
  return useQuery({
    queryKey: surveyResultsKeys.segments(id, by ?? 'country', filters),
    queryFn: ({ signal }) => apiGet(`${path(id)}/segments${queryString({ by, ...filterParams(filters) })}`, SegmentComparison, signal),
    enabled: by !== null,
  });
}

/** GET /api/surveys/:id/questions/:questionId/text-answers: one page, newest first. */
export function useTextAnswers(id: string, questionId: string, filters: ResultsQuery, q: string, page: number) {
  return useQuery({
    queryKey: surveyResultsKeys.texts(id, questionId, filters, q, page),
    queryFn: ({ signal }) =>
      apiGet(`${path(id)}/questions/${encodeURIComponent(questionId)}/text-answers${queryString({ ...filterParams(filters), q, page: page > 1 ? page : null, pageSize: 10 })}`, TextAnswerPage, signal),
    placeholderData: keepPreviousData,
  });
}

/** Where the answers of the selection download. */
export const surveyExportUrl = (id: string, filters: ResultsQuery, format: 'csv' | 'xlsx') => `${path(id)}/export${queryString({ format, ...filterParams(filters) })}`;
