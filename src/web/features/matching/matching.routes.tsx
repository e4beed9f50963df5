import type { RouteObject } from 'react-router';
import { lazyPage, withRole } from '../../components/lazy-page.tsx';

/** The pages of this feature; the app's router mounts them under the main layout. */
export const matchingRoutes: RouteObject[] = [
  {
    path: 'programmes/:slug/matching',
    lazy: lazyPage(() => import('./matching.page.tsx'), (m) => m.MatchingPage, withRole('programme_manager')),
  },
];
