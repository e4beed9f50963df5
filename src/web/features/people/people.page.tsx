import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { InvitationForm } from './invitation-form.tsx';
import { InvitationsTable } from './invitations-table.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle>{t('people.title')}</PageTitle>
      <Text>{t('people.intro')}</Text>
      <section aria-labelledby="invite-heading">
        <Title order={2} size="h3" id="invite-heading" mb="sm">
          {t('people.inviteTitle')}
        </Title>
        <Paper withBorder p="lg" radius="md">
          <InvitationForm />
        </Paper>
      </section>
      <Divider />
      <section aria-labelledby="invitations-heading">
        <Title order={2} size="h3" id="invitations-heading" mb="sm">
          {t('people.invitationsTitle')}
        </Title>
        <InvitationsTable />
      </section>
    </Stack>
  );
}
