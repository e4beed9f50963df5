import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CityPage } from '../../shared/city.schemas.ts';
import { apiGet, queryString } from './api-client.ts';

/** The first `limit` cities whose name matches `q` (the server searches; there may be thousands). */
export function useCitySearch(q: string, limit: number) {
  return useQuery({
    queryKey: ['cities', { q, limit }],
    queryFn: ({ signal }) => apiGet(`/api/cities${queryString({ q, pageSize: limit })}`, CityPage, signal),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}
