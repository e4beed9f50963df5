import type { RouteObject } from 'react-router';
import { lazyPage, withRole } from '../../components/lazy-page.tsx';

/** The survey results page (issue 22); the app's router mounts it under the main layout. The server checks every call again. */
export const surveyResultsRoutes: RouteObject[] = [
  { path: 'surveys/:id/results', lazy: lazyPage(() => import('./results.page.tsx'), (m) => m.SurveyResultsPage, withRole('programme_manager')) },
];
