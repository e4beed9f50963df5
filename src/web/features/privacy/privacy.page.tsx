import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole } from '../../../shared/role-predicates.ts';
import { ContactLink } from '../../components/contact-link.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { AcceptNoticeForm } from './accept-notice-form.tsx';
import { Markdown } from './markdown.tsx';
import { useMyPrivacy, usePrivacyNotice } from './privacy.api.ts';

/** The privacy notice in force, for everyone; a signed-in person who has not accepted it can do so below it. */
export function PrivacyPage() {
  const { t, i18n } = useTranslation();
  const notice = usePrivacyNotice();
  const user = useCurrentUser();
  const me = useMyPrivacy(user !== null);
  const needsAcceptance = user !== null && me.data?.id === user.id && me.data.privacy.needsAcceptance;

  return (
    <Stack gap={0} maw={760}>
      <PageTitle>{t('privacy.title')}</PageTitle>
      {notice.isPending && <LoadingState />}
      {notice.isError && <ProblemAlert error={notice.error} />}
      {notice.data && (
        <>
          <Text c="dimmed" mb="md">
            {t('privacy.versionLine', { version: notice.data.version, date: formatDateTime(notice.data.publishedAt, i18n.language) })}
          </Text>
          {needsAcceptance && notice.data.changes && (
            <Alert variant="light" color="blue" title={t('privacy.whatChanged')} mb="md">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{notice.data.changes}</Text>
            </Alert>
          )}
          <Markdown text={notice.data.body} />
          <Title order={2} size="h3" mt="lg" mb="xs">
            {t('privacy.contactTitle')}
          </Title>
          <Text mb="md">
            {t('privacy.contact')} <ContactLink />
          </Text>
          {needsAcceptance && (
            <Paper withBorder p="md" mt="md">
              <Text fw={600}>{t('privacy.acceptHere')}</Text>
              <AcceptNoticeForm version={notice.data.version} />
            </Paper>
          )}
          {hasRole(user, 'programme_manager') && (
            <Anchor component={Link} to="/admin/privacy" mt="md">
              {t('privacy.manageVersions')}
            </Anchor>
          )}
        </>
      )}
    </Stack>
  );
}
