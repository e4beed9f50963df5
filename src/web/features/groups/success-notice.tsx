import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** Says, as a polite status, that what the person just did worked. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <Alert color="green" variant="light" role="status" mb="md">
      {children}
    </Alert>
  );
}
