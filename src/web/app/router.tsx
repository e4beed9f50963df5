import { createBrowserRouter } from 'react-router';
import { matchingRoutes } from '../features/matching/matching.routes.tsx';
import { programmesRoutes } from '../features/programmes/programmes.routes.tsx';
import { reviewRoutes } from '../features/review/review.routes.tsx';
import { supportRoutes } from '../features/support/support.routes.tsx';
import { surveyRoutes } from '../features/surveys/surveys.routes.tsx';
import { surveyResultsRoutes } from '../features/surveys/results.routes.tsx';
import { visitsRoutes } from '../features/visits/visits.routes.tsx';
import { lazyPage, signedIn, signedInPending, withRole } from '../components/lazy-page.tsx';
import { LoadingState } from '../components/loading-state.tsx';
import { AppLayout } from './app-layout.tsx';
import { ErrorPage } from './error.page.tsx';
import { NotFoundPage } from './not-found.page.tsx';

// Every page is its own chunk, loaded when first opened (lazyPage): the home
// page loads the layout, Mantine, React and its own code, not the editors,
// tables and charts of the managers' pages. The layout shows a loading line
// while a page's chunk arrives; HydrateFallback covers the very first one.
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    HydrateFallback: FirstLoad,
    errorElement: <ErrorPage standalone />,
    children: [
      {
        // A pathless route so that a failing page keeps the header and navigation.
        errorElement: <ErrorPage />,
        children: [
          { index: true, lazy: lazyPage(() => import('../features/home/home.page.tsx'), (m) => m.HomePage) },
          { path: 'sign-in', lazy: lazyPage(() => import('../features/auth/sign-in.page.tsx'), (m) => m.SignInPage) },
          { path: 'sign-in/second-step', lazy: lazyPage(() => import('../features/auth/second-step.page.tsx'), (m) => m.SecondStepPage) },
          { path: 'account/two-step', lazy: lazyPage(() => import('../features/account/two-step.page.tsx'), (m) => m.TwoStepPage, signedIn) },
          { path: 'forgot-password', lazy: lazyPage(() => import('../features/auth/forgot-password.page.tsx'), (m) => m.ForgotPasswordPage) },
          { path: 'reset-password/:token', lazy: lazyPage(() => import('../features/auth/reset-password.page.tsx'), (m) => m.ResetPasswordPage) },
          { path: 'privacy', lazy: lazyPage(() => import('../features/privacy/privacy.page.tsx'), (m) => m.PrivacyPage) },
          {
            path: 'admin/privacy',
            lazy: lazyPage(() => import('../features/privacy/privacy-versions.page.tsx'), (m) => m.PrivacyVersionsPage, withRole('programme_manager')),
          },
          { path: 'invitations/:token', lazy: lazyPage(() => import('../features/accept-invitation/accept-invitation.page.tsx'), (m) => m.AcceptInvitationPage) },
          { path: 'register', lazy: lazyPage(() => import('../features/registration/register.page.tsx'), (m) => m.RegisterPage) },
          { path: 'register/verify/:token', lazy: lazyPage(() => import('../features/registration/verify.page.tsx'), (m) => m.VerifyRegistrationPage) },
          {
            path: 'registration',
            lazy: lazyPage(() => import('../features/registration/my-registration.page.tsx'), (m) => m.MyRegistrationPage, signedInPending),
          },
          {
            path: 'registrations',
            lazy: lazyPage(() => import('../features/registration/registrations.page.tsx'), (m) => m.RegistrationsPage, signedIn),
          },
          {
            path: 'admin/registration',
            lazy: lazyPage(() => import('../features/registration/registration-settings.page.tsx'), (m) => m.RegistrationSettingsPage, withRole('programme_manager')),
          },
          { path: 'solutions', lazy: lazyPage(() => import('../features/library/library.page.tsx'), (m) => m.LibraryPage) },
          {
            path: 'solutions/new',
            lazy: lazyPage(() => import('../features/library/solution-form.page.tsx'), (m) => m.SolutionFormPage, signedIn),
          },
          { path: 'solutions/:id', lazy: lazyPage(() => import('../features/library/solution.page.tsx'), (m) => m.SolutionPage) },
          { path: 'library/answers/:id', lazy: lazyPage(() => import('../features/library/published-answer.page.tsx'), (m) => m.PublishedAnswerPage) },
          {
            path: 'solutions/:id/edit',
            lazy: lazyPage(() => import('../features/library/solution-form.page.tsx'), (m) => m.SolutionFormPage, signedIn),
          },
          { path: 'cities/:slug', lazy: lazyPage(() => import('../features/cities/city.page.tsx'), (m) => m.CityPage) },
          // The map carries the world atlas: loaded only when opened.
          { path: 'map', lazy: () => import('../features/map/map.route.tsx') },
          {
            path: 'admin/cities/import',
            lazy: lazyPage(() => import('../features/cities/city-import.page.tsx'), (m) => m.CityImportPage, withRole('programme_manager')),
          },
          {
            path: 'start',
            lazy: lazyPage(() => import('../features/start/start.page.tsx'), (m) => m.StartPage, signedIn),
          },
          {
            path: 'account',
            lazy: lazyPage(() => import('../features/account/account.page.tsx'), (m) => m.AccountPage, signedInPending),
          },
          {
            path: 'notifications',
            lazy: lazyPage(() => import('../features/notifications/notifications.page.tsx'), (m) => m.NotificationsPage, signedIn),
          },
          {
            path: 'account/notifications',
            lazy: lazyPage(() => import('../features/notifications/notification-settings.page.tsx'), (m) => m.NotificationSettingsPage, signedIn),
          },
          {
            path: 'admin/people',
            lazy: lazyPage(() => import('../features/people/people.page.tsx'), (m) => m.PeoplePage, withRole('programme_manager')),
          },
          {
            path: 'admin/people/:id',
            lazy: lazyPage(() => import('../features/people/person.page.tsx'), (m) => m.PersonPage, withRole('programme_manager')),
          },
          {
            path: 'cities/:slug/representatives',
            lazy: lazyPage(() => import('../features/people/representatives.page.tsx'), (m) => m.RepresentativesPage, signedIn),
          },
          {
            path: 'admin/mailbox',
            lazy: lazyPage(() => import('../features/mailbox/mailbox.page.tsx'), (m) => m.MailboxPage, withRole('programme_manager')),
          },
          { path: 'messages', lazy: lazyPage(() => import('../features/exchange/inbox.page.tsx'), (m) => m.InboxPage, signedIn) },
          { path: 'messages/new', lazy: lazyPage(() => import('../features/exchange/new-conversation.page.tsx'), (m) => m.NewConversationPage, signedIn) },
          { path: 'messages/:id', lazy: lazyPage(() => import('../features/exchange/conversation.page.tsx'), (m) => m.ConversationPage, signedIn) },
          {
            path: 'admin/message-reports',
            lazy: lazyPage(() => import('../features/exchange/message-reports.page.tsx'), (m) => m.MessageReportsPage, withRole('programme_manager')),
          },
          { path: 'groups', lazy: lazyPage(() => import('../features/groups/groups-index.page.tsx'), (m) => m.GroupsIndexPage) },
          { path: 'groups/:id', lazy: lazyPage(() => import('../features/groups/group.page.tsx'), (m) => m.GroupPage) },
          { path: 'programmes/:slug/groups', lazy: lazyPage(() => import('../features/groups/programme-groups.page.tsx'), (m) => m.ProgrammeGroupsPage) },
          {
            path: 'discussions/:id',
            lazy: lazyPage(() => import('../features/groups/thread.page.tsx'), (m) => m.ThreadPage, signedIn),
          },
          // Larger features keep their own route lists beside their pages.
          ...programmesRoutes,
          ...reviewRoutes,
          ...matchingRoutes,
          ...visitsRoutes,
          ...supportRoutes,
          ...surveyRoutes,
          ...surveyResultsRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** Before the first page's chunk has arrived (the layout is not rendered yet). */
function FirstLoad() {
  return (
    <main>
      <LoadingState />
    </main>
  );
}
