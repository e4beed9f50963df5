import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SupportDashboard } from '../../../shared/support-dashboard.schemas.ts';
import { SupportRequestDetail } from '../../../shared/support.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';
import { supportKeys } from './support.api.ts';

/** A period of submission days (Brussels); null: no bound. */
export interface DashboardPeriod {
  from: string | null;
  to: string | null;
}

/** GET /api/support/dashboard (programme managers). */
export function useSupportDashboard(period: DashboardPeriod) {
  return useQuery({
    queryKey: ['support', 'dashboard', period] as const,
    queryFn: ({ signal }) => apiGet(`/api/support/dashboard${queryString({ from: period.from, to: period.to })}`, SupportDashboard, signal),
  });
}

/** Where the requests of the period download as CSV or Excel. */
export const supportExportUrl = (period: DashboardPeriod, format: 'csv' | 'xlsx') => `/api/support/dashboard/requests.${format}${queryString({ from: period.from, to: period.to })}`;

/** POST /api/support-requests/:id/route: a manager's "Route again"; the page shows the request as it now is. */
export function useRouteAgain(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiSend('POST', `/api/support-requests/${encodeURIComponent(id)}/route`, { version }, SupportRequestDetail),
    onSuccess: async (detail) => {
      queryClient.setQueryData(supportKeys.request(detail.id), detail);
      await queryClient.invalidateQueries({ queryKey: ['support', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['support', 'dashboard'] });
    },
  });
}
