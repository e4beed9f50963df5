import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DataExport, ErasureReport, type SelfErasureBody } from '../../../shared/personal-data.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

const latestKey = ['me', 'data-exports', 'latest'] as const;

/** My latest download of my data; polled every second while it is being made. */
export function useLatestDataExport() {
  return useQuery({
    queryKey: latestKey,
    queryFn: ({ signal }) => apiGet('/api/me/data-exports/latest', DataExport.nullable(), signal),
    refetchInterval: (query) => (query.state.data && ['pending', 'running'].includes(query.state.data.status) ? 1000 : false),
  });
}

export function useRequestDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/me/data-exports', undefined, DataExport),
    onSuccess: (row) => queryClient.setQueryData(latestKey, row),
  });
}

export const downloadUrl = (id: string) => `/api/me/data-exports/${encodeURIComponent(id)}/download`;

export function useEraseMyAccount() {
  return useMutation({ mutationFn: (body: SelfErasureBody) => apiSend('POST', '/api/me/erasure', body, ErasureReport) });
}
