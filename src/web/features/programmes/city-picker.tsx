import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitySummary } from '../../../shared/city.schemas.ts';
import { useCitySearch } from './programmes.api.ts';

// Few enough options to show without scrolling: a scrolling list inside a
// combobox cannot take keyboard focus (axe: scrollable-region-focusable).
const SHOWN_MATCHES = 8;

/** Choose one city by typing part of its name; the server searches. */
export function CityPicker({ value, onChange, label }: { value: CitySummary | null; onChange: (city: CitySummary | null) => void; label: string }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const countryNames = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'region' }), [i18n.language]);
  const labelOf = (city: CitySummary) => t('people.cityOption', { city: city.name, country: countryNames.of(city.country) ?? city.country, kind: t(`cityKinds.${city.kind}`) });
  const query = value && search === labelOf(value) ? '' : search;
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const cities = useCitySearch(debounced, SHOWN_MATCHES);
  const found = cities.data?.items ?? [];
  const options = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      label={label}
      description={t('people.cityHint')}
      searchable
      clearable
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      data={options.map((c) => ({ value: c.id, label: labelOf(c) }))}
      filter={({ options: unfiltered }) => unfiltered}
      nothingFoundMessage={cities.isFetching ? t('common.loading') : t('people.noCityFound')}
      clearButtonProps={{ 'aria-label': t('people.clearCity') }}
      withScrollArea={false}
    />
  );
}
