import { Title } from '@mantine/core';
import type { ReactNode, Ref } from 'react';

/**
 * A region of a groups page, named by its h2 (screen readers list the
 * regions by it). With `headingRef` the heading can take focus, for a region
 * opened from a button elsewhere on the page.
 */
export function TitledSection({ id, title, headingRef, children }: { id: string; title: ReactNode; headingRef?: Ref<HTMLHeadingElement>; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm" {...(headingRef ? { ref: headingRef, tabIndex: -1 } : {})}>
        {title}
      </Title>
      {children}
    </section>
  );
}
