import type { RouteObject } from 'react-router';
import { lazyPage, signedIn, withRole } from '../../components/lazy-page.tsx';

/** The pages of expert support (issue 21); the app's router mounts them under the main layout. The server checks every call again. */
export const supportRoutes: RouteObject[] = [
  { path: 'support', lazy: lazyPage(() => import('./support-list.page.tsx'), (m) => m.SupportListPage, signedIn) },
  { path: 'support/new', lazy: lazyPage(() => import('./new-request.page.tsx'), (m) => m.NewSupportRequestPage, withRole('city_representative')) },
  { path: 'support/dashboard', lazy: lazyPage(() => import('./support-dashboard.page.tsx'), (m) => m.SupportDashboardPage, withRole('programme_manager')) },
  { path: 'support/:id', lazy: lazyPage(() => import('./request.page.tsx'), (m) => m.SupportRequestPage, signedIn) },
  { path: 'account/expert-profile', lazy: lazyPage(() => import('./expert-profile.page.tsx'), (m) => m.ExpertProfilePage, withRole('expert')) },
];
