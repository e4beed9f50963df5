import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitySummary } from '../../shared/city.schemas.ts';
import { useCitySearch } from '../lib/city-search.ts';
import { useCountryName } from '../lib/format.ts';

// Few enough options to show without scrolling: a scrolling list inside a
// combobox cannot take keyboard focus (axe: scrollable-region-focusable), and
// typing more of the name is quicker than scrolling anyway.
const SHOWN_MATCHES = 8;

interface CityPickerProps {
  value: CitySummary | null;
  onChange: (city: CitySummary | null) => void;
  /** "City" unless the page says what the city is for. */
  label?: string;
  required?: boolean;
  error?: ReactNode;
}

/**
 * Choose one city by typing part of its name; the server searches (there may
 * be thousands of cities), so the list is never filtered a second time here.
 */
export function CityPicker({ value, onChange, label, required, error }: CityPickerProps) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const [search, setSearch] = useState('');
  const labelOf = (city: CitySummary) => t('people.cityOption', { city: city.name, country: countryName(city.country), kind: t(`cityKinds.${city.kind}`) });

  // Once a city is chosen the input shows its label; that is not a new search.
  const query = value && search === labelOf(value) ? '' : search;
  const [debouncedQuery] = useDebouncedValue(query.trim(), 250);
  const cities = useCitySearch(debouncedQuery, SHOWN_MATCHES);

  const found = cities.data?.items ?? [];
  // The chosen city stays among the options even when a later search does not return it.
  const options = value && !found.some((city) => city.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      label={label ?? t('fields.city')}
      description={t('people.cityHint')}
      required={required}
      searchable
      clearable
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(options.find((city) => city.id === id) ?? null)}
      data={options.map((city) => ({ value: city.id, label: labelOf(city) }))}
      filter={({ options: unfiltered }) => unfiltered}
      nothingFoundMessage={cities.isFetching ? t('common.loading') : t('people.noCityFound')}
      error={error}
      clearButtonProps={{ 'aria-label': t('people.clearCity') }}
      withScrollArea={false}
    />
  );
}
