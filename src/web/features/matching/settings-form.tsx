import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingOverview, MatchingWeights } from '../../../shared/matching.schemas.ts';
import { UpdateMatchingSettingsBody } from '../../../shared/matching.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useSaveSettings } from './matching.api.ts';

const WEIGHT_KEYS = ['thematic', 'evaluation', 'likeness', 'language', 'travel'] as const;
type Value = number | string;
const num = (v: Value) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));
const optional = (v: Value) => (typeof v === 'string' && v.trim() === '' ? null : num(v));

/** Weights of the fit model and the solver's rules; the facilitators' languages and number of visits. */
export function SettingsForm({ overview, onSaved }: { overview: MatchingOverview; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSettings(overview.programme.slug);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const { settings } = overview;
  const [weights, setWeights] = useState<Record<keyof MatchingWeights, Value>>({ ...settings.weights });
  const [maxPerCountry, setMaxPerCountry] = useState<Value>(settings.rules.maxPerCountryPerHost ?? '');
  const [minScore, setMinScore] = useState<Value>(settings.rules.minScore ?? '');
  const [placeAll, setPlaceAll] = useState(settings.rules.placeAsManyAsPossible);
  const [facilitators, setFacilitators] = useState(overview.facilitators.map((f) => ({ personId: f.id, name: f.name, languages: f.languages.join(', '), maxVisits: f.maxVisits as Value })));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      version: settings.version,
      weights: Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, num(v)])),
      rules: {
        maxPerCountryPerHost: optional(maxPerCountry),
        minScore: optional(minScore),
        placeAsManyAsPossible: placeAll,
        facilitators: facilitators.map((f) => ({
          personId: f.personId,
          languages: f.languages
            .split(/[,\s]+/)
            .map((l) => l.trim().toLowerCase())
            .filter(Boolean),
          maxVisits: num(f.maxVisits),
        })),
      },
    };
    const checked = validateWith(UpdateMatchingSettingsBody, body, t);
    if (!checked.ok) return setErrors(checked.errors);
    save.mutate(checked.data, { onSuccess: onSaved, onError: (error) => setErrors(fieldErrorsOf(error)) });
  };

  const weightInput = (key: keyof MatchingWeights, max: number, suffix?: string) => (
    <NumberInput
      key={key}
      label={t(`matching.weights.${key}`)}
      description={t(`matching.weights.${key}Hint`)}
      min={0}
      max={max}
      value={weights[key]}
      {...(suffix ? { suffix } : {})}
      onChange={(v) => {
        setWeights((w) => ({ ...w, [key]: v }));
        clearError(`weights.${key}`);
      }}
      error={errors[`weights.${key}`]}
    />
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="matching-settings-title">
      <Title order={2} id="matching-settings-title" size="h3" mb="xs">
        {t('matching.settings.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('matching.settings.intro')}
      </Text>
      <ProblemAlert error={save.error} />
      <Stack gap="md">
        <fieldset className="matching-fieldset">
          <legend>{t('matching.settings.weights')}</legend>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {WEIGHT_KEYS.map((k) => weightInput(k, 100))}
            {weightInput('railThresholdKm', 5000, ' km')}
            {weightInput('travelCo2ReferenceKg', 10000, ' kg')}
          </SimpleGrid>
        </fieldset>
        <fieldset className="matching-fieldset">
          <legend>{t('matching.settings.rules')}</legend>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('matching.rules.maxPerCountryPerHost')}
              description={t('matching.rules.maxPerCountryPerHostHint')}
              min={1}
              max={20}
              allowDecimal={false}
              value={maxPerCountry}
              onChange={(v) => {
                setMaxPerCountry(v);
                clearError('rules.maxPerCountryPerHost');
              }}
              error={errors['rules.maxPerCountryPerHost']}
            />
            <NumberInput
              label={t('matching.rules.minScore')}
              description={t('matching.rules.minScoreHint')}
              min={0}
              max={500}
              value={minScore}
              onChange={(v) => {
                setMinScore(v);
                clearError('rules.minScore');
              }}
              error={errors['rules.minScore']}
            />
          </SimpleGrid>
          <Checkbox mt="md" label={t('matching.rules.placeAsManyAsPossible')} description={t('matching.rules.placeAsManyAsPossibleHint')} checked={placeAll} onChange={(e) => setPlaceAll(e.currentTarget.checked)} />
        </fieldset>
        {facilitators.length > 0 && (
          <fieldset className="matching-fieldset">
            <legend>{t('matching.settings.facilitators')}</legend>
            <Text size="sm" mb="xs">
              {t('matching.settings.facilitatorsIntro')}
            </Text>
            <Table.ScrollContainer minWidth={500}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('matching.facilitator.name')}</Table.Th>
                    <Table.Th scope="col">{t('matching.facilitator.languages')}</Table.Th>
                    <Table.Th scope="col">{t('matching.facilitator.maxVisits')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {facilitators.map((f, i) => (
                    <Table.Tr key={f.personId}>
                      <Table.Th scope="row">{f.name}</Table.Th>
                      <Table.Td>
                        <TextInput
                          aria-label={t('matching.facilitator.languagesOf', { name: f.name })}
                          value={f.languages}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setFacilitators((list) => list.map((x, j) => (j === i ? { ...x, languages: value } : x)));
                            clearError(`rules.facilitators.${i}.languages`);
                          }}
                          error={errors[`rules.facilitators.${i}.languages`] ?? errors[`rules.facilitators.${i}.languages.0`]}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t('matching.facilitator.maxVisitsOf', { name: f.name })}
                          min={0}
                          max={20}
                          allowDecimal={false}
                          value={f.maxVisits}
                          onChange={(v) => {
                            setFacilitators((list) => list.map((x, j) => (j === i ? { ...x, maxVisits: v } : x)));
                            clearError(`rules.facilitators.${i}.maxVisits`);
                          }}
                          error={errors[`rules.facilitators.${i}.maxVisits`]}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </fieldset>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('matching.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
