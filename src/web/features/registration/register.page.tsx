import { Alert, Anchor, Button, Checkbox, Fieldset, Paper, PasswordInput, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, isRegistrationCountry } from '../../../domain/reference/countries.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/account.schemas.ts';
import type { CitySummary, PlaceCandidate } from '../../../shared/city.schemas.ts';
import { SignUpBody, type CitySource } from '../../../shared/registration.schemas.ts';
import { CityPicker } from '../../components/city-picker.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { sortByDisplayedName, useCountryName } from '../../lib/format.ts';
import { useSiteInfo } from '../../lib/site.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { PlacePicker } from './place-picker.tsx';
import { useRegistrationSettings, useSignUp } from './registration.api.ts';
import '../../locales/lazy/registration.strings.ts';

export function RegisterPage() {
  const { t } = useTranslation();
  const settings = useRegistrationSettings();
  const [sentTo, setSentTo] = useState<string | null>(null);
  // The programme team's address, as every page shows it (GET /api/site).
  const contactEmail = useSiteInfo().data?.contactEmail ?? settings.data?.contactEmail ?? '';

  return (
    <Stack maw={640}>
      <PageTitle>{t('registration.title')}</PageTitle>
      {settings.isPending && <LoadingState />}
      {settings.isError && <ProblemAlert error={settings.error} />}
      {settings.data && !settings.data.open && (
        <Alert color="blue" variant="light" title={t('registration.closedTitle')}>
          {t('registration.closed')}{' '}
          <Anchor href={`mailto:${contactEmail}`} c="blue.9" underline="always">
            {contactEmail}
          </Anchor>
        </Alert>
      )}
      {settings.data?.open && sentTo && (
        <Alert color="green" variant="light" role="status" title={t('registration.sentTitle')}>
          {t('registration.sent', { email: sentTo })}
        </Alert>
      )}
      {settings.data?.open && !sentTo && (
        <>
          <Text>{t('registration.intro')}</Text>
          <Paper withBorder p="lg" radius="md">
            <SignUpForm onSent={setSentTo} privacyNoticeVersion={settings.data.privacyNoticeVersion} />
          </Paper>
        </>
      )}
      <Text size="sm">
        {t('registration.haveAccount')} <RouterAnchor to="/sign-in">{t('nav.signIn')}</RouterAnchor>
      </Text>
    </Stack>
  );
}

/** `privacyNoticeVersion`: the notice in force, which the person confirms reading (the server records it as their consent). */
function SignUpForm({ onSent, privacyNoticeVersion }: { onSent: (email: string) => void; privacyNoticeVersion: string }) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const [city, setCity] = useState<CitySummary | null>(null);
  const [place, setPlace] = useState<PlaceCandidate | null>(null);
  const form = useApiForm({
    initialValues: {
      name: '',
      email: '',
      password: '',
      citySource: 'registry' as CitySource,
      cityName: '',
      country: '',
      cityDescription: '',
      roleTitle: '',
      climateTargetYear: '',
      hasClimatePlan: false,
      covenantSignatory: false,
      privacyNoticeRead: false,
      website: '',
    },
    schema: SignUpBody,
    toBody: (v) => ({
      ...v,
      cityId: v.citySource === 'registry' ? (city?.id ?? null) : null,
      geonamesId: v.citySource === 'geonames' ? (place?.geonamesId ?? null) : null,
      climateTargetYear: v.climateTargetYear.trim() === '' ? null : Number(v.climateTargetYear),
      privacyNoticeVersion,
    }),
    mutation: useSignUp(),
    onSuccess: (_result, body) => onSent(body.email),
  });
  const countries = sortByDisplayedName(
    COUNTRIES.filter((c) => isRegistrationCountry(c.code)),
    (c) => countryName(c.code),
    i18n.language,
  );
  const source = form.values.citySource;

  return (
    <form {...form.formProps} aria-label={t('registration.formLabel')}>
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <PasswordInput
          label={t('fields.choosePassword')}
          description={t('fields.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
        />
        <Radio.Group label={t('registration.cityQuestion')} required {...form.getInputProps('citySource')}>
          <Stack gap="xs" mt="xs">
            <Radio value="registry" label={t('registration.source.registry')} />
            <Radio value="geonames" label={t('registration.source.geonames')} />
            <Radio value="unlisted" label={t('registration.source.unlisted')} />
          </Stack>
        </Radio.Group>
        {source === 'registry' && <CityPicker value={city} onChange={setCity} required error={form.errors.cityId} />}
        {source === 'geonames' && <PlacePicker value={place} onChange={setPlace} error={form.errors.geonamesId} />}
        {source === 'unlisted' && (
          <>
            <TextInput label={t('registration.cityName')} required {...form.getInputProps('cityName')} />
            <Select
              label={t('registration.country')}
              required
              searchable
              data={countries.map((c) => ({ value: c.code, label: countryName(c.code) }))}
              {...form.getInputProps('country')}
              withScrollArea={false}
              maxDropdownHeight={280}
            />
            <Textarea label={t('registration.cityDescription')} description={t('registration.cityDescriptionHint')} autosize minRows={2} {...form.getInputProps('cityDescription')} />
          </>
        )}
        <TextInput label={t('registration.roleTitle')} description={t('registration.roleTitleHint')} required {...form.getInputProps('roleTitle')} />
        <Fieldset legend={t('registration.commitment')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('registration.targetYear')} type="number" inputMode="numeric" {...form.getInputProps('climateTargetYear')} />
          </SimpleGrid>
          <Stack gap="xs" mt="sm">
            <Checkbox label={t('registration.hasClimatePlan')} {...form.getInputProps('hasClimatePlan', { type: 'checkbox' })} />
            <Checkbox label={t('registration.covenantSignatory')} {...form.getInputProps('covenantSignatory', { type: 'checkbox' })} />
          </Stack>
        </Fieldset>
        <Checkbox
          required
          label={
            <>
              {t('registration.privacyRead')} <RouterAnchor to="/privacy">{t('registration.privacyLink')}</RouterAnchor>
            </>
          }
          {...form.getInputProps('privacyNoticeRead', { type: 'checkbox' })}
        />
        {/* A honeypot: hidden from people and assistive technology; a filled one marks a robot (the server answers as usual and keeps nothing). */}
        <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
          <label>
            Website
            <input type="text" tabIndex={-1} autoComplete="off" {...form.getInputProps('website')} />
          </label>
        </div>
        <Button {...form.submitProps}>{t('registration.submit')}</Button>
      </Stack>
    </form>
  );
}
