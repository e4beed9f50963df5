import type { RouteObject } from 'react-router';
import { lazyPage, withRole } from '../../components/lazy-page.tsx';

/** The pages of this feature; the app's router mounts them under the main layout. */
export const visitsRoutes: RouteObject[] = [
  { path: 'programmes/:slug/visits', lazy: lazyPage(() => import('./programme-visits.page.tsx'), (m) => m.ProgrammeVisitsPage) },
  { path: 'programmes/:slug/outcomes', lazy: lazyPage(() => import('./outcomes.page.tsx'), (m) => m.OutcomesPage) },
  {
    path: 'programmes/:slug/dashboard',
    lazy: lazyPage(() => import('./dashboard.page.tsx'), (m) => m.DashboardPage, withRole('programme_manager')),
  },
  { path: 'visits/:id', lazy: lazyPage(() => import('./visit.page.tsx'), (m) => m.VisitPage) },
  { path: 'visits/:id/programme', lazy: lazyPage(() => import('./printable-programme.page.tsx'), (m) => m.PrintableProgrammePage) },
];
