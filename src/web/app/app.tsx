import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { RouterProvider } from 'react-router';
import { ApiError } from '../lib/api-client.ts';
import { isSigningOut, resetSession } from '../lib/session.ts';
import { router } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** A programme manager who must set up two-step sign-in first is taken to the set-up (docs/decisions/0027). */
function secondFactorFirst(error: unknown) {
  if (error instanceof ApiError && error.code === 'SECOND_FACTOR_ENROLMENT_REQUIRED' && window.location.pathname !== '/account/two-step') {
    void router.navigate('/account/two-step');
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      // A 401 on a page that needs a session means it expired (12 h, or 30
      // minutes idle): refresh who we are so the guards offer sign-in again.
      // While signing out, a 401 is the sign-out itself (session.ts).
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && !isSigningOut()) void resetSession(queryClient);
      secondFactorFirst(error);
    },
  }),
  mutationCache: new MutationCache({ onError: secondFactorFirst }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; network hiccups might.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        {/* flushSync: a navigation can be committed at once when asked (signing out relies on it, session.ts). */}
        <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
