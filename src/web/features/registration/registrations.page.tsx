import { Badge, Button, Fieldset, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitySummary, PlaceCandidate } from '../../../shared/city.schemas.ts';
import { ApproveBody, DeclineBody, MergeBody, type PendingRegistration } from '../../../shared/registration.schemas.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import { CityPicker } from '../../components/city-picker.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { formatDateTime, useCountryName } from '../../lib/format.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { PlacePicker } from './place-picker.tsx';
import { useDecision, useRegistrationQueue } from './registration.api.ts';
import '../../locales/lazy/registration.strings.ts';

/**
 * The approval queue: programme managers see every registration waiting,
 * new cities first; a city's primary contact sees the claims on their city.
 */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queue = useRegistrationQueue();
  const manager = hasRole(user, 'programme_manager');
  return (
    <Stack>
      <PageTitle>{t('registration.queueTitle')}</PageTitle>
      <Text>{manager ? t('registration.queueIntroManager') : t('registration.queueIntroContact')}</Text>
      {manager && (
        <Text size="sm">
          <RouterAnchor to="/admin/registration">{t('registration.settingsLink')}</RouterAnchor>
        </Text>
      )}
      {queue.isPending && <LoadingState />}
      {queue.isError && <ProblemAlert error={queue.error} />}
      {queue.data && queue.data.items.length === 0 && <EmptyState title={t('registration.queueEmpty')} />}
      {queue.data?.items.map((item) => <RegistrationCard key={item.id} item={item} manager={manager} />)}
    </Stack>
  );
}

function RegistrationCard({ item, manager }: { item: PendingRegistration; manager: boolean }) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const headingId = `registration-${item.id}`;
  return (
    <Paper component="article" withBorder p="lg" radius="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {t('registration.cardTitle', { name: item.name, city: item.cityName, country: countryName(item.country) })}
          </Title>
          {item.newCity && <Badge color="grape" variant="light">{t('registration.newCity')}</Badge>}
          {item.secondClaim && <Badge color="blue" variant="light">{t('registration.secondClaim')}</Badge>}
        </Group>
        <Text size="sm">{t('registration.cardPerson', { email: item.email, role: item.roleTitle, date: formatDateTime(item.createdAt, i18n.language) })}</Text>
        {item.geonames ? (
          <Text size="sm">
            {t('registration.geonamesFacts', {
              country: countryName(item.country),
              lat: item.geonames.latitude.toFixed(3),
              lon: item.geonames.longitude.toFixed(3),
              population: item.geonames.population.toLocaleString(i18n.language),
            })}
          </Text>
        ) : item.newCity ? (
          <Text size="sm">{t('registration.notInGeonames')}</Text>
        ) : null}
        {item.description && <Text size="sm">{t('registration.describedAs', { description: item.description })}</Text>}
        <Text size="sm">
          {[
            item.climateTargetYear ? t('registration.targetYearIs', { year: item.climateTargetYear }) : t('registration.noTargetYear'),
            item.hasClimatePlan ? t('registration.hasPlan') : t('registration.noPlan'),
            item.covenantSignatory ? t('registration.covenantYes') : t('registration.covenantNo'),
          ].join(' · ')}
        </Text>
        {manager && (
          <Text size="sm">
            {item.similar.length
              ? t('registration.similar', { cities: item.similar.map((s) => (s.distanceKm !== null ? t('registration.similarCityKm', { city: s.name, km: s.distanceKm }) : s.name)).join(', ') })
              : t('registration.noSimilar')}
          </Text>
        )}
        <Decisions item={item} manager={manager} />
      </Stack>
    </Paper>
  );
}

