import type { ComponentProps } from 'react';
import { PageTitle } from './page-title.tsx';
import { ProblemAlert } from './problem-alert.tsx';

/** A page that could not load: its title, so the page still has its h1, and what went wrong. */
export function PageProblem({ title, ...problem }: { title: string } & ComponentProps<typeof ProblemAlert>) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <ProblemAlert {...problem} />
    </>
  );
}
