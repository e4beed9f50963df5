import { MultiSelect, NativeSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAudience } from '../../../shared/survey.schemas.ts';
import { useCitySearch } from '../../lib/city-search.ts';
import { displayName } from '../../lib/format.ts';
import { surveyDay } from './survey-format.tsx';
import { useGroupChoice, useProgrammeChoices, useProgrammeGroupChoices, useProgrammeVisitChoices, useVisitChoice } from './surveys.api.ts';
import '../../locales/lazy/surveys.strings.ts';

export const AUDIENCE_KINDS = ['all-cities', 'aspiring-cities', 'mission-cities', 'programme-applicants', 'group-members', 'visit-participants', 'experts', 'list'] as const satisfies readonly SurveyAudience['kind'][];

interface AudiencePickerProps {
  value: SurveyAudience;
  onChange: (audience: SurveyAudience) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** Who is asked: a kind, and for some kinds the programme, group, visit or cities it names (from the platform's own lists). */
export function AudiencePicker({ value, onChange, error, disabled = false }: AudiencePickerProps) {
  const { t } = useTranslation();
  const setKind = (kind: SurveyAudience['kind']) => {
    if (kind === value.kind) return;
    // The ids a kind needs are picked next; until then the audience is incomplete and saving says so.
    const next: SurveyAudience =
      kind === 'programme-applicants' ? { kind, programmeId: '' } : kind === 'group-members' ? { kind, groupId: '' } : kind === 'visit-participants' ? { kind, visitId: '' } : kind === 'list' ? { kind, cityIds: [], personIds: [] } : { kind };
    onChange(next);
  };
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('surveys.audience.label')}
        description={t(`surveys.audience.hints.${value.kind}`)}
        value={value.kind}
        disabled={disabled}
        onChange={(e) => setKind(e.currentTarget.value as SurveyAudience['kind'])}
        data={AUDIENCE_KINDS.map((kind) => ({ value: kind, label: t(`surveys.audience.kinds.${kind}`) }))}
        error={value.kind === 'all-cities' || value.kind === 'aspiring-cities' || value.kind === 'mission-cities' || value.kind === 'experts' ? error : undefined}
      />
      {value.kind === 'programme-applicants' && <ProgrammeSelect value={value.programmeId || null} onChange={(id) => onChange({ kind: value.kind, programmeId: id ?? '' })} label={t('surveys.audience.programme')} error={error} disabled={disabled} required />}
      {value.kind === 'group-members' && <GroupPicker groupId={value.groupId || null} onChange={(id) => onChange({ kind: value.kind, groupId: id ?? '' })} error={error} disabled={disabled} />}
      {value.kind === 'visit-participants' && <VisitPicker visitId={value.visitId || null} onChange={(id) => onChange({ kind: value.kind, visitId: id ?? '' })} error={error} disabled={disabled} />}
      {value.kind === 'list' && <CityListPicker cityIds={value.cityIds} onChange={(cityIds) => onChange({ ...value, cityIds })} error={error} disabled={disabled} />}
      {value.kind === 'list' && value.personIds.length > 0 && (
        <Text size="sm" c="dark.6">
          {t('surveys.audience.listPeople', { count: value.personIds.length })}
        </Text>
      )}
    </Stack>
  );
}

