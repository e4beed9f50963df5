import { Title } from '@mantine/core';
import type { ReactNode, Ref } from 'react';

/**
 * A titled part of a page: its h2 names the section, so screen readers list
 * it among the page's regions. With `headingRef` the heading can take focus,
 * for a section opened from a button elsewhere on the page.
 */
export function PageSection({ id, title, spacing = 'sm', headingRef, children }: { id: string; title: ReactNode; spacing?: 'xs' | 'sm'; headingRef?: Ref<HTMLHeadingElement>; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb={spacing} {...(headingRef ? { ref: headingRef, tabIndex: -1 } : {})}>
        {title}
      </Title>
      {children}
    </section>
  );
}
