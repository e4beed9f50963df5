import { useQuery } from '@tanstack/react-query';
import { SiteInfo } from '../../shared/site.schemas.ts';
import { apiGet } from './api-client.ts';

/** The platform's own facts (the programme team's address); asked once per visit. */
export function useSiteInfo() {
  return useQuery({
    queryKey: ['site'],
    queryFn: ({ signal }) => apiGet('/api/site', SiteInfo, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
