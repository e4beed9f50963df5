import { Alert, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Milestone, Programme, ProgrammeSettings } from '../../../shared/programme.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useProgramme, useUpdateProgramme } from './programmes.api.ts';

type NumberKey = 'hostCount' | 'visitorsPerHost' | 'visitorTargetYearMax' | 'maxDelegatesPerCity' | 'evaluatorsPerApplication' | 'visitLengthDays' | 'learningPhases';
const NUMBER_FIELDS: { key: NumberKey; min: number; max: number }[] = [
  { key: 'hostCount', min: 1, max: 500 },
  { key: 'visitorsPerHost', min: 1, max: 50 },
  { key: 'visitorTargetYearMax', min: 2025, max: 2100 },
  { key: 'maxDelegatesPerCity', min: 1, max: 20 },
  { key: 'evaluatorsPerApplication', min: 1, max: 10 },
  { key: 'visitLengthDays', min: 1, max: 10 },
  { key: 'learningPhases', min: 1, max: 12 },
];

/** /programmes/:slug/settings: numbers and dates, each changeable until the step it governs starts. */
export function ProgrammeSettingsPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  // Owned here, not by the form: a save re-mounts the form (new version) before its own callbacks would run.
  const update = useUpdateProgramme(slug);
  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    return (
      <>
        <PageTitle>{t('programmes.settings.titleFallback')}</PageTitle>
        <ProblemAlert error={programme.error} />
      </>
    );
  }
  // Re-mounted on a new version so the form starts from what was saved.
  return <SettingsForm key={programme.data.version} programme={programme.data} update={update} justSaved={update.isSuccess && update.data.version === programme.data.version} />;
}

