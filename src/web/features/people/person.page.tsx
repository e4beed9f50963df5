import { Anchor, Group, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Fact } from '../../components/fact.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AccountStatus } from './account-status.tsx';
import { InvitationsTable } from './invitations-table.tsx';
import { usePerson } from './people.api.ts';
import { DeactivatedBadge } from './people-directory.tsx';
import { PersonErasure } from './person-erasure.tsx';
import { PersonRoles } from './person-roles.tsx';
import '../../locales/lazy/personal-data.strings.ts';

/** /admin/people/:id: a person's roles (given and withdrawn here), their account and the invitations sent to them. */
export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);
  if (person.isError) return <PageProblem title={t('people.title')} error={person.error} />;
  if (!person.data) return <LoadingState />;
  const p = person.data;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('people.never'));

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/admin/people" size="sm">
          {t('people.person.back')}
        </Anchor>
      </div>
      <Group gap="sm" align="center">
        <PageTitle>{p.name}</PageTitle>
        {p.deactivatedAt && <DeactivatedBadge />}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} component="dl" spacing="xs" aria-label={t('people.person.facts')} m={0}>
        <Fact term={t('people.person.email')} value={p.email} />
        <Fact
          term={t('people.person.account')}
          value={p.deactivatedAt ? t('people.person.deactivatedOn', { date: formatDateTime(p.deactivatedAt, i18n.language) }) : t('people.status.active')}
        />
        <Fact term={t('people.person.lastSignIn')} value={when(p.lastSignInAt)} />
        <Fact term={t('people.person.createdAt')} value={when(p.createdAt)} />
      </SimpleGrid>
      <PageSection id="roles-heading" title={t('people.person.rolesTitle')}>
        <PersonRoles person={p} />
      </PageSection>
      <PageSection id="account-heading" title={t('people.person.accountTitle')}>
        <AccountStatus person={p} />
      </PageSection>
      <PageSection id="erasure-heading" title={t('personalData.managerErase.heading')}>
        <PersonErasure person={p} />
      </PageSection>
      <PageSection id="person-invitations-heading" title={t('people.person.invitationsTitle', { email: p.email })}>
        <InvitationsTable email={p.email} />
      </PageSection>
    </Stack>
  );
}
