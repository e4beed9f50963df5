import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadingState } from './loading-state.tsx';
import { PageSection } from './page-section.tsx';
import { PLAIN_LIST } from './plain-list.ts';

interface ListSectionProps<T> {
  id: string;
  title: string;
  /** A line under the title saying how the list was made. */
  hint?: string;
  /** What the section says when the list is empty; without it, an empty list shows nothing. */
  none?: string;
  /** Undefined until the list has come. */
  items: readonly T[] | undefined;
  /** Shows the loading state in place of the list. */
  loading?: boolean;
  /** A numbered list (a ranking) rather than a plain one. */
  ordered?: boolean;
  /** One item, as an `<li>` (with its key). */
  children: (item: T) => ReactNode;
}

/** A titled list beside a page's subject: the cities like this one, related solutions, cities doing something similar. */
export function ListSection<T>({ id, title, hint, none, items, loading = false, ordered = false, children }: ListSectionProps<T>) {
  return (
    <PageSection id={id} title={title} spacing={hint ? 'xs' : 'sm'}>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {loading && <LoadingState />}
      {items?.length === 0 && none && <Text c="dimmed">{none}</Text>}
      {items && items.length > 0 && (
        <Stack component={ordered ? 'ol' : 'ul'} gap="xs" style={ordered ? { paddingLeft: '1.2rem', margin: 0 } : PLAIN_LIST}>
          {items.map(children)}
        </Stack>
      )}
    </PageSection>
  );
}
