import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';

/** A query still loading or failed, shown where its content will be; nothing once the data is there. */
export function QueryState({ query }: { query: { isPending: boolean; error: Error | null } }) {
  if (query.isPending) return <LoadingState />;
  return <ProblemAlert error={query.error} />;
}

/** A page made of one query's data: loading, then the page, or the problem under `errorTitle`. */
export function QueryPage<T>({ query, errorTitle, children }: { query: UseQueryResult<T>; errorTitle: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <PageProblem title={errorTitle} error={query.error} />;
  return children(query.data);
}
