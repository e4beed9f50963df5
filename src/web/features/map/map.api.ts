import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MapData } from '../../../shared/city.schemas.ts';
import { apiGet, queryString } from '../../lib/api-client.ts';
import { loadCountryPaths } from '../../components/europe-map.ts';

export function useMapCities(sector: string, kind: string) {
  return useQuery({
    queryKey: ['cities', 'map', { sector, kind }],
    queryFn: ({ signal }) => apiGet(`/api/map/cities${queryString({ sector, kind })}`, MapData, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useCountryPaths() {
  return useQuery({ queryKey: ['world-atlas', '50m'], queryFn: ({ signal }) => loadCountryPaths(signal), staleTime: Infinity, gcTime: Infinity });
}
