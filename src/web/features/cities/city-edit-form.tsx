import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectorCode, UpdateCityBody, type CityProfile } from '../../../shared/city.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useUpdateCity } from './cities.api.ts';

const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

/** The profile form for the city's representatives and programme managers; a stale edit is refused with 409. */
export function CityEditForm({ city, onDone }: { city: CityProfile; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: {
      name: city.name,
      region: city.region ?? '',
      population: city.population?.toString() ?? '',
      languages: city.languages.join(', '),
      climateTargetYear: city.climateTargetYear?.toString() ?? '',
      sectorsOfInterest: city.sectorsOfInterest,
      profile: city.profile,
    },
    schema: UpdateCityBody,
    toBody: (v) => ({
      version: city.version,
      name: v.name.trim(),
      region: v.region.trim() || null,
      population: numberOrNull(v.population),
      languages: v.languages.split(/[,;\s]+/).filter(Boolean),
      climateTargetYear: numberOrNull(v.climateTargetYear),
      sectorsOfInterest: v.sectorsOfInterest,
      profile: v.profile,
    }),
    mutation: useUpdateCity(city.slug),
    onSuccess: onDone,
  });
  const conflict = form.requestError instanceof ApiError && form.requestError.code === 'EDIT_CONFLICT';

  return (
    <form {...form.formProps} aria-label={t('cities.editTitle')}>
      {conflict ? (
        <Alert color="red" role="alert" title={t('errors.title')} mb="md">
          {t('cities.conflict')}
        </Alert>
      ) : (
        <ProblemAlert error={form.requestError} />
      )}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('cities.fields.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('cities.fields.region')} {...form.getInputProps('region')} />
          <TextInput label={t('cities.fields.population')} type="number" min={0} {...form.getInputProps('population')} />
          <TextInput label={t('cities.fields.climateTargetYear')} type="number" {...form.getInputProps('climateTargetYear')} />
          <TextInput label={t('cities.fields.languages')} description={t('cities.languagesHint')} {...form.getInputProps('languages')} />
        </SimpleGrid>
        <Checkbox.Group label={t('cities.fields.sectorsOfInterest')} {...form.getInputProps('sectorsOfInterest')}>
          <Group gap="md" mt={4}>
            {SectorCode.options.map((code) => (
              <Checkbox key={code} value={code} label={t(`sectors.${code}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={t('cities.fields.profile')} autosize minRows={4} {...form.getInputProps('profile')} />
        <Group>
          <Button {...form.submitProps}>{t('cities.save')}</Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
