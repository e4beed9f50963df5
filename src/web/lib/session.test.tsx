import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it, onTestFinished } from 'vitest';
import { RequireSignedIn } from '../components/route-guards.tsx';
import { mockApi } from '../test-support/render.tsx';
import { isSigningOut, sessionQueryKey, signOutAndLeave, useSignOut } from './session.ts';

function SignOutButton() {
  const signOut = useSignOut();
  return <button onClick={() => signOut.mutate()}>Sign out</button>;
}

/** A part of a page that takes a millisecond to render: on a busy machine, pages render slowly and React yields between parts. */
function SlowPart() {
  const until = performance.now() + 1;
  while (performance.now() < until);
  return null;
}

function SignInPage() {
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  return (
    <>
      {Array.from({ length: 40 }, (_, i) => (
        <SlowPart key={i} />
      ))}
      <p>{signedOut ? 'You have signed out.' : `Sign in to see ${new URLSearchParams(location.search).get('next')}`}</p>
    </>
  );
}

describe('signing out', () => {
  it('counts as signing out until the page is left and the session asked again, then forgets the cached data', async () => {
    const api = mockApi({ 'GET /api/session': { body: { user: null, csrfToken: 'token' } } });
    const queryClient = new QueryClient();
    queryClient.setQueryData(['notifications'], { unread: 3 });
    const seen: string[] = [];
    await signOutAndLeave(
      queryClient,
      async () => void seen.push(`ending, signing out: ${isSigningOut()}`),
      async () => void seen.push(`leaving, signing out: ${isSigningOut()}`),
    );
    expect(seen).toEqual(['ending, signing out: true', 'leaving, signing out: true']);
    expect(isSigningOut()).toBe(false);
    expect(api.requested()).toEqual(['GET /api/session']);
    expect(queryClient.getQueryData(sessionQueryKey)).toEqual({ user: null, csrfToken: 'token' });
    expect(queryClient.getQueryData(['notifications'])).toBeUndefined();
  });

  it('is over when ending the session fails, and leaves nothing', async () => {
    mockApi({});
    const queryClient = new QueryClient();
    let left = false;
    await expect(
      signOutAndLeave(
        queryClient,
        async () => {
          throw new Error('offline');
        },
        async () => {
          left = true;
        },
      ),
    ).rejects.toThrow('offline');
    expect(left).toBe(false);
    expect(isSigningOut()).toBe(false);
  });
});

describe('the sign-out button', () => {
  it('shows the sign-in page saying so, not "sign in to see" the page it left, even when that page loads and renders slowly', async () => {
    // As in a browser: React renders a navigation in slices, between which
    // the session's update could come first (outside act(), which would
    // render everything at once).
    const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    onTestFinished(() => {
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
    });
    let signedIn = true;
    mockApi({
      'GET /api/session': () => ({ body: { user: signedIn ? { id: '7d1f0a52-3c1e-4c5b-9a8e-2f7b6c1d0e9a', name: 'Ana', email: 'ana@example.org', locale: 'en', roles: [] } : null, csrfToken: 't' } }),
      'DELETE /api/session': () => {
        signedIn = false;
        return { status: 204, body: undefined };
      },
    });
    const router = createMemoryRouter(
      [
        { path: '/account', element: <RequireSignedIn><SignOutButton /></RequireSignedIn> },
        // Like the app's pages: its code arrives a moment after the navigation starts.
        { path: '/sign-in', lazy: async () => { await new Promise((resolve) => setTimeout(resolve, 20)); return { Component: SignInPage }; } },
      ],
      { initialEntries: ['/account'] },
    );
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('You have signed out.')).toBeTruthy();
    expect(router.state.location.pathname + router.state.location.search).toBe('/sign-in');
  });
});
