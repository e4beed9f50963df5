import type { RouteObject } from 'react-router';
import { RequireSignedIn } from '../../components/route-guards.tsx';
import { AuditPage } from './audit.page.tsx';
import { EvaluationOverviewPage } from './evaluation-overview.page.tsx';
import { EvaluationPage } from './evaluation.page.tsx';
import { MyEvaluationsPage } from './my-evaluations.page.tsx';
import { SelectionPage } from './selection.page.tsx';

/** The pages of this feature; the app's router mounts them under the main layout. */
export const reviewRoutes: RouteObject[] = [
  {
    path: 'evaluations',
    element: (
      <RequireSignedIn role="evaluator">
        <MyEvaluationsPage />
      </RequireSignedIn>
    ),
  },
  {
    path: 'applications/:id/evaluation',
    element: (
      <RequireSignedIn role="evaluator">
        <EvaluationPage />
      </RequireSignedIn>
    ),
  },
  {
    path: 'programmes/:slug/calls/:kind/evaluation',
    element: (
      <RequireSignedIn role="programme_manager">
        <EvaluationOverviewPage />
      </RequireSignedIn>
    ),
  },
  {
    path: 'programmes/:slug/calls/:kind/selection',
    element: (
      <RequireSignedIn role="programme_manager">
        <SelectionPage />
      </RequireSignedIn>
    ),
  },
  {
    path: 'admin/audit',
    element: (
      <RequireSignedIn role="programme_manager">
        <AuditPage />
      </RequireSignedIn>
    ),
  },
];
