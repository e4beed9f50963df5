import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { CurrentUser, SessionState } from '../../shared/account.schemas.ts';
import { apiSend, fetchSession, rememberSession } from './api-client.ts';

export const sessionQueryKey = ['session'] as const;

/** The current session; `user` is null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    // The session changes only through our own sign-in/out calls (which set
    // it directly) or by expiring, which a 401 anywhere reports.
    staleTime: 5 * 60_000,
  });
}

/** The signed-in person, or null while loading or when signed out. */
export function useCurrentUser(): CurrentUser | null {
  return useSession().data?.user ?? null;
}

/**
 * Install a SessionState the server answered (sign-in, invitation accepted):
 * it carries a new CSRF token, and whatever we cached for the previous
 * person must not leak into the new session.
 */
export function applySession(queryClient: QueryClient, state: SessionState): void {
  rememberSession(state);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, state);
}

/** After sign-out or an expired session: forget cached data and ask who we are now. */
export async function resetSession(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  // A session request still in flight was sent with the old cookie and would
  // answer the old person: fetchQuery would return its promise, so cancel it.
  await queryClient.cancelQueries({ queryKey: sessionQueryKey });
  await queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 0 });
}

let signingOut = false;

/**
 * While signing out, the pages still open ask the server for data and get
 * 401: that is the sign-out itself, not an expired session, and must not send
 * the person to "sign in" with a way back to the page they are leaving.
 */
export function isSigningOut(): boolean {
  return signingOut;
}

/**
 * Signs out: ends the session on the server, leaves the page (`leave`, e.g.
 * to the sign-in page saying so), then forgets what was cached. The 401s of
 * the pages still open in between are the sign-out's own (see isSigningOut).
 */
export async function signOutAndLeave(queryClient: QueryClient, endSession: () => Promise<unknown>, leave: () => Promise<void>): Promise<void> {
  signingOut = true;
  try {
    await endSession();
    // Leave the page first: were the session cleared while still on a page
    // that needs one, its guard would send us to sign in with a `next` back
    // to it (see useSignOut for the page still on screen while leaving).
    await leave();
    await resetSession(queryClient);
  } finally {
    signingOut = false;
  }
}

/**
 * The header's "Sign out": ends the session and shows the sign-in page
 * saying so. The router commits a navigation in a React transition, so the
 * session's update (nobody signed in) can reach the page being left first;
 * its guard lets it go without sending anyone to "sign in to see /account"
 * because it sees the navigation under way, which `flushSync` puts on screen
 * at once (CI, stop 31). Needs a RouterProvider given react-dom's flushSync (app.tsx).
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () =>
      signOutAndLeave(
        queryClient,
        () => apiSend('DELETE', '/api/session'),
        async () => {
          await navigate('/sign-in', { state: { signedOut: true }, flushSync: true });
        },
      ),
  });
}
