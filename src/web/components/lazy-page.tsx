import type { ComponentType } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import type { Role } from '../../shared/roles.ts';
import { RequireSignedIn } from './route-guards.tsx';

type Guard = { signedIn: true; role?: Role; pendingAllowed?: true } | undefined;

/**
 * A route whose page is loaded when first opened (its own chunk): the public
 * pages then load only what they use. `guard` wraps the page in
 * RequireSignedIn, as the eager routes did. While a page loads, the layout
 * shows a loading line (app-layout.tsx), and the first load the router's
 * HydrateFallback.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, guard?: Guard): LazyRouteFunction<RouteObject> {
  return async () => {
    const Page = pick(await load());
    if (!guard) return { Component: Page };
    const role = guard.role;
    const pendingAllowed = guard.pendingAllowed === true;
    return {
      Component: function GuardedPage() {
        return <RequireSignedIn {...(role ? { role } : {})} pendingAllowed={pendingAllowed}>{<Page />}</RequireSignedIn>;
      },
    };
  };
}

export const signedIn = { signedIn: true } as const;
/** Also for a person whose registration awaits approval (their status page, their account). */
export const signedInPending = { signedIn: true, pendingAllowed: true } as const;
export const withRole = (role: Role) => ({ signedIn: true, role }) as const;
