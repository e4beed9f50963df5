import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceCandidate } from '../../../shared/city.schemas.ts';
import { useCountryName } from '../../lib/format.ts';
import { usePlaceSearch } from './registration.api.ts';
import '../../locales/lazy/registration.strings.ts';

/** Choose a GeoNames place by typing its name (cities of 5,000 people or more in the registry's countries). */
export function PlacePicker({
  value,
  onChange,
  error,
  required = true,
}: {
  value: PlaceCandidate | null;
  onChange: (place: PlaceCandidate | null) => void;
  error?: ReactNode;
  /** On the sign-up form; a manager placing a town GeoNames lacks does without. */
  required?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const [search, setSearch] = useState('');
  const labelOf = (p: PlaceCandidate) =>
    t('registration.placeOption', { city: p.name, country: countryName(p.country), population: p.population.toLocaleString(i18n.language) });
  const query = value && search === labelOf(value) ? '' : search;
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const places = usePlaceSearch(debounced);
  const found = (places.data?.items ?? []).slice(0, 8);
  const options = value && !found.some((p) => p.geonamesId === value.geonamesId) ? [value, ...found] : found;
  return (
    <Select
      label={t('registration.placeLabel')}
      description={t('registration.placeHint')}
      required={required}
      searchable
      clearable
      value={value ? String(value.geonamesId) : null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(options.find((p) => String(p.geonamesId) === id) ?? null)}
      data={options.map((p) => ({ value: String(p.geonamesId), label: labelOf(p) }))}
      filter={({ options: unfiltered }) => unfiltered}
      nothingFoundMessage={debounced.length < 2 ? t('registration.typeMore') : places.isFetching ? t('common.loading') : t('registration.noPlaceFound')}
      error={error}
      clearButtonProps={{ 'aria-label': t('registration.clearPlace') }}
      withScrollArea={false}
    />
  );
}
