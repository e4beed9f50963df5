import { Anchor, Box, Burger, Button, Container, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { ContactLink } from '../components/contact-link.tsx';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { LeaveWarning } from '../components/leave-warning.tsx';
import { LoadingState } from '../components/loading-state.tsx';
import { useProblemMessage } from '../lib/problem-message.ts';
import { useCurrentUser, useSignOut } from '../lib/session.ts';
import { hasRole } from '../../shared/role-predicates.ts';
import { useSiteInfo } from '../lib/site.ts';

// Only for signed-in people, and loaded then: the home page's JavaScript stays within its budget.
const PrivacyReacceptDialog = lazy(() => import('../features/privacy/reaccept-dialog.tsx').then((m) => ({ default: m.PrivacyReacceptDialog })));
const NotificationBell = lazy(() => import('../features/notifications/notification-bell.tsx').then((m) => ({ default: m.NotificationBell })));

/** The bell, for signed-in people only, and its code loaded then (the home page's budget). */
function Bell() {
  const user = useCurrentUser();
  if (!user || user.pendingApproval) return null;
  return (
    <Suspense fallback={null}>
      <NotificationBell />
    </Suspense>
  );
}

/** Header with navigation, the page in <main>, and a footer: one landmark each. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigation(mainRef);
  // A page opened for the first time loads its code (router.tsx, lazyPage) before it shows.
  const loadingPage = useNavigation().state === 'loading';

  const focusMain = (event: React.MouseEvent) => {
    // Focus explicitly: a hash link in a client-side router does not reliably move focus.
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <>
      <a className="skip-link" href="#main-content" onClick={focusMain}>
        {t('layout.skipToContent')}
      </a>
      <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Anchor component={Link} to="/" fw={700} size="lg" c="blue.9" underline="never">
              peercities
            </Anchor>
            {/* Wide screens: everything in the header. Small ones: a menu button and a drawer. */}
            <Box visibleFrom="md">
              <MainNavigation />
            </Box>
            <Group gap="sm" wrap="wrap" visibleFrom="md">
              <LanguageSwitcher />
              <SessionControls />
              <Bell />
            </Group>
            {/* Small screens: the bell stays beside the menu button, outside the drawer. */}
            <Group gap="md" wrap="nowrap" hiddenFrom="md">
              <Bell />
              <SmallScreenMenu />
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main-content" ref={mainRef} tabIndex={-1} py="xl">
        <Container size="lg">
          {loadingPage && <LoadingState />}
          <Outlet />
          {user && (
            <Suspense fallback={null}>
              <PrivacyReacceptDialog />
            </Suspense>
          )}
        </Container>
      </Box>
      <LeaveWarning />
      <Box component="footer" py="lg" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Text size="sm" c="dimmed">
            {t('layout.footer')}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t('layout.footerContact')} <ContactLink />
          </Text>
          <Anchor component={Link} to="/privacy" size="sm" mt={4} display="inline-block">
            {t('privacy.title')}
          </Anchor>
        </Container>
      </Box>
    </>
  );
}

/**
 * Below Mantine's md breakpoint the header is one line: the name and a menu
 * button opening a drawer with the navigation, language and session. The
 * drawer traps focus, closes on Escape, on the close button or on following
 * a link, and gives focus back to the menu button.
 */
function SmallScreenMenu() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  useEffect(() => close(), [pathname, close]);
  return (
    <>
      <Burger hiddenFrom="md" opened={opened} onClick={open} aria-label={t('nav.openMenu')} aria-expanded={opened} aria-controls="small-screen-menu" size="sm" />
      <Drawer
        id="small-screen-menu"
        opened={opened}
        onClose={close}
        title={t('nav.menu')}
        position="right"
        size="xs"
        hiddenFrom="md"
        closeButtonProps={{ 'aria-label': t('nav.closeMenu') }}
      >
        <Stack gap="lg">
          <MainNavigation vertical />
          <LanguageSwitcher />
          <SessionControls />
        </Stack>
      </Drawer>
    </>
  );
}