function Decisions({ item, manager }: { item: PendingRegistration; manager: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'merge' | 'decline' | null>(null);
  return (
    <Stack gap="sm" mt="xs">
      <Group gap="sm">
        <ApproveForm item={item} />
        {manager && (
          <Button variant="default" onClick={() => setOpen(open === 'merge' ? null : 'merge')} aria-expanded={open === 'merge'}>
            {t('registration.merge')}
          </Button>
        )}
        <Button variant="default" color="red" onClick={() => setOpen(open === 'decline' ? null : 'decline')} aria-expanded={open === 'decline'}>
          {t('registration.decline')}
        </Button>
      </Group>
      {open === 'merge' && <MergeForm item={item} />}
      {open === 'decline' && <DeclineForm item={item} />}
    </Stack>
  );
}

/** A typed number (a decimal comma too); empty or not a number is NaN, which the schema refuses with its message. */
const typedNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

function ApproveForm({ item }: { item: PendingRegistration }) {
  const { t } = useTranslation();
  const [place, setPlace] = useState<PlaceCandidate | null>(null);
  const needsPlace = item.citySource === 'unlisted';
  const form = useApiForm({
    initialValues: { latitude: '', longitude: '', population: '' },
    schema: ApproveBody,
    toBody: (v) => {
      // A city GeoNames lacks too: where the manager says it lies.
      const located = needsPlace && !place && (v.latitude.trim() !== '' || v.longitude.trim() !== '');
      return {
        version: item.version,
        geonamesId: needsPlace ? (place?.geonamesId ?? null) : null,
        location: located ? { latitude: typedNumber(v.latitude), longitude: typedNumber(v.longitude), population: v.population.trim() === '' ? null : typedNumber(v.population) } : null,
      };
    },
    fieldOf: (path) => path.replace(/^location\./, ''),
    mutation: useDecision('approve', item.id),
  });
  return (
    <form {...form.formProps} aria-label={t('registration.approveLabel', { name: item.name })}>
      <ProblemAlert error={form.requestError} />
      <Stack gap="sm">
        {needsPlace && <PlacePicker value={place} onChange={setPlace} required={false} />}
        {needsPlace && !place && (
          <Fieldset variant="unstyled" legend={<Text size="sm">{t('registration.locationLegend')}</Text>}>
            <Group gap="sm" align="start">
              <TextInput label={t('registration.latitude')} inputMode="decimal" w={130} {...form.getInputProps('latitude')} />
              <TextInput label={t('registration.longitude')} inputMode="decimal" w={130} {...form.getInputProps('longitude')} />
              <TextInput label={t('registration.population')} inputMode="numeric" w={200} {...form.getInputProps('population')} />
            </Group>
          </Fieldset>
        )}
        <Group>
          <Button {...form.submitProps}>{item.secondClaim ? t('registration.confirm') : t('registration.approve')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function MergeForm({ item }: { item: PendingRegistration }) {
  const { t } = useTranslation();
  const [other, setOther] = useState<CitySummary | null>(null);
  const form = useApiForm({
    initialValues: { similarId: item.similar[0]?.id ?? '' },
    schema: MergeBody,
    toBody: (v) => ({ version: item.version, cityId: other?.id ?? v.similarId }),
    fieldOf: (path) => (path === 'cityId' ? 'similarId' : path),
    mutation: useDecision('merge', item.id),
  });
  return (
    <form {...form.formProps} aria-label={t('registration.mergeLabel', { name: item.name })}>
      <ProblemAlert error={form.requestError} />
      <Stack gap="sm" maw={480}>
        {item.similar.length > 0 && (
          <Select label={t('registration.mergeInto')} data={item.similar.map((s) => ({ value: s.id, label: s.name }))} {...form.getInputProps('similarId')} withScrollArea={false} />
        )}
        <CityPicker value={other} onChange={setOther} label={t('registration.mergeOther')} />
        <Button {...form.submitProps}>{t('registration.mergeSubmit')}</Button>
      </Stack>
    </form>
  );
}

function DeclineForm({ item }: { item: PendingRegistration }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { reason: '' },
    schema: DeclineBody,
    toBody: (v) => ({ version: item.version, reason: v.reason }),
    mutation: useDecision('decline', item.id),
  });
  return (
    <form {...form.formProps} aria-label={t('registration.declineLabel', { name: item.name })}>
      <ProblemAlert error={form.requestError} />
      <Stack gap="sm" maw={480}>
        <Textarea label={t('registration.declineReason')} description={t('registration.declineReasonHint')} required autosize minRows={2} {...form.getInputProps('reason')} />
        <Button color="red" {...form.submitProps}>
          {t('registration.declineSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
