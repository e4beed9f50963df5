import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  RelatedSolutions,
  SolutionDetail,
  SolutionSearchResult,
  type CreateSolutionBody,
  type UpdateSolutionBody,
} from '../../../shared/solution.schemas.ts';
import { CityProfile } from '../../../shared/city.schemas.ts';
import { LibrarySearchResult } from '../../../shared/library.schemas.ts';
import { PublishedAnswer } from '../../../shared/published-answers.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

/** The library with the published questions and answers (GET /api/library); the page's own query string, passed through as is. */
export function useLibrarySearch(search: string) {
  return useQuery({
    queryKey: ['library', 'search', search],
    queryFn: ({ signal }) => apiGet(`/api/library${search ? `?${search}` : ''}`, LibrarySearchResult, signal),
    placeholderData: keepPreviousData,
  });
}

/** A question and answer published from expert support (docs/support.md, "Knowledge"). */
export function usePublishedAnswer(id: string) {
  return useQuery({ queryKey: ['library', 'answer', id], queryFn: ({ signal }) => apiGet(`/api/published-answers/${encodeURIComponent(id)}`, PublishedAnswer, signal) });
}

/** The library's query string is the page's own (filters live in the URL), passed through as is. */
export function useSolutionSearch(search: string) {
  return useQuery({
    queryKey: ['solutions', 'search', search],
    queryFn: ({ signal }) => apiGet(`/api/solutions${search ? `?${search}` : ''}`, SolutionSearchResult, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSolution(id: string) {
  return useQuery({
    queryKey: ['solutions', 'detail', id],
    queryFn: ({ signal }) => apiGet(`/api/solutions/${encodeURIComponent(id)}`, SolutionDetail, signal),
    // The new-solution page has no id: `/api/solutions/` would be the search, not a solution.
    enabled: id !== '',
  });
}

export function useRelatedSolutions(id: string) {
  return useQuery({
    queryKey: ['solutions', 'related', id],
    queryFn: ({ signal }) => apiGet(`/api/solutions/${encodeURIComponent(id)}/related`, RelatedSolutions, signal),
  });
}

/** Creates a solution (a body with its city) or changes the solution `id` (a body with the version it started from). */
export function useSaveSolution(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSolutionBody | UpdateSolutionBody) =>
      'cityId' in body ? apiSend('POST', '/api/solutions', body, SolutionDetail) : apiSend('PATCH', `/api/solutions/${encodeURIComponent(id)}`, body, SolutionDetail),
    // Search results, city pages and counts all change: refetch what is cached.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useDeleteSolution(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('DELETE', `/api/solutions/${encodeURIComponent(id)}`),
    onSuccess: () => {
      // Forget the deleted solution instead of refetching it (that would be a 404),
      // and refresh the rest without waiting, so the caller can move on at once.
      queryClient.removeQueries({ queryKey: ['solutions', 'detail', id] });
      queryClient.removeQueries({ queryKey: ['solutions', 'related', id] });
      void queryClient.invalidateQueries();
    },
  });
}

/** The city a new solution is for (its public profile). */
export function useSolutionCity(slug: string) {
  return useQuery({
    queryKey: ['cities', 'profile', slug],
    queryFn: ({ signal }) => apiGet(`/api/cities/${encodeURIComponent(slug)}`, CityProfile, signal),
    enabled: slug !== '',
  });
}
