import { Divider, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { InvitationForm } from './invitation-form.tsx';
import { InvitationsTable } from './invitations-table.tsx';
import { PageSection } from '../../components/page-section.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle>{t('people.title')}</PageTitle>
      <Text>{t('people.intro')}</Text>
      <PageSection id="invite-heading" title={t('people.inviteTitle')}>
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