/** A programme by its id (newest first). */
export function ProgrammeSelect({ value, onChange, label, description, error, disabled, required, clearable }: { value: string | null; onChange: (id: string | null) => void; label: string; description?: string; error?: string | undefined; disabled?: boolean; required?: boolean; clearable?: boolean }) {
  const { t } = useTranslation();
  const programmes = useProgrammeChoices();
  const data = (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.title} (${p.editionYear})` }));
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable={clearable}
      required={required}
      disabled={disabled}
      error={error}
      nothingFoundMessage={programmes.isPending ? t('common.loading') : t('surveys.audience.noProgramme')}
      clearButtonProps={{ 'aria-label': t('surveys.audience.clearProgramme') }}
    />
  );
}

/** A programme by its slug, to list its groups or visits. */
function ProgrammeSlugSelect({ value, onChange, disabled }: { value: string | null; onChange: (slug: string | null) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const programmes = useProgrammeChoices();
  return (
    <Select
      label={t('surveys.audience.programme')}
      data={(programmes.data?.items ?? []).map((p) => ({ value: p.slug, label: `${p.title} (${p.editionYear})` }))}
      value={value}
      onChange={onChange}
      searchable
      disabled={disabled}
      nothingFoundMessage={programmes.isPending ? t('common.loading') : t('surveys.audience.noProgramme')}
    />
  );
}

function GroupPicker({ groupId, onChange, error, disabled }: { groupId: string | null; onChange: (id: string | null) => void; error?: string | undefined; disabled: boolean }) {
  const { t } = useTranslation();
  const saved = useGroupChoice(groupId);
  const [picked, setPicked] = useState<string | null>(null);
  const slug = picked ?? saved.data?.programmeSlug ?? null;
  const groups = useProgrammeGroupChoices(slug);
  return (
    <>
      <ProgrammeSlugSelect value={slug} onChange={(s) => { setPicked(s); onChange(null); }} disabled={disabled} />
      <Select
        label={t('surveys.audience.group')}
        required
        data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: t('surveys.audience.groupOption', { name: g.name, admitted: g.admitted }) }))}
        value={groupId}
        onChange={onChange}
        searchable
        disabled={disabled || slug === null}
        error={error}
        nothingFoundMessage={groups.isFetching ? t('common.loading') : t('surveys.audience.noGroup')}
      />
    </>
  );
}

function VisitPicker({ visitId, onChange, error, disabled }: { visitId: string | null; onChange: (id: string | null) => void; error?: string | undefined; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const saved = useVisitChoice(visitId);
  const [picked, setPicked] = useState<string | null>(null);
  const slug = picked ?? saved.data?.programmeSlug ?? null;
  const visits = useProgrammeVisitChoices(slug);
  const labelOf = (v: { host: { name: string }; visitors: { name: string }[]; startsOn: string | null }) =>
    t('surveys.audience.visitOption', { host: v.host.name, visitors: v.visitors.map((c) => c.name).join(', '), date: v.startsOn ? surveyDay(v.startsOn, i18n.language) : t('surveys.audience.visitNoDate') });
  return (
    <>
      <ProgrammeSlugSelect value={slug} onChange={(s) => { setPicked(s); onChange(null); }} disabled={disabled} />
      <Select
        label={t('surveys.audience.visit')}
        required
        data={(visits.data?.items ?? []).map((v) => ({ value: v.id, label: labelOf(v) }))}
        value={visitId}
        onChange={onChange}
        searchable
        disabled={disabled || slug === null}
        error={error}
        nothingFoundMessage={visits.isFetching ? t('common.loading') : t('surveys.audience.noVisit')}
      />
    </>
  );
}

/** Named cities: the server searches as the manager types; the chosen ones stay listed. */
function CityListPicker({ cityIds, onChange, error, disabled }: { cityIds: string[]; onChange: (ids: string[]) => void; error?: string | undefined; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const cities = useCitySearch(debounced, 8);
  const found = (cities.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${displayName(c.country, 'region', i18n.language)})` }));
  const chosen = cityIds.filter((id) => !found.some((c) => c.value === id)).map((id) => ({ value: id, label: known[id] ?? t('surveys.audience.cityChosenEarlier') }));
  const data = [...chosen, ...found];
  return (
    <MultiSelect
      label={t('surveys.audience.cities')}
      description={t('surveys.audience.citiesHint')}
      data={data}
      value={cityIds}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(ids) => {
        setKnown((current) => ({ ...current, ...Object.fromEntries(data.filter((c) => ids.includes(c.value)).map((c) => [c.value, c.label])) }));
        onChange(ids);
      }}
      disabled={disabled}
      error={error}
      nothingFoundMessage={cities.isFetching ? t('common.loading') : t('surveys.audience.noCity')}
      withScrollArea={false}
    />
  );
}
