import type { RouteObject } from 'react-router';
import { RequireSignedIn } from '../../components/route-guards.tsx';
import { DashboardPage } from './dashboard.page.tsx';
import { OutcomesPage } from './outcomes.page.tsx';
import { PrintableProgrammePage } from './printable-programme.page.tsx';
import { ProgrammeVisitsPage } from './programme-visits.page.tsx';
import { VisitPage } from './visit.page.tsx';

/** The pages of this feature; the app's router mounts them under the main layout. */
export const visitsRoutes: RouteObject[] = [
  { path: 'programmes/:slug/visits', element: <ProgrammeVisitsPage /> },
  { path: 'programmes/:slug/outcomes', element: <OutcomesPage /> },
  {
    path: 'programmes/:slug/dashboard',
    element: (
      <RequireSignedIn role="programme_manager">
        <DashboardPage />
      </RequireSignedIn>
    ),
  },
  { path: 'visits/:id', element: <VisitPage /> },
  { path: 'visits/:id/programme', element: <PrintableProgrammePage /> },
];
