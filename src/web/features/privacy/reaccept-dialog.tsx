import { Anchor, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { AcceptNoticeForm } from './accept-notice-form.tsx';
import { usePrivacyNotice, useMyPrivacy } from './privacy.api.ts';

/**
 * After sign-in, a person who has not accepted the privacy notice in force is
 * asked to, politely but before going on: what changed, a link to read it,
 * and the box to tick. Not on /privacy itself, which shows the same form
 * under the notice. The API does not refuse other work meanwhile (decision 0022).
 */
export function PrivacyReacceptDialog() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const me = useMyPrivacy(user !== null);
  const needed = user !== null && me.data?.id === user.id && me.data.privacy.needsAcceptance;
  const notice = usePrivacyNotice();
  if (!needed || pathname === '/privacy' || !notice.data) return null;
  const changed = me.data?.privacy.acceptedVersion !== null;
  return (
    <Modal
      opened
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="lg"
      title={changed ? t('privacy.changedTitle') : t('privacy.pleaseReadTitle')}
    >
      <Stack gap="sm">
        <Text>
          {t(changed ? 'privacy.changedIntro' : 'privacy.pleaseReadIntro', { version: notice.data.version, date: formatDateTime(notice.data.publishedAt, i18n.language) })}
        </Text>
        {changed && notice.data.changes && (
          <>
            <Text fw={600}>{t('privacy.whatChanged')}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{notice.data.changes}</Text>
          </>
        )}
        <Anchor component={Link} to="/privacy">
          {t('privacy.readNotice')}
        </Anchor>
        <AcceptNoticeForm version={notice.data.version} />
      </Stack>
    </Modal>
  );
}
