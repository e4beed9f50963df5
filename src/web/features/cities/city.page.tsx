import { Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CityProfile } from '../../../shared/city.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { CityLink } from '../../components/city-link.tsx';
import { Fact } from '../../components/fact.tsx';
import { ListSection } from '../../components/list-section.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { WriteToButton } from '../../components/write-to-button.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { displayName, formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { hasRole, isPrimaryContactOf } from '../../../shared/role-predicates.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { useCityContacts, useCityHistory, useCityProfile, useCityPublicContacts, useCitySolutions, useSimilarCities } from './cities.api.ts';
import { CityEditForm } from './city-edit-form.tsx';
import { CityPrioritiesSection } from './city-priorities-section.tsx';
import { ContactsForm } from './contacts-form.tsx';

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : language);

/** A city's public profile, its solutions and the cities like it; its own people also edit it here. */
export function CityPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const city = useCityProfile(slug);
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  if (city.error) return <PageProblem title={t('cities.loadFailed')} notFoundTitle={t('cities.notFound')} error={city.error} back={{ to: '/map', label: t('cities.backToMap') }} />;
  if (!city.data) return <LoadingState />;
  const c = city.data;
  const number = new Intl.NumberFormat(localeOf(i18n.language));
  const countryName = displayName(c.country, 'region', i18n.language);
  const languageNames = c.languages.map((code) => displayName(code, 'language', i18n.language));

  return (
    <>
      <PageTitle>{c.name}</PageTitle>
      <Group gap="xs" mb="md">
        <Badge color={c.kind === 'mission' ? 'blue.9' : 'gray.8'} variant="filled">
          {t(`cityKinds.${c.kind}`)}
        </Badge>
        <Text>{countryName}</Text>
        <Anchor component={Link} to={`/map?city=${encodeURIComponent(c.slug)}`}>
          {t('cities.seeOnMap')}
        </Anchor>
        {(hasRole(user, 'programme_manager') || isPrimaryContactOf(user, c.id)) && <Anchor component={Link} to={`/cities/${encodeURIComponent(c.slug)}/representatives`}>{t('people.representatives.link')}</Anchor>}
      </Group>
      <Group mb="md">
        <WriteToButton to={`/messages/new?about=city:${encodeURIComponent(c.slug)}`} label={t('cities.writeTo', { city: c.name })} cityIds={[c.id]} />
      </Group>
      {c.canEdit && !editing && (
        <Group mb="md">
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('cities.edit')}
          </Button>
          <Button component={Link} to={`/solutions/new?city=${encodeURIComponent(c.slug)}`} variant="default">
            {t('cities.addSolution')}
          </Button>
        </Group>
      )}
      {editing ? (
        <Paper withBorder p="md" mb="lg">
          <Title order={2} size="h3" mb="sm">
            {t('cities.editTitle')}
          </Title>
          <CityEditForm city={c} onDone={() => setEditing(false)} />
        </Paper>
      ) : (
        <>
          {c.profile && <Text mb="md" style={{ whiteSpace: 'pre-line' }}>{c.profile}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" mb="lg" spacing="xs">
            <Fact term={t('cities.fields.population')} value={c.population === null ? t('cities.unknown') : number.format(c.population)} />
            <Fact term={t('cities.fields.region')} value={c.region ?? t('cities.unknown')} />
            <Fact term={t('cities.fields.climateTargetYear')} value={c.climateTargetYear?.toString() ?? t('cities.unknown')} />
            <Fact term={t('cities.fields.languages')} value={languageNames.join(', ') || t('cities.unknown')} />
            <Fact
              term={t('cities.fields.sectorsOfInterest')}
              value={c.sectorsOfInterest.map((s) => t(`sectors.${s}`)).join(', ') || t('cities.unknown')}
            />
            <Fact term={t('cities.fields.missionLabelDate')} value={c.missionLabelDate ?? t('cities.none')} />
          </SimpleGrid>
        </>
      )}
      {c.canEdit && <CityPrioritiesSection slug={c.slug} />}
      <CitySolutionsSection slug={c.slug} />
      <PublicContactsSection slug={c.slug} />
      <SimilarSection slug={c.slug} />
      {c.canEdit && <PrivateSection city={c} />}
    </>
  );
}

function CitySolutionsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const solutions = useCitySolutions(slug);
  return (
    <Box component="section" aria-labelledby="city-solutions" mb="xl">
      <Title order={2} size="h3" id="city-solutions" mb="sm">
        {t('cities.solutions')}
      </Title>
      {solutions.isPending && <LoadingState />}
      {solutions.data?.items.length === 0 && <EmptyState title={t('cities.noSolutions')} />}
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {solutions.data?.items.map((s) => (
          <Paper component="li" key={s.id} withBorder p="sm">
            <Group gap="xs">
              <Anchor component={Link} to={`/solutions/${s.id}`} fw={600}>
                {s.title}
              </Anchor>
              {s.status === 'draft' && (
                <Badge color="orange" variant="filled">
                  {t('cities.draft')}
                </Badge>
              )}
            </Group>
            <Text size="sm">{s.sectors.map((x) => t(`sectors.${x}`)).join(', ')}</Text>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}

/** The representatives who chose to be listed publicly (an opt-in on their account page). */
function PublicContactsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const contacts = useCityPublicContacts(slug);
  return (
    <Box mb="xl">
      <ListSection id="city-public-contacts" title={t('cities.publicContacts')} none={t('cities.publicContactsNone')} items={contacts.data?.items} loading={contacts.isPending}>
        {(person) => (
          <li key={person.email}>
            {person.name}
            {person.primaryContact && ` (${t('cities.primaryContactMark')})`} · <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>
          </li>
        )}
      </ListSection>
    </Box>
  );
}

function SimilarSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const similar = useSimilarCities(slug);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" mb="xl">
      <ListSection id="cities-like-this" title={t('cities.likeThis')} hint={t('cities.likeThisHint')} items={similar.data?.similar} loading={similar.isPending} ordered>
        {(s) => (
          <li key={s.city.id}>
            <CityLink city={s.city} />{' '}
            <Text span size="sm">
              ({t(`cityKinds.${s.city.kind}`)}, {s.city.country})
            </Text>
            <Text size="sm">{s.reasons.map(reasonText).join('; ')}</Text>
          </li>
        )}
      </ListSection>
      <ListSection id="mission-cities-for-interests" title={t('cities.missionMatches')} none={t('cities.noMissionMatches')} items={similar.data?.missionCities}>
        {(m) => (
          <li key={m.city.id}>
            <CityLink city={m.city} />
            <Text size="sm">{reasonText(m.reason)}</Text>
          </li>
        )}
      </ListSection>
    </SimpleGrid>
  );
}

/** Contacts and history: only for the city's own representatives and programme managers (the server checks again). */
function PrivateSection({ city }: { city: CityProfile }) {
  const { t, i18n } = useTranslation();
  const history = useCityHistory(city.slug, true);
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return (
    <>
      <ContactsSection slug={city.slug} />
      <Box component="section" aria-labelledby="city-history" mb="xl">
        <Title order={2} size="h3" id="city-history" mb="sm">
          {t('cities.history')}
        </Title>
        {history.data?.items.length === 0 && <Text c="dimmed">{t('cities.noHistory')}</Text>}
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {history.data?.items.map((change) => (
            <li key={change.id}>
              <Text size="sm" fw={600}>
                {t('cities.changedBy', {
                  when: formatDateTime(change.at, i18n.language),
                  who: change.actorName ?? t('cities.system'),
                  source: t(`cities.sources.${change.source}`),
                })}
              </Text>
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cities.historyField')}</Table.Th>
                    <Table.Th>{t('cities.historyBefore')}</Table.Th>
                    <Table.Th>{t('cities.historyAfter')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {change.changes.map((field) => (
                    <Table.Tr key={field.field}>
                      <Table.Td>{field.field}</Table.Td>
                      <Table.Td>{show(field.before)}</Table.Td>
                      <Table.Td>{show(field.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </li>
          ))}
        </Stack>
      </Box>
    </>
  );
}

/** The city's contact persons (personal data), with an editor for those the server lets edit them. */
function ContactsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const contacts = useCityContacts(slug, true);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const items = contacts.data?.items;
  return (
    <Box component="section" aria-labelledby="city-contacts" mb="xl">
      <Title order={2} size="h3" id="city-contacts" mb="xs">
        {t('cities.contacts')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('cities.contactsPrivate')}
      </Text>
      {contacts.error && <ProblemAlert error={contacts.error} />}
      {!items && !contacts.error && <LoadingState />}
      {items && editing && (
        <ContactsForm
          slug={slug}
          contacts={items}
          onDone={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      )}
      {items && !editing && (
        <>
          {items.length === 0 ? (
            <Text c="dimmed">{t('cities.noContacts')}</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cities.contactFields.name')}</Table.Th>
                  <Table.Th>{t('cities.contactFields.roleTitle')}</Table.Th>
                  <Table.Th>{t('cities.contactFields.email')}</Table.Th>
                  <Table.Th>{t('cities.contactFields.phone')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((contact, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{contact.name}</Table.Td>
                    <Table.Td>{contact.roleTitle ?? '—'}</Table.Td>
                    <Table.Td>{contact.email ?? '—'}</Table.Td>
                    <Table.Td>{contact.phone ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group mt="sm">
            <Button
              variant="default"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('cities.editContacts')}
            </Button>
            <Text role="status" size="sm" c="green.9">
              {saved ? t('cities.contactsForm.saved') : ''}
            </Text>
          </Group>
        </>
      )}
    </Box>
  );
}
