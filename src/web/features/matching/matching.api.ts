import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MatchingOverview, MatchingSettings, RunDetail, type PairRuleBody, type UpdateMatchingSettingsBody } from '../../../shared/matching.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';

const enc = encodeURIComponent;

export const matchingKeys = {
  all: ['matching'] as const,
  overview: (slug: string, page: number) => ['matching', 'overview', slug, page] as const,
  run: (id: string) => ['matching', 'run', id] as const,
};

export function useMatching(slug: string, page: number) {
  return useQuery({
    queryKey: matchingKeys.overview(slug, page),
    queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}/matching${queryString({ page, pageSize: 10 })}`, MatchingOverview, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRun(id: string | null) {
  return useQuery({
    queryKey: matchingKeys.run(id ?? ''),
    queryFn: ({ signal }) => apiGet(`/api/matching-runs/${enc(id ?? '')}`, RunDetail, signal),
    enabled: id !== null,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: matchingKeys.all });
}

export function useSaveSettings(slug: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateMatchingSettingsBody) => apiSend('PUT', `/api/programmes/${enc(slug)}/matching/settings`, body, MatchingSettings),
    onSuccess: invalidate,
  });
}

export function usePairRule(slug: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PairRuleBody) => apiSend('PUT', `/api/programmes/${enc(slug)}/matching/pairs`, body, MatchingSettings),
    onSuccess: invalidate,
  });
}

export function useStartRun(slug: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (settingsVersion: number) => apiSend('POST', `/api/programmes/${enc(slug)}/matching/runs`, { settingsVersion }, RunDetail),
    onSuccess: invalidate,
  });
}

export function usePublishRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('POST', `/api/matching-runs/${enc(id)}/publish`, { confirm: true }, RunDetail),
    // Not awaited: the publish button unmounts once the refreshed page says "published",
    // and the caller's own onSuccess must run before that.
    onSuccess: () => {
      void client.invalidateQueries();
    },
  });
}
