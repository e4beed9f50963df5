import { Anchor, Badge, Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../lib/session.ts';
import { useUnreadCount } from './notifications.api.ts';

/**
 * The bell in the header: a link to /notifications whose name says how many
 * are unread ("Notifications, 3 unread"); the count shows as a badge. It asks
 * again every minute, when the window gets focus, and after marking read.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signedIn = user !== null && !user.pendingApproval;
  const unread = useUnreadCount(signedIn);
  if (!signedIn) return null;
  const count = unread.data?.count ?? 0;
  const more = unread.data?.more === true;
  const label = more ? t('notifications.bell.many') : count === 0 ? t('notifications.bell.none') : t('notifications.bell.unread', { count });
  return (
    <Anchor component={Link} to="/notifications" aria-label={label} title={label} c="blue.9" underline="never" data-testid="notification-bell" style={{ position: 'relative', display: 'inline-flex', padding: 6, borderRadius: 6 }}>
      <BellIcon />
      {count > 0 && (
        <Badge
          aria-hidden="true"
          color="red.9"
          size="sm"
          radius="xl"
          style={{ position: 'absolute', top: -4, right: -10, color: 'white', paddingInline: 6, minWidth: 20, pointerEvents: 'none' }}
        >
          {more ? '99+' : count}
        </Badge>
      )}
    </Anchor>
  );
}

function BellIcon() {
  return (
    <Box component="svg" viewBox="0 0 24 24" width={24} height={24} aria-hidden="true" focusable="false" style={{ display: 'block' }}>
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
      />
    </Box>
  );
}
