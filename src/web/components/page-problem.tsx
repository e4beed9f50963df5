import { Text } from '@mantine/core';
import type { ComponentProps } from 'react';
import { ApiError } from '../lib/api-client.ts';
import { PageTitle } from './page-title.tsx';
import { ProblemAlert } from './problem-alert.tsx';
import { RouterAnchor } from './router-anchor.tsx';

interface PageProblemProps extends ComponentProps<typeof ProblemAlert> {
  title: string;
  /** The h1 when the server answered 404 ("City not found"); `title` otherwise. */
  notFoundTitle?: string;
  /** Where to go from here (the list the missing thing belongs to). */
  back?: { to: string; label: string };
}

/** A page that could not load: its title, so the page still has its h1, what went wrong, and a way on. */
export function PageProblem({ title, notFoundTitle, back, ...problem }: PageProblemProps) {
  const missing = problem.error instanceof ApiError && problem.error.status === 404;
  return (
    <>
      <PageTitle>{missing && notFoundTitle ? notFoundTitle : title}</PageTitle>
      <ProblemAlert {...problem} />
      {back && (
        <Text>
          <RouterAnchor to={back.to}>{back.label}</RouterAnchor>
        </Text>
      )}
    </>
  );
}
