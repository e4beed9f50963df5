import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../test-support/render.tsx';
import { isSigningOut, sessionQueryKey, signOutAndLeave } from './session.ts';

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