function SettingsForm({ programme: p, update, justSaved }: { programme: Programme; update: ReturnType<typeof useUpdateProgramme>; justSaved: boolean }) {
  const { t } = useTranslation();
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [title, setTitle] = useState(p.title);
  const [numbers, setNumbers] = useState<Record<NumberKey, number | string>>(() => Object.fromEntries(NUMBER_FIELDS.map((f) => [f.key, p.settings[f.key]])) as Record<NumberKey, number>);
  const [requireGroups, setRequireGroups] = useState(p.settings.requireDiscussionGroups);
  const [milestones, setMilestones] = useState<Milestone[]>(p.milestones);
  const started = new Set(p.steps.filter((s) => s.status !== 'upcoming').map((s) => s.kind));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const settings: Partial<ProgrammeSettings> = {};
    for (const f of NUMBER_FIELDS) {
      const value = numbers[f.key];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < f.min || value > f.max) problems[`settings.${f.key}`] = t('programmes.settings.between', { min: f.min, max: f.max });
      else if (value !== p.settings[f.key]) settings[f.key] = value;
    }
    if (requireGroups !== p.settings.requireDiscussionGroups) settings.requireDiscussionGroups = requireGroups;
    for (const m of milestones) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(m.startsOn) || !/^\d{4}-\d{2}-\d{2}$/.test(m.endsOn)) problems[`milestones.${m.kind}`] = t('programmes.settings.dateFormat');
      else if (m.endsOn < m.startsOn) problems[`milestones.${m.kind}`] = t('programmes.settings.endsBeforeStart');
    }
    if (title.trim().length < 3) problems.title = t('validation.tooShort', { count: 3 });
    if (Object.keys(problems).length > 0) return setErrors(problems);
    update.mutate(
      { version: p.version, title: title.trim(), settings, milestones },
      { onError: (error) => setErrors(fieldErrorsOf(error)) },
    );
  };

  const setDate = (kind: Milestone['kind'], which: 'startsOn' | 'endsOn', value: string) => {
    setMilestones((list) => list.map((m) => (m.kind === kind ? { ...m, [which]: value } : m)));
    clearError(`milestones.${kind}`);
  };

  const error = update.error;
  const generalTimelineError = errors.milestones;
  return (
    <Stack gap="lg">
      <PageTitle>{t('programmes.settings.title', { programme: p.title })}</PageTitle>
      <RouterAnchor to={`/programmes/${p.slug}`} size="sm">
        {t('programmes.backToProgramme', { programme: p.title })}
      </RouterAnchor>
      <Text>{t('programmes.settings.intro')}</Text>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={t('programmes.settings.formLabel')}>
        <Stack gap="lg">
          {error instanceof ApiError && error.code === 'CONFLICT' ? (
            <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
              {t('programmes.settings.stale')}
            </Alert>
          ) : (
            error && (
              <Alert color="red" variant="light" role="alert" title={t('programmes.settings.refusedTitle')}>
                <Text size="sm">{t('programmes.settings.refused')}</Text>
                {error instanceof ApiError && error.fieldErrors.length > 0 && (
                  <ul>
                    {error.fieldErrors.map((e) => (
                      <li key={`${e.field}-${e.message}`}>
                        <Text size="sm">{e.message}</Text>
                      </li>
                    ))}
                  </ul>
                )}
              </Alert>
            )
          )}
          {justSaved && !update.error && (
            <Alert color="green" variant="light" role="status">
              {t('programmes.settings.saved')}
            </Alert>
          )}
          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h3" mb="sm">
              {t('programmes.settings.numbersTitle')}
            </Title>
            <Stack gap="md">
              <TextInput
                label={t('programmes.fields.title')}
                required
                value={title}
                onChange={(e) => {
                  setTitle(e.currentTarget.value);
                  clearError('title');
                }}
                error={errors.title}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {NUMBER_FIELDS.map((f) => (
                  <NumberInput
                    key={f.key}
                    label={t(`programmes.settingsFields.${f.key}`)}
                    description={t(`programmes.settingsHints.${f.key}`)}
                    required
                    min={f.min}
                    max={f.max}
                    allowDecimal={false}
                    value={numbers[f.key]}
                    onChange={(v) => {
                      setNumbers((n) => ({ ...n, [f.key]: v }));
                      clearError(`settings.${f.key}`);
                    }}
                    error={errors[`settings.${f.key}`]}
                  />
                ))}
              </SimpleGrid>
              <Checkbox
                label={t('programmes.settingsFields.requireDiscussionGroups')}
                checked={requireGroups}
                onChange={(e) => setRequireGroups(e.currentTarget.checked)}
                error={errors['settings.requireDiscussionGroups']}
              />
              <Text size="sm">{t('programmes.settings.timeZoneFixed', { timeZone: p.settings.timeZone })}</Text>
            </Stack>
          </Paper>
          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h3" mb="xs">
              {t('programmes.settings.datesTitle')}
            </Title>
            <Text size="sm" mb="sm">
              {t('programmes.settings.datesIntro', { timeZone: p.settings.timeZone })}
            </Text>
            {generalTimelineError && (
              <Text c="red.9" size="sm" mb="sm" role="alert">
                {generalTimelineError}
              </Text>
            )}
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('programmes.timeline.step')}</Table.Th>
                  <Table.Th scope="col">{t('programmes.timeline.from')}</Table.Th>
                  <Table.Th scope="col">{t('programmes.timeline.to')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {milestones.map((m) => {
                  const name = t(`programmes.milestones.${m.kind}`);
                  const frozen = started.has(m.kind);
                  const fieldError = errors[`milestones.${m.kind}`];
                  return (
                    <Table.Tr key={m.kind}>
                      <Table.Th scope="row">
                        {name}
                        {frozen && (
                          <Text size="xs" fw={400}>
                            {t('programmes.settings.started')}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>
                        <TextInput
                          type="date"
                          aria-label={t('programmes.settings.startsOn', { step: name })}
                          value={m.startsOn}
                          readOnly={frozen}
                          onChange={(e) => setDate(m.kind, 'startsOn', e.currentTarget.value)}
                          error={fieldError}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          type="date"
                          aria-label={t('programmes.settings.endsOn', { step: name })}
                          value={m.endsOn}
                          readOnly={frozen}
                          onChange={(e) => setDate(m.kind, 'endsOn', e.currentTarget.value)}
                          error={fieldError ? true : undefined}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('programmes.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
