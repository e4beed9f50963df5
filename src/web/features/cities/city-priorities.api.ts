import { useQuery } from '@tanstack/react-query';
import { CityPrioritiesAnswer } from '../../../shared/survey.schemas.ts';
import { apiGet } from '../../lib/api-client.ts';

/** The city's priorities from the support-needs survey (`priorities: null` while it has none). */
export function useCityPriorities(slug: string) {
  return useQuery({
    queryKey: ['cities', 'priorities', slug],
    queryFn: ({ signal }) => apiGet(`/api/cities/${encodeURIComponent(slug)}/priorities`, CityPrioritiesAnswer, signal),
  });
}
