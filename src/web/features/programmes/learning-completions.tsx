import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitySummary } from '../../../shared/city.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { CityPicker } from '../../components/city-picker.tsx';
import { useEligibility, useMarkLearning } from './programmes.api.ts';

/**
 * Until the discussion groups record every city's learning phases, a
 * programme manager can mark a city as having completed them (or take the
 * mark back); the city's eligibility for the visitor call is shown after.
 */
export function LearningCompletions({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [city, setCity] = useState<CitySummary | null>(null);
  const mark = useMarkLearning(slug);
  const eligibility = useEligibility(slug, 'visitor', city?.id ?? null);
  const [done, setDone] = useState<'marked' | 'unmarked' | null>(null);

  const act = (completed: boolean) => {
    if (!city) return;
    setDone(null);
    mark.mutate({ cityId: city.id, completed }, { onSuccess: () => setDone(completed ? 'marked' : 'unmarked') });
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="learning-heading">
      <Title order={2} size="h3" id="learning-heading" mb="xs">
        {t('programmes.learning.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('programmes.learning.intro')}
      </Text>
      <Stack gap="md">
        <CityPicker
          label={t('fields.city')}
          value={city}
          onChange={(c) => {
            setCity(c);
            setDone(null);
            mark.reset();
          }}
        />
        <ProblemAlert error={mark.error} />
        {done && city && (
          <Alert color="green" variant="light" role="status">
            {t(done === 'marked' ? 'programmes.learning.marked' : 'programmes.learning.unmarked', { city: city.name })}
          </Alert>
        )}
        {city && (
          <>
            <Group>
              <Button onClick={() => act(true)} loading={mark.isPending && mark.variables.completed}>
                {t('programmes.learning.mark', { city: city.name })}
              </Button>
              <Button variant="default" onClick={() => act(false)} loading={mark.isPending && !mark.variables.completed}>
                {t('programmes.learning.unmark', { city: city.name })}
              </Button>
            </Group>
            {eligibility.isPending && <LoadingState />}
            {eligibility.isError && <ProblemAlert error={eligibility.error} />}
            {eligibility.isSuccess && (
              <div>
                <Text size="sm" fw={600}>
                  {eligibility.data.eligible ? t('programmes.eligibility.eligible', { city: eligibility.data.cityName }) : t('programmes.eligibility.notEligible', { city: eligibility.data.cityName })}
                </Text>
                {eligibility.data.reasons.length > 0 && (
                  <List size="sm">
                    {eligibility.data.reasons.map((r) => (
                      <List.Item key={r}>{r}</List.Item>
                    ))}
                  </List>
                )}
              </div>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
