import { Alert } from '@mantine/core';

/** What a change just did (an invitation sent, a role given), announced politely to screen readers. */
export function DoneNotice({ children }: { children: string | null }) {
  if (!children) return null;
  return (
    <Alert color="green" variant="light" role="status" mb="md">
      {children}
    </Alert>
  );
}
