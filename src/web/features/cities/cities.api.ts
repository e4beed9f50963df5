import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CityContacts,
  CityHistory,
  CityProfile,
  CityPublicContacts,
  ImportCitiesResult,
  SimilarCities,
  type ReplaceContactsBody,
  type UpdateCityBody,
} from '../../../shared/city.schemas.ts';
import { CitySolutions } from '../../../shared/solution.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

const cityKey = (slug: string) => ['cities', 'profile', slug] as const;

export function useCityProfile(slug: string) {
  return useQuery({
    queryKey: cityKey(slug),
    queryFn: ({ signal }) => apiGet(`/api/cities/${encodeURIComponent(slug)}`, CityProfile, signal),
  });
}

export function useCitySolutions(slug: string) {
  return useQuery({
    queryKey: ['solutions', 'city', slug],
    queryFn: ({ signal }) => apiGet(`/api/cities/${encodeURIComponent(slug)}/solutions`, CitySolutions, signal),
  });
}

export function useSimilarCities(slug: string) {
  return useQuery({
    queryKey: ['cities', 'similar', slug],
    queryFn: ({ signal }) => apiGet(`/api/cities/${encodeURIComponent(slug)}/similar`, SimilarCities, signal),
  });
}

export function useCityHistory(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: ['cities', 'history', slug],
    queryFn: ({ signal }) => apiGet(`/api/cities/${encodeURIComponent(slug)}/history?pageSize=20`, CityHistory, signal),
    enabled,
  });
}

export function useCityPublicContacts(slug: string) {
  return useQuery({
    queryKey: ['cities', 'public-contacts', slug],
    queryFn: ({ signal }) => apiGet(`/api/cities/${encodeURIComponent(slug)}/public-contacts`, CityPublicContacts, signal),
  });
}

export function useCityContacts(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: ['cities', 'contacts', slug],
    queryFn: ({ signal }) => apiGet(`/api/cities/${encodeURIComponent(slug)}/contacts`, CityContacts, signal),
    enabled,
  });
}

export function useReplaceContacts(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReplaceContactsBody) => apiSend('PUT', `/api/cities/${encodeURIComponent(slug)}/contacts`, body, CityContacts),
    onSuccess: (contacts) => {
      queryClient.setQueryData(['cities', 'contacts', slug], contacts);
      // The change is recorded in the city's history.
      return queryClient.invalidateQueries({ queryKey: ['cities', 'history', slug] });
    },
  });
}

export function useUpdateCity(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCityBody) => apiSend('PATCH', `/api/cities/${encodeURIComponent(slug)}`, body, CityProfile),
    onSuccess: (city) => {
      queryClient.setQueryData(cityKey(slug), city);
      return queryClient.invalidateQueries({ queryKey: ['cities'] });
    },
  });
}

export function useImportCities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
      apiSend('POST', `/api/cities/import?dryRun=${dryRun}`, { csv }, ImportCitiesResult),
    onSuccess: (result) => (result.dryRun ? undefined : queryClient.invalidateQueries({ queryKey: ['cities'] })),
  });
}
