import { useQuery } from '@tanstack/react-query';
import { MyWork } from '../../../shared/work.schemas.ts';
import { apiGet } from '../../lib/api-client.ts';

export const startKeys = { work: ['start', 'work'] as const };

/** GET /api/me/work: the queues of every role the person holds, the most urgent first. */
export function useMyWork() {
  return useQuery({ queryKey: startKeys.work, queryFn: ({ signal }) => apiGet('/api/me/work', MyWork, signal) });
}
