import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/account.page.tsx';
import { AcceptInvitationPage } from '../features/accept-invitation/accept-invitation.page.tsx';
import { CityImportPage } from '../features/cities/city-import.page.tsx';
import { CityPage } from '../features/cities/city.page.tsx';
import { LibraryPage } from '../features/library/library.page.tsx';
import { SolutionFormPage } from '../features/library/solution-form.page.tsx';
import { SolutionPage } from '../features/library/solution.page.tsx';
import { ForgotPasswordPage } from '../features/auth/forgot-password.page.tsx';
import { ResetPasswordPage } from '../features/auth/reset-password.page.tsx';
import { SignInPage } from '../features/auth/sign-in.page.tsx';
import { GroupPage } from '../features/groups/group.page.tsx';
import { GroupsIndexPage } from '../features/groups/groups-index.page.tsx';
import { ProgrammeGroupsPage } from '../features/groups/programme-groups.page.tsx';
import { ThreadPage } from '../features/groups/thread.page.tsx';
import { HomePage } from '../features/home/home.page.tsx';
import { MailboxPage } from '../features/mailbox/mailbox.page.tsx';
import { matchingRoutes } from '../features/matching/matching.routes.tsx';
import { PeoplePage } from '../features/people/people.page.tsx';
import { StartPage } from '../features/start/start.page.tsx';
import { PersonPage } from '../features/people/person.page.tsx';
import { RepresentativesPage } from '../features/people/representatives.page.tsx';
import { programmesRoutes } from '../features/programmes/programmes.routes.tsx';
import { reviewRoutes } from '../features/review/review.routes.tsx';
import { visitsRoutes } from '../features/visits/visits.routes.tsx';
import { AppLayout } from './app-layout.tsx';
import { ErrorPage } from './error.page.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { RequireSignedIn } from '../components/route-guards.tsx';

// The feature pages are small; one bundle keeps navigation instant and the
// router simple. Lazy routes can come when a feature grows heavy (maps, charts).
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <ErrorPage standalone />,
    children: [
      {
        // A pathless route so that a failing page keeps the header and navigation.
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password/:token', element: <ResetPasswordPage /> },
          { path: 'invitations/:token', element: <AcceptInvitationPage /> },
          { path: 'solutions', element: <LibraryPage /> },
          {
            path: 'solutions/new',
            element: (
              <RequireSignedIn>
                <SolutionFormPage />
              </RequireSignedIn>
            ),
          },
          { path: 'solutions/:id', element: <SolutionPage /> },
          {
            path: 'solutions/:id/edit',
            element: (
              <RequireSignedIn>
                <SolutionFormPage />
              </RequireSignedIn>
            ),
          },
          { path: 'cities/:slug', element: <CityPage /> },
          // The map carries the world atlas: loaded only when opened.
          { path: 'map', lazy: () => import('../features/map/map.route.tsx') },
          {
            path: 'admin/cities/import',
            element: (
              <RequireSignedIn role="programme_manager">
                <CityImportPage />
              </RequireSignedIn>
            ),
          },
          {
            path: 'start',
            element: (
              <RequireSignedIn>
                <StartPage />
              </RequireSignedIn>
            ),
          },
          {
            path: 'account',
            element: (
              <RequireSignedIn>
                <AccountPage />
              </RequireSignedIn>
            ),
          },
          {
            path: 'admin/people',
            element: (
              <RequireSignedIn role="programme_manager">
                <PeoplePage />
              </RequireSignedIn>
            ),
          },
          {
            path: 'admin/people/:id',
            element: (
              <RequireSignedIn role="programme_manager">
                <PersonPage />
              </RequireSignedIn>
            ),
          },
          {
            path: 'cities/:slug/representatives',
            element: (
              <RequireSignedIn>
                <RepresentativesPage />
              </RequireSignedIn>
            ),
          },
          {
            path: 'admin/mailbox',
            element: (
              <RequireSignedIn role="programme_manager">
                <MailboxPage />
              </RequireSignedIn>
            ),
          },
          { path: 'groups', element: <GroupsIndexPage /> },
          { path: 'groups/:id', element: <GroupPage /> },
          { path: 'programmes/:slug/groups', element: <ProgrammeGroupsPage /> },
          {
            path: 'discussions/:id',
            element: (
              <RequireSignedIn>
                <ThreadPage />
              </RequireSignedIn>
            ),
          },
          // Larger features keep their own route lists beside their pages.
          ...programmesRoutes,
          ...reviewRoutes,
          ...matchingRoutes,
          ...visitsRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
