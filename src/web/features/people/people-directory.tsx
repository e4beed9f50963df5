import { Anchor, Badge, Button, Group, NativeSelect, Paper, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFiltersInAddress } from '../../lib/filters-in-address.ts';
import { z } from 'zod';
import { PeopleQuery, PersonStatus, type Person } from '../../../shared/people.schemas.ts';
import { ROLES } from '../../../shared/roles.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime, useCountryName } from '../../lib/format.ts';
import { useRoleText } from '../../lib/role-text.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { usePeople, type DirectoryFilter } from './people.api.ts';

const PAGE_SIZE = 25;
const FILTER_KEYS = ['q', 'role', 'cityId', 'country', 'status'] as const;
type FilterValues = Record<(typeof FILTER_KEYS)[number], string>;

// The filters as the form holds them: '' is "any".
const FilterForm = z.object({ q: z.string().trim().max(100), role: z.string(), cityId: z.string(), country: z.string(), status: z.string() });

/** The filter in the address, so that the list survives a reload and the way back from a person's page. */
function filterOf(params: URLSearchParams): DirectoryFilter {
  const parsed = PeopleQuery.omit({ page: true, pageSize: true }).safeParse(Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : []))));
  return parsed.success ? parsed.data : {};
}

/** Everybody with an account, by name: search, filters, a page at a time, each person linked to their page. */
export function PeopleDirectory() {
  const { t } = useTranslation();
  const { params, page, update, clear } = useFiltersInAddress();
  const filter = filterOf(params);
  const people = usePeople(filter, page, PAGE_SIZE);
  const value = (key: (typeof FILTER_KEYS)[number]) => params.get(key) ?? '';
  const values: FilterValues = { q: value('q'), role: value('role'), cityId: value('cityId'), country: value('country'), status: value('status') };

  return (
    <>
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-labelledby="directory-filters">
        <Text id="directory-filters" fw={600} mb="sm">
          {t('people.directory.filters')}
        </Text>
        {/* Filled from the address; a new address (Clear, the way back) starts it afresh. */}
        <DirectoryFilters key={JSON.stringify(values)} values={values} cities={people.data?.cities ?? []} onApply={update} onClear={clear} />
      </Paper>
      {people.isPending && <LoadingState />}
      {people.isError && <ProblemAlert error={people.error} />}
      {people.isSuccess && people.data.total === 0 && <EmptyState title={t('people.directory.emptyTitle')} description={t('people.directory.emptyHint')} />}
      {people.isSuccess && people.data.total > 0 && (
        <>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={people.isPlaceholderData}>
            <Table.Caption>{t('people.directory.caption')}</Table.Caption>
            {/* Two columns on a phone: the last sign-in is on the person's page. */}
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.directory.columns.person')}</Table.Th>
                <Table.Th scope="col">{t('people.directory.columns.roles')}</Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t('people.directory.columns.lastSignIn')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.items.map((person) => (
                <PersonRow key={person.id} person={person} />
              ))}
            </Table.Tbody>
          </Table>
          <PaginationBar page={page} pageSize={PAGE_SIZE} total={people.data.total} onChange={(p) => update({ page: String(p) })} label={t('people.directory.pages')} />
        </>
      )}
    </>
  );
}

function PersonRow({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const roleText = useRoleText();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/admin/people/${person.id}`} fw={600} size="sm">
          {person.name}
        </Anchor>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {person.email}
        </Text>
        {person.deactivatedAt && <DeactivatedBadge />}
      </Table.Td>
      <Table.Td>
        {person.roles.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('people.directory.noRoles')}
          </Text>
        ) : (
          person.roles.map((grant) => (
            <Text size="sm" key={`${grant.role}:${grant.cityId ?? ''}`}>
              {roleText.one(grant.role, grant.cityName)}
              {grant.primaryContact && ` (${t('people.person.primaryContact')})`}
            </Text>
          ))
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">{person.lastSignInAt ? formatDateTime(person.lastSignInAt, i18n.language) : t('people.never')}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** A deactivated account, in words (a dark shade keeps AA contrast on the light badge). */
export function DeactivatedBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="red.9">
      {t('people.status.deactivated')}
    </Badge>
  );
}

function DirectoryFilters({
  values,
  cities,
  onApply,
  onClear,
}: {
  values: FilterValues;
  cities: readonly { id: string; name: string; country: string }[];
  onApply: (filter: Record<string, string | null>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const form = useApiForm({ initialValues: values, schema: FilterForm, onValid: (filter) => onApply({ ...filter }) });
  // On a phone the search comes first and the other filters open on request, so the people show without scrolling past them.
  const wide = useMediaQuery('(min-width: 48em)', true);
  const chosen = [values.role, values.cityId, values.country, values.status].filter(Boolean).length;
  const [more, setMore] = useState(chosen > 0);
  const countries = [...new Set(cities.map((city) => city.country))].map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => a.label.localeCompare(b.label));

  return (
    <form {...form.formProps} aria-label={t('people.directory.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <TextInput type="search" label={t('people.directory.search')} description={t('people.directory.searchHint')} {...form.getInputProps('q')} />
        {(wide || more) && (
          <>
            <NativeSelect
              label={t('people.directory.role')}
              {...form.getInputProps('role')}
              data={[{ value: '', label: t('people.directory.anyRole') }, ...ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))]}
            />
            <NativeSelect
              label={t('people.directory.status')}
              {...form.getInputProps('status')}
              data={[{ value: '', label: t('people.directory.anyStatus') }, ...PersonStatus.options.map((value) => ({ value, label: t(`people.status.${value}`) }))]}
            />
            <Select
              label={t('people.directory.city')}
              searchable
              clearable
              // Few enough options to show without scrolling (axe: scrollable-region-focusable); typing narrows them.
              limit={8}
              withScrollArea={false}
              {...form.getInputProps('cityId')}
              onChange={(id) => form.setFieldValue('cityId', id ?? '')}
              value={form.values.cityId || null}
              data={cities.map((city) => ({ value: city.id, label: `${city.name}, ${countryName(city.country)}` }))}
              clearButtonProps={{ 'aria-label': t('people.clearCity') }}
            />
            <NativeSelect label={t('people.directory.country')} {...form.getInputProps('country')} data={[{ value: '', label: t('people.directory.anyCountry') }, ...countries]} />
          </>
        )}
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit">{t('people.directory.apply')}</Button>
        {!wide && (
          <Button variant="subtle" onClick={() => setMore((open) => !open)} aria-expanded={more}>
            {more ? t('people.directory.fewerFilters') : t('people.directory.moreFilters', { count: chosen })}
          </Button>
        )}
        <Button variant="default" onClick={onClear}>
          {t('people.directory.clear')}
        </Button>
      </Group>
    </form>
  );
}
