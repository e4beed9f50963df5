import { useQuery } from '@tanstack/react-query';
import { CityPriorities } from '../../../shared/survey.schemas.ts';
import { apiGet } from '../../lib/api-client.ts';

/** The city's priorities from the support-needs survey (404 while it has none, or for people it does not concern). */
export function useCityPriorities(slug: string) {
  return useQuery({
    queryKey: ['cities', 'priorities', slug],
    queryFn: ({ signal }) => apiGet(`/api/cities/${encodeURIComponent(slug)}/priorities`, CityPriorities, signal),
  });
}
