import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/account.page.tsx';
import { AcceptInvitationPage } from '../features/accept-invitation/accept-invitation.page.tsx';
import { ForgotPasswordPage } from '../features/auth/forgot-password.page.tsx';
import { ResetPasswordPage } from '../features/auth/reset-password.page.tsx';
import { SignInPage } from '../features/auth/sign-in.page.tsx';
import { HomePage } from '../features/home/home.page.tsx';
import { MailboxPage } from '../features/mailbox/mailbox.page.tsx';
import { PeoplePage } from '../features/people/people.page.tsx';
import { AppLayout } from './app-layout.tsx';
import { ErrorPage } from './error.page.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { RequireSignedIn } from './route-guards.tsx';

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
            path: 'admin/mailbox',
            element: (
              <RequireSignedIn role="programme_manager">
                <MailboxPage />
              </RequireSignedIn>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
