import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { InviteRepresentativeBody, type CityRepresentatives, type Representative } from '../../../shared/people.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { DoneNotice } from './done-notice.tsx';
import { useCityRepresentatives, useHandOverPrimaryContact, useInviteRepresentative, useRemoveRepresentative } from './people.api.ts';

type Change = { kind: 'remove' | 'handOver'; person: Representative };

/**
 * /cities/:slug/representatives: who acts for the city. Its primary contact
 * (and programme managers) invite colleagues, remove them and hand the
 * primary contact over; its other representatives see the list.
 */
export function RepresentativesPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const representatives = useCityRepresentatives(slug);
  if (representatives.isError) return <PageProblem title={t('people.representatives.link')} error={representatives.error} />;
  if (!representatives.data) return <LoadingState />;
  return <Representatives data={representatives.data} />;
}

function Representatives({ data }: { data: CityRepresentatives }) {
  const { t, i18n } = useTranslation();
  const { city, canManage } = data;
  const remove = useRemoveRepresentative(city.slug);
  const handOver = useHandOverPrimaryContact(city.slug);
  const [change, setChange] = useState<Change | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const close = () => setChange(null);
  const confirm = () => {
    if (!change) return;
    const { person } = change;
    const request = change.kind === 'remove' ? remove : handOver;
    const message = change.kind === 'remove' ? 'people.representatives.removed' : 'people.representatives.handedOver';
    request.mutate(person.personId, { onSuccess: () => setDone(t(message, { name: person.name, city: city.name })), onSettled: close });
  };

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/cities/${encodeURIComponent(city.slug)}`} size="sm">
          {t('people.representatives.back', { city: city.name })}
        </Anchor>
      </div>
      <PageTitle>{t('people.representatives.title', { city: city.name })}</PageTitle>
      <Text>{t('people.representatives.intro', { city: city.name })}</Text>
      <Text c="dimmed" size="sm">
        {canManage ? t('people.representatives.manageHint') : t('people.representatives.readOnlyHint', { city: city.name })}
      </Text>
      {canManage && (
        // People who registered for the city wait for its primary contact (or a manager) on the registrations page.
        <Text size="sm">
          <RouterAnchor to="/registrations">{t('people.representatives.claimsLink', { city: city.name })}</RouterAnchor>
        </Text>
      )}
      <ProblemAlert error={remove.error ?? handOver.error} />
      <DoneNotice>{done}</DoneNotice>
      {/* A list rather than a table: a name, a role and two buttons read well at any width. */}
      <Stack component="ul" gap="xs" aria-label={t('people.representatives.caption', { city: city.name })} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {data.representatives.map((person) => (
          <Paper component="li" key={person.personId} withBorder p="sm" radius="md">
            <Group justify="space-between" align="center" gap="sm">
              <div>
                <Group gap="xs">
                  <Text fw={600}>{person.name}</Text>
                  {person.primaryContact && (
                    <Badge variant="outline" color="blue.9">
                      {t('people.representatives.primaryContact')}
                    </Badge>
                  )}
                  {person.deactivated && (
                    <Badge variant="outline" color="red.9">
                      {t('people.representatives.deactivated')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {person.email}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('people.representatives.lastSignIn', { date: person.lastSignInAt ? formatDateTime(person.lastSignInAt, i18n.language) : t('people.never') })}
                </Text>
              </div>
              {canManage && !person.primaryContact && (
                <Group gap="xs">
                  {!person.deactivated && (
                    <Button size="xs" variant="default" onClick={() => setChange({ kind: 'handOver', person })} aria-label={t('people.representatives.makePrimaryFor', { name: person.name })}>
                      {t('people.representatives.makePrimary')}
                    </Button>
                  )}
                  <Button size="xs" variant="outline" color="red.9" onClick={() => setChange({ kind: 'remove', person })} aria-label={t('people.representatives.removeFor', { name: person.name })}>
                    {t('people.representatives.remove')}
                  </Button>
                </Group>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      <PageSection id="representative-invitations" title={t('people.representatives.invitationsTitle')}>
        {data.invitations.length === 0 ? (
          <EmptyState title={t('people.representatives.noInvitations')} />
        ) : (
          <List spacing="xs">
            {data.invitations.map((invitation) => (
              <List.Item key={invitation.id}>
                <Text span fw={600}>
                  {invitation.name}
                </Text>{' '}
                ({invitation.email}),{' '}
                {t('people.representatives.invitedOn', { by: invitation.invitedBy, date: formatDateTime(invitation.expiresAt, i18n.language) })}
              </List.Item>
            ))}
          </List>
        )}
      </PageSection>
      {canManage && (
        <PageSection id="invite-colleague" title={t('people.representatives.inviteTitle')}>
          <Paper withBorder p="lg" radius="md">
            <InviteColleagueForm slug={city.slug} cityName={city.name} />
          </Paper>
        </PageSection>
      )}
      <ConfirmDialog
        opened={change !== null}
        title={change ? t(change.kind === 'remove' ? 'people.representatives.removeTitle' : 'people.representatives.makePrimaryTitle', { name: change.person.name }) : ''}
        message={change ? t(change.kind === 'remove' ? 'people.representatives.removeMessage' : 'people.representatives.makePrimaryMessage', { name: change.person.name, city: city.name }) : ''}
        confirmLabel={t(change?.kind === 'handOver' ? 'people.representatives.makePrimaryConfirm' : 'people.representatives.removeConfirm')}
        busy={remove.isPending || handOver.isPending}
        onCancel={close}
        onConfirm={confirm}
      />
    </Stack>
  );
}

function InviteColleagueForm({ slug, cityName }: { slug: string; cityName: string }) {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useApiForm({
    initialValues: { email: '', name: '' },
    schema: InviteRepresentativeBody,
    mutation: useInviteRepresentative(slug),
    onSuccess: (invitation) => {
      setSentTo(invitation.email);
      form.setValues({ email: '', name: '' });
    },
    onEdit: () => setSentTo(null),
  });
  return (
    <form {...form.formProps} aria-label={t('people.representatives.inviteTitle')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('people.representatives.inviteHint', { city: cityName })}
      </Text>
      <DoneNotice>{sentTo && t('people.invitationSent', { email: sentTo })}</DoneNotice>
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.email')} type="email" autoComplete="off" required {...form.getInputProps('email')} />
          <TextInput label={t('fields.name')} autoComplete="off" required {...form.getInputProps('name')} />
        </SimpleGrid>
        <Group>
          <Button {...form.submitProps}>{t('people.representatives.invite')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