function MainNavigation({ vertical = false }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // The development mailbox exists only on an installation without SMTP (GET /api/site).
  const devMailbox = useSiteInfo().data?.devMailbox === true;
  const links = [
    { to: '/', label: t('nav.home'), show: true },
    { to: '/solutions', label: t('library.nav'), show: true },
    { to: '/map', label: t('map.nav'), show: true },
    { to: '/programmes', label: t('programmes.nav'), show: true },
    { to: '/groups', label: t('groups.nav'), show: true },
    { to: '/start', label: t('nav.myWork'), show: user !== null && !user.pendingApproval },
    { to: '/registration', label: t('nav.registration'), show: user?.pendingApproval === true },
    { to: '/evaluations', label: t('review.nav'), show: hasRole(user, 'evaluator') },
    // Direct exchange: whoever has an inbox (a city's, the programme team's, an expert's own).
    { to: '/messages', label: t('nav.messages'), show: !user?.pendingApproval && (hasRole(user, 'city_representative') || hasRole(user, 'programme_manager') || hasRole(user, 'expert')) },
    // Expert support: cities ask, experts answer, managers oversee (the list shows each their own scope).
    { to: '/support', label: t('nav.support'), show: !user?.pendingApproval && (hasRole(user, 'city_representative') || hasRole(user, 'expert') || hasRole(user, 'programme_manager')) },
    // Surveys: the questionnaires a person (or their city) was asked to answer; managers build and send them from /surveys/manage.
    { to: '/surveys', label: t('nav.mySurveys'), show: user !== null && !user.pendingApproval && !hasRole(user, 'programme_manager') },
    { to: '/surveys/manage', label: t('nav.surveys'), show: hasRole(user, 'programme_manager') },
    { to: '/account', label: t('nav.account'), show: user !== null },
    // Shown only to those the server lets in; the server checks again on every call.
    { to: '/admin/people', label: t('nav.people'), show: hasRole(user, 'programme_manager') },
    { to: '/registrations', label: t('nav.registrations'), show: hasRole(user, 'programme_manager') || Boolean(user?.roles.some((r) => r.primaryContact)) },
    { to: '/admin/mailbox', label: t('nav.mailbox'), show: devMailbox && hasRole(user, 'programme_manager') },
    { to: '/admin/audit', label: t('review.auditNav'), show: hasRole(user, 'programme_manager') },
    { to: '/admin/cities/import', label: t('cities.importNav'), show: hasRole(user, 'programme_manager') },
  ];
  return (
    <nav aria-label={t('nav.label')}>
      <Group component="ul" gap={vertical ? 'sm' : 'lg'} style={{ listStyle: 'none', margin: 0, padding: 0, ...(vertical ? { flexDirection: 'column', alignItems: 'flex-start' } : {}) }}>
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li key={link.to}>
              <Anchor
                component={NavLink}
                to={link.to}
                end={link.to === '/'}
                c="dark.8"
                className="main-nav-link"
              >
                {link.label}
              </Anchor>
            </li>
          ))}
      </Group>
    </nav>
  );
}

function SessionControls() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const messageOf = useProblemMessage();
  const signOut = useSignOut();

  if (!user) {
    return (
      <Group gap="xs">
        <Button component={Link} to="/register" size="xs" variant="default">
          {t('nav.register')}
        </Button>
        <Button component={Link} to="/sign-in" size="xs">
          {t('nav.signIn')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        {t('layout.signedInAs', { name: user.name })}
      </Text>
      <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('nav.signOut')}
      </Button>
      {signOut.error && (
        <Text size="sm" c="red.9" role="alert">
          {messageOf(signOut.error)}
        </Text>
      )}
    </Group>
  );
}

/**
 * After a client-side navigation nothing tells a screen reader that the page
 * changed; move focus to the new page's heading (or main) like a page load would.
 */
function useFocusOnNavigation(mainRef: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    const heading = main?.querySelector<HTMLElement>('[data-page-title]');
    (heading ?? main)?.focus();
  }, [pathname, mainRef]);
}
