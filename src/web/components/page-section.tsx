import { Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a page: its h2 names the section, so screen readers list it among the page's regions. */
export function PageSection({ id, title, spacing = 'sm', children }: { id: string; title: ReactNode; spacing?: 'xs' | 'sm'; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb={spacing}>
        {title}
      </Title>
      {children}
    </section>
  );
}
