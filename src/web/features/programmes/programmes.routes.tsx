import type { RouteObject } from 'react-router';
import { lazyPage, signedIn, withRole } from '../../components/lazy-page.tsx';

/** The pages of this feature; the app's router mounts them under the main layout. */
export const programmesRoutes: RouteObject[] = [
  { path: 'programmes', lazy: lazyPage(() => import('./programmes-list.page.tsx'), (m) => m.ProgrammesListPage) },
  {
    path: 'programmes/new',
    lazy: lazyPage(() => import('./new-programme.page.tsx'), (m) => m.NewProgrammePage, withRole('programme_manager')),
  },
  { path: 'programmes/:slug', lazy: lazyPage(() => import('./programme.page.tsx'), (m) => m.ProgrammePage) },
  {
    path: 'programmes/:slug/settings',
    lazy: lazyPage(() => import('./programme-settings.page.tsx'), (m) => m.ProgrammeSettingsPage, withRole('programme_manager')),
  },
  { path: 'programmes/:slug/calls/:kind', lazy: lazyPage(() => import('./call.page.tsx'), (m) => m.CallPage) },
  {
    path: 'applications/:id',
    lazy: lazyPage(() => import('./application.page.tsx'), (m) => m.ApplicationPage, signedIn),
  },
];
