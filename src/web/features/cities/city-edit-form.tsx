import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectorCode, UpdateCityBody, type CityProfile } from '../../../shared/city.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useUpdateCity } from './cities.api.ts';

/** The profile form for the city's representatives and programme managers; a stale edit is refused with 409. */
export function CityEditForm({ city, onDone }: { city: CityProfile; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCity(city.slug);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [name, setName] = useState(city.name);
  const [region, setRegion] = useState(city.region ?? '');
  const [population, setPopulation] = useState(city.population?.toString() ?? '');
  const [languages, setLanguages] = useState(city.languages.join(', '));
  const [target, setTarget] = useState(city.climateTargetYear?.toString() ?? '');
  const [sectors, setSectors] = useState<string[]>(city.sectorsOfInterest);
  const [profile, setProfile] = useState(city.profile);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const values = {
      version: city.version,
      name: name.trim(),
      region: region.trim() || null,
      population: population.trim() === '' ? null : Number(population),
      languages: languages.split(/[,;\s]+/).filter(Boolean),
      climateTargetYear: target.trim() === '' ? null : Number(target),
      sectorsOfInterest: sectors,
      profile,
    };
    const checked = validateWith(UpdateCityBody, values, t);
    if (!checked.ok) return setErrors(checked.errors);
    update.mutate(checked.data, { onSuccess: onDone, onError: (error) => setErrors(fieldErrorsOf(error)) });
  };
  const conflict = update.error instanceof ApiError && update.error.code === 'EDIT_CONFLICT';
  const firstError = (prefix: string) => Object.entries(errors).find(([k, v]) => v && (k === prefix || k.startsWith(`${prefix}.`)))?.[1];

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('cities.editTitle')}>
      {conflict ? (
        <Alert color="red" role="alert" title={t('errors.title')} mb="md">
          {t('cities.conflict')}
        </Alert>
      ) : (
        <ProblemAlert error={update.error} />
      )}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('cities.fields.name')} required value={name} onChange={(e) => { setName(e.currentTarget.value); clearError('name'); }} error={errors.name} />
          <TextInput label={t('cities.fields.region')} value={region} onChange={(e) => { setRegion(e.currentTarget.value); clearError('region'); }} error={errors.region} />
          <TextInput label={t('cities.fields.population')} type="number" min={0} value={population} onChange={(e) => { setPopulation(e.currentTarget.value); clearError('population'); }} error={errors.population} />
          <TextInput
            label={t('cities.fields.climateTargetYear')}
            type="number"
            value={target}
            onChange={(e) => { setTarget(e.currentTarget.value); clearError('climateTargetYear'); }}
            error={errors.climateTargetYear}
          />
          <TextInput
            label={t('cities.fields.languages')}
            description={t('cities.languagesHint')}
            value={languages}
            onChange={(e) => { setLanguages(e.currentTarget.value); clearError('languages'); }}
            error={firstError('languages')}
          />
        </SimpleGrid>
        <Checkbox.Group label={t('cities.fields.sectorsOfInterest')} value={sectors} onChange={setSectors} error={firstError('sectorsOfInterest')}>
          <Group gap="md" mt={4}>
            {SectorCode.options.map((code) => (
              <Checkbox key={code} value={code} label={t(`sectors.${code}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={t('cities.fields.profile')} autosize minRows={4} value={profile} onChange={(e) => { setProfile(e.currentTarget.value); clearError('profile'); }} error={errors.profile} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('cities.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
