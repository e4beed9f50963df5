import { Divider, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { InvitationForm } from './invitation-form.tsx';
import { InvitationsTable } from './invitations-table.tsx';
import { PeopleDirectory } from './people-directory.tsx';

/** /admin/people: the directory of people, inviting a person, and the invitations sent. */
export function PeoplePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle>{t('people.title')}</PageTitle>
      <Text>{t('people.pageIntro')}</Text>
      <PageSection id="directory-heading" title={t('people.directory.title')}>
        <PeopleDirectory />
      </PageSection>
      <Divider />
      <PageSection id="invite-heading" title={t('people.inviteTitle')}>
        <Text mb="sm">{t('people.intro')}</Text>
        <Paper withBorder p="lg" radius="md">
          <InvitationForm />
        </Paper>
      </PageSection>
      <Divider />
      <PageSection id="invitations-heading" title={t('people.invitationsTitle')}>
        <InvitationsTable />
      </PageSection>
    </Stack>
  );
}
