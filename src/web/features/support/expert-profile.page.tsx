import { Alert, Button, CloseButton, Group, MultiSelect, NumberInput, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../../domain/reference/countries.ts';
import { type CitySummary } from '../../../shared/city.schemas.ts';
import { UpdateExpertProfile, WEEKLY_CAPACITY_MAX, type ExpertProfile } from '../../../shared/support.schemas.ts';
import { CityPicker } from '../../components/city-picker.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { displayName } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { languageOptions } from './support-format.tsx';
import { LeverCheckboxes, SectorCheckboxes } from './topic-checkboxes.tsx';
import { useExpertProfile, useSaveExpertProfile } from './support.api.ts';
import '../../locales/lazy/support.strings.ts';

/** /account/expert-profile: what the expert knows, the languages and countries they work in, their weekly capacity, their conflicts. */
export function ExpertProfilePage() {
  const { t } = useTranslation();
  const profile = useExpertProfile();
  // Outside the form: the form starts again after a save (its key), the notice stays until the next edit.
  const [savedNotice, setSavedNotice] = useState(false);
  return (
    <Stack maw={760}>
      <PageTitle>{t('support.profile.title')}</PageTitle>
      <Text>{t('support.profile.intro')}</Text>
      {profile.isPending && <LoadingState />}
      {profile.isError && <ProblemAlert error={profile.error} />}
      {/* Keyed by version: a save starts the form again from what was saved. */}
      {profile.data && <ProfileForm key={profile.data.version} saved={profile.data} done={savedNotice} setDone={setSavedNotice} />}
    </Stack>
  );
}

interface Values {
  sectors: string[];
  levers: string[];
  languages: string[];
  countries: string[];
  weeklyCapacity: number | string;
  conflictCityIds: string[];
  bio: string;
}

function ProfileForm({ saved, done, setDone }: { saved: ExpertProfile & { version: number }; done: boolean; setDone: (done: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Names of the cities chosen here; those saved before are known by id only (the profile stores ids).
  const [cityNames, setCityNames] = useState<Record<string, string>>({});
  const form = useApiForm({
    initialValues: {
      sectors: saved.sectors,
      levers: saved.levers,
      languages: saved.languages,
      countries: saved.countries,
      weeklyCapacity: saved.weeklyCapacity,
      conflictCityIds: saved.conflictCityIds,
      bio: saved.bio,
    } satisfies Values as Values,
    schema: UpdateExpertProfile,
    toBody: (v) => ({ ...v, weeklyCapacity: typeof v.weeklyCapacity === 'number' ? v.weeklyCapacity : Number.NaN, bio: v.bio.trim(), version: saved.version }) as Partial<UpdateExpertProfile>,
    mutation: useSaveExpertProfile(),
    onSuccess: () => setDone(true),
    onEdit: () => setDone(false),
    warnOnLeave: true,
  });

  const addConflict = (city: CitySummary | null) => {
    if (!city || form.values.conflictCityIds.includes(city.id)) return;
    setCityNames((names) => ({ ...names, [city.id]: city.name }));
    form.setFieldValue('conflictCityIds', [...form.values.conflictCityIds, city.id]);
    setDone(false);
  };
  const removeConflict = (id: string) => {
    form.setFieldValue(
      'conflictCityIds',
      form.values.conflictCityIds.filter((x) => x !== id),
    );
    setDone(false);
  };
  const countryOptions = COUNTRY_CODES.map((code) => ({ value: code, label: displayName(code, 'region', lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));

  return (
    <form {...form.formProps} aria-label={t('support.profile.label')}>
      <Stack gap="md">
        <ProblemAlert error={form.requestError} />
        <SectorCheckboxes label={t('support.profile.sectors')} {...form.getInputProps('sectors')} />
        <LeverCheckboxes label={t('support.profile.levers')} {...form.getInputProps('levers')} />
        <MultiSelect
          label={t('support.profile.languages')}
          required
          searchable
          maxValues={12}
          data={languageOptions(lang, (name, code) => t('support.languageOption', { name, code }), form.values.languages)}
          withScrollArea={false}
          {...form.getInputProps('languages')}
        />
        <MultiSelect
          label={t('support.profile.countries')}
          description={t('support.profile.countriesHint')}
          searchable
          maxValues={50}
          data={countryOptions}
          withScrollArea={false}
          {...form.getInputProps('countries')}
        />
        <NumberInput
          label={t('support.profile.capacity')}
          description={t('support.profile.capacityHint', { max: WEEKLY_CAPACITY_MAX })}
          required
          min={0}
          max={WEEKLY_CAPACITY_MAX}
          allowDecimal={false}
          allowNegative={false}
          w={200}
          {...form.getInputProps('weeklyCapacity')}
        />
        <Stack gap="xs" data-path="conflictCityIds">
          <Text fw={500} size="sm" id="conflicts-label">
            {t('support.profile.conflicts')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('support.profile.conflictsHint')}
          </Text>
          {form.values.conflictCityIds.length > 0 && (
            <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-labelledby="conflicts-label">
              {form.values.conflictCityIds.map((id) => {
                const name = cityNames[id] ?? t('support.profile.unknownCity');
                return (
                  <Paper component="li" key={id} withBorder radius="xl" px="sm" py={2}>
                    <Group gap={4}>
                      <Text size="sm">{name}</Text>
                      <CloseButton size="sm" aria-label={t('support.profile.removeConflict', { city: name })} onClick={() => removeConflict(id)} />
                    </Group>
                  </Paper>
                );
              })}
            </Group>
          )}
          <CityPicker value={null} onChange={addConflict} label={t('support.profile.addConflict')} error={form.errors.conflictCityIds} />
        </Stack>
        <Textarea label={t('support.profile.bio')} description={t('support.profile.bioHint')} autosize minRows={3} maxLength={1000} {...form.getInputProps('bio')} />
        {done && (
          <Alert color="green" variant="light" role="status">
            {t('support.profile.saved')}
          </Alert>
        )}
        <Group>
          <Button {...form.submitProps}>{t('support.profile.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
