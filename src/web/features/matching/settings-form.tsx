import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchingOverview, MatchingWeights } from '../../../shared/matching.schemas.ts';
import { DEFAULT_PRIORITIES_WEIGHT, UpdateMatchingSettingsBody } from '../../../shared/matching.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useSaveSettings } from './matching.api.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import '../../locales/lazy/matching.strings.ts';

const WEIGHT_KEYS = ['thematic', 'evaluation', 'likeness', 'language', 'travel', 'priorities'] as const;
type Value = number | string;
const num = (v: Value) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));
const optional = (v: Value) => (typeof v === 'string' && v.trim() === '' ? null : num(v));

// Number inputs hold '' while empty; the schema says what is missing or wrong.
interface Values {
  weights: Record<keyof Required<MatchingWeights>, Value>;
  rules: {
    maxPerCountryPerHost: Value;
    minScore: Value;
    placeAsManyAsPossible: boolean;
    facilitators: { personId: string; name: string; languages: string; maxVisits: Value }[];
  };
}

/** Weights of the fit model and the solver's rules; the facilitators' languages and number of visits. */
export function SettingsForm({ overview, onSaved }: { overview: MatchingOverview; onSaved: () => void }) {
  const { t } = useTranslation();
  const { settings } = overview;
  // Shaped like the request body, so the server's field paths name these fields.
  const form = useApiForm<Values, typeof UpdateMatchingSettingsBody, unknown>({
    initialValues: {
      weights: { ...settings.weights, priorities: settings.weights.priorities ?? DEFAULT_PRIORITIES_WEIGHT },
      rules: {
        maxPerCountryPerHost: settings.rules.maxPerCountryPerHost ?? '',
        minScore: settings.rules.minScore ?? '',
        placeAsManyAsPossible: settings.rules.placeAsManyAsPossible,
        facilitators: overview.facilitators.map((f) => ({ personId: f.id, name: f.name, languages: f.languages.join(', '), maxVisits: f.maxVisits })),
      },
    },
    schema: UpdateMatchingSettingsBody,
    toBody: ({ weights, rules }) => ({
      version: settings.version,
      weights: {
        thematic: num(weights.thematic),
        evaluation: num(weights.evaluation),
        likeness: num(weights.likeness),
        language: num(weights.language),
        travel: num(weights.travel),
        priorities: num(weights.priorities),
        railThresholdKm: num(weights.railThresholdKm),
        travelCo2ReferenceKg: num(weights.travelCo2ReferenceKg),
      },
      rules: {
        maxPerCountryPerHost: optional(rules.maxPerCountryPerHost),
        minScore: optional(rules.minScore),
        placeAsManyAsPossible: rules.placeAsManyAsPossible,
        facilitators: rules.facilitators.map((f) => ({
          personId: f.personId,
          languages: f.languages
            .split(/[,\s]+/)
            .map((l) => l.trim().toLowerCase())
            .filter(Boolean),
          maxVisits: num(f.maxVisits),
        })),
      },
    }),
    mutation: useSaveSettings(overview.programme.slug),
    onSuccess: onSaved,
  });
  const facilitators = form.values.rules.facilitators;

  const weightInput = (key: keyof Required<MatchingWeights>, max: number, suffix?: string) => (
    <NumberInput key={key} label={t(`matching.weights.${key}`)} description={t(`matching.weights.${key}Hint`)} min={0} max={max} {...(suffix ? { suffix } : {})} {...form.getInputProps(`weights.${key}`)} />
  );

  return (
    <form {...form.formProps} aria-labelledby="matching-settings-title">
      <Title order={2} id="matching-settings-title" size="h3" mb="xs">
        {t('matching.settings.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('matching.settings.intro')}
      </Text>
      <ProblemAlert error={form.requestError} />
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
              {...form.getInputProps('rules.maxPerCountryPerHost')}
            />
            <NumberInput
              label={t('matching.rules.minScore')}
              description={t('matching.rules.minScoreHint')}
              min={0}
              max={500}
              {...form.getInputProps('rules.minScore')}
            />
          </SimpleGrid>
          <Checkbox
            mt="md"
            label={t('matching.rules.placeAsManyAsPossible')}
            description={t('matching.rules.placeAsManyAsPossibleHint')}
            {...form.getInputProps('rules.placeAsManyAsPossible', { type: 'checkbox' })}
          />
        </fieldset>
        {facilitators.length > 0 && (
          <fieldset className="matching-fieldset">
            <legend>{t('matching.settings.facilitators')}</legend>
            <Text size="sm" mb="xs">
              {t('matching.settings.facilitatorsIntro')}
            </Text>
            <ScrollRegion label={t('matching.settings.facilitators')}>
              <Table miw={500}>
                <ColumnHeads labels={[t('matching.facilitator.name'), t('matching.facilitator.languages'), t('matching.facilitator.maxVisits')]} />
                <Table.Tbody>
                  {facilitators.map((f, i) => (
                    <Table.Tr key={f.personId}>
                      <Table.Th scope="row">{f.name}</Table.Th>
                      <Table.Td>
                        <TextInput
                          aria-label={t('matching.facilitator.languagesOf', { name: f.name })}
                          {...form.getInputProps(`rules.facilitators.${i}.languages`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t('matching.facilitator.maxVisitsOf', { name: f.name })}
                          min={0}
                          max={20}
                          allowDecimal={false}
                          {...form.getInputProps(`rules.facilitators.${i}.maxVisits`)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </fieldset>
        )}
        <Group>
          <Button {...form.submitProps}>{t('matching.settings.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
