import type { RouteObject } from 'react-router';
import { lazyPage, withRole } from '../../components/lazy-page.tsx';

/** The pages of this feature; the app's router mounts them under the main layout. */
export const reviewRoutes: RouteObject[] = [
  {
    path: 'evaluations',
    lazy: lazyPage(() => import('./my-evaluations.page.tsx'), (m) => m.MyEvaluationsPage, withRole('evaluator')),
  },
  {
    path: 'applications/:id/evaluation',
    lazy: lazyPage(() => import('./evaluation.page.tsx'), (m) => m.EvaluationPage, withRole('evaluator')),
  },
  {
    path: 'programmes/:slug/calls/:kind/evaluation',
    lazy: lazyPage(() => import('./evaluation-overview.page.tsx'), (m) => m.EvaluationOverviewPage, withRole('programme_manager')),
  },
  {
    path: 'programmes/:slug/calls/:kind/selection',
    lazy: lazyPage(() => import('./selection.page.tsx'), (m) => m.SelectionPage, withRole('programme_manager')),
  },
  {
    path: 'admin/audit',
    lazy: lazyPage(() => import('./audit.page.tsx'), (m) => m.AuditPage, withRole('programme_manager')),
  },
];
