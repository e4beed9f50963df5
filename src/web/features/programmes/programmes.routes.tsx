import type { RouteObject } from 'react-router';
import { RequireSignedIn } from '../../components/route-guards.tsx';
import { ApplicationPage } from './application.page.tsx';
import { CallPage } from './call.page.tsx';
import { NewProgrammePage } from './new-programme.page.tsx';
import { ProgrammeSettingsPage } from './programme-settings.page.tsx';
import { ProgrammePage } from './programme.page.tsx';
import { ProgrammesListPage } from './programmes-list.page.tsx';

/** The pages of this feature; the app's router mounts them under the main layout. */
export const programmesRoutes: RouteObject[] = [
  { path: 'programmes', element: <ProgrammesListPage /> },
  {
    path: 'programmes/new',
    element: (
      <RequireSignedIn role="programme_manager">
        <NewProgrammePage />
      </RequireSignedIn>
    ),
  },
  { path: 'programmes/:slug', element: <ProgrammePage /> },
  {
    path: 'programmes/:slug/settings',
    element: (
      <RequireSignedIn role="programme_manager">
        <ProgrammeSettingsPage />
      </RequireSignedIn>
    ),
  },
  { path: 'programmes/:slug/calls/:kind', element: <CallPage /> },
  {
    path: 'applications/:id',
    element: (
      <RequireSignedIn>
        <ApplicationPage />
      </RequireSignedIn>
    ),
  },
];
