import type { RouteObject } from 'react-router';
import { RequireSignedIn } from '../../components/route-guards.tsx';
import { MatchingPage } from './matching.page.tsx';

/** The pages of this feature; the app's router mounts them under the main layout. */
export const matchingRoutes: RouteObject[] = [
  {
    path: 'programmes/:slug/matching',
    element: (
      <RequireSignedIn role="programme_manager">
        <MatchingPage />
      </RequireSignedIn>
    ),
  },
];
