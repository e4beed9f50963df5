import { Alert, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { daysWithoutVisitsProblems } from '../../../domain/programmes/programme-template.ts';
import { UpdateProgrammeBody, type Programme, type ProgrammeSettings } from '../../../shared/programme.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useProgramme, useUpdateProgramme } from './programmes.api.ts';
import { PageProblem } from '../../components/page-problem.tsx';

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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Days as rows ({ day }) so that a message about one day lands on its own field.
const settingsOf = (settings: ProgrammeSettings): Record<NumberKey, number | string> & { daysWithoutVisits: { day: string }[] } => ({
  daysWithoutVisits: settings.daysWithoutVisits.map((day) => ({ day })),
  hostCount: settings.hostCount,
  visitorsPerHost: settings.visitorsPerHost,
  visitorTargetYearMax: settings.visitorTargetYearMax,
  maxDelegatesPerCity: settings.maxDelegatesPerCity,
  evaluatorsPerApplication: settings.evaluatorsPerApplication,
  visitLengthDays: settings.visitLengthDays,
  learningPhases: settings.learningPhases,
});

/** /programmes/:slug/settings: numbers and dates, each field saying whether it can still change and why not. */
export function ProgrammeSettingsPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  // Owned here, not by the form: a save re-mounts the form (new version) before its own callbacks would run.
  const update = useUpdateProgramme(slug);
  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    return (
      <PageProblem title={t('programmes.settings.titleFallback')} error={programme.error} />
    );
  }
  // Re-mounted on a new version so the form starts from what was saved.
  return <SettingsForm key={programme.data.version} programme={programme.data} update={update} justSaved={update.isSuccess && update.data.version === programme.data.version} />;
}

function SettingsForm({ programme: p, update, justSaved }: { programme: Programme; update: ReturnType<typeof useUpdateProgramme>; justSaved: boolean }) {
  const { t } = useTranslation();
  // What can no longer change, and why (the server's rules; it checks them again).
  const locks = new Map(p.locks.map((l) => [l.field, reasonText(l.reason)]));
  const started = new Set(p.steps.filter((s) => s.status !== 'upcoming').map((s) => s.kind));
  const form = useApiForm({
    initialValues: { title: p.title, settings: settingsOf(p.settings), requireDiscussionGroups: p.settings.requireDiscussionGroups, milestones: p.milestones },
    schema: UpdateProgrammeBody,
    // Only what changed: the server refuses changes to steps that have started.
    toBody: (v) => {
      const settings: Partial<ProgrammeSettings> = {};
      for (const f of NUMBER_FIELDS) {
        const value = v.settings[f.key];
        if (value !== p.settings[f.key]) settings[f.key] = typeof value === 'number' ? value : Number.NaN;
      }
      if (v.requireDiscussionGroups !== p.settings.requireDiscussionGroups) settings.requireDiscussionGroups = v.requireDiscussionGroups;
      const days = v.settings.daysWithoutVisits.map((d) => d.day);
      if (days.join() !== p.settings.daysWithoutVisits.join()) settings.daysWithoutVisits = days;
      return { version: p.version, title: v.title.trim(), settings, milestones: v.milestones };
    },
    validate: (v) => {
      const problems: Record<string, string> = {};
      for (const f of NUMBER_FIELDS) {
        const value = v.settings[f.key];
        if (typeof value !== 'number' || !Number.isInteger(value) || value < f.min || value > f.max) problems[`settings.${f.key}`] = t('programmes.settings.between', { min: f.min, max: f.max });
      }
      v.milestones.forEach((m, i) => {
        if (!DATE.test(m.startsOn) || !DATE.test(m.endsOn)) problems[`milestones.${i}`] = t('programmes.settings.dateFormat');
        else if (m.endsOn < m.startsOn) problems[`milestones.${i}`] = t('programmes.settings.endsBeforeStart');
      });
      // The server's own rule (a day outside the visits period would keep no visit away); the schema checks the dates.
      const days = v.settings.daysWithoutVisits.map((d) => d.day);
      for (const problem of daysWithoutVisitsProblems(days, v.milestones)) problems[`settings.daysWithoutVisits.${problem.index}`] ??= reasonText(problem.reason);
      return problems;
    },
    // A step's two dates share one message.
    fieldOf: (path) => path.replace(/^(milestones\.\d+)\..*$/, '$1'),
    mutation: update,
    warnOnLeave: true,
  });

  const error = update.error;
  const generalTimelineError = form.errors.milestones;
  return (
    <Stack gap="lg">
      <PageTitle>{t('programmes.settings.title', { programme: p.title })}</PageTitle>
      <RouterAnchor to={`/programmes/${p.slug}`} size="sm">
        {t('programmes.backToProgramme', { programme: p.title })}
      </RouterAnchor>
      <Text>{t('programmes.settings.intro')}</Text>
      <form {...form.formProps} aria-label={t('programmes.settings.formLabel')}>
        <Stack gap="lg">
          {error instanceof ApiError && error.reason?.code === 'PROGRAMME_STALE' ? (
            <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
              {t('programmes.settings.stale')}
            </Alert>
          ) : error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? (
            <Alert color="red" variant="light" role="alert" title={t('programmes.settings.refusedTitle')}>
              <Text size="sm">{t('programmes.settings.refused')}</Text>
              <ul>
                {error.fieldErrors.map((e) => (
                  <li key={`${e.field}-${e.message}`}>
                    <Text size="sm">{e.reason ? reasonText(e.reason) : e.message}</Text>
                  </li>
                ))}
              </ul>
            </Alert>
          ) : (
            <ProblemAlert error={error} />
          )}
          {p.publishedAt === null && (
            <Alert color="blue" variant="light" c="dark.9">
              {t('programmes.settings.draftFree')}
            </Alert>
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
                {...form.getInputProps('title')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {NUMBER_FIELDS.map((f) => {
                  const locked = locks.get(`settings.${f.key}`);
                  return (
                    <NumberInput
                      key={f.key}
                      label={t(`programmes.settingsFields.${f.key}`)}
                      description={locked ?? t(`programmes.settingsHints.${f.key}`)}
                      required
                      readOnly={locked !== undefined}
                      min={f.min}
                      max={f.max}
                      allowDecimal={false}
                      {...form.getInputProps(`settings.${f.key}`)}
                    />
                  );
                })}
              </SimpleGrid>
              <Checkbox
                label={t('programmes.settingsFields.requireDiscussionGroups')}
                description={locks.get('settings.requireDiscussionGroups')}
                disabled={locks.has('settings.requireDiscussionGroups')}
                {...form.getInputProps('requireDiscussionGroups', { type: 'checkbox' })}
                error={form.errors['settings.requireDiscussionGroups']}
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
            {/* One block per step rather than a table: two date fields side by side fit a phone's width. */}
            <Stack gap="sm">
              {form.values.milestones.map((m, i) => {
                const name = t(`programmes.milestones.${m.kind}`);
                const startLock = locks.get(`milestones.${m.kind}.startsOn`);
                const endLock = locks.get(`milestones.${m.kind}.endsOn`);
                const why = [...new Set([startLock, endLock].filter((r) => r !== undefined))];
                const fieldError = form.errors[`milestones.${i}`];
                // Edited as a pair: a change to either date clears the step's message.
                const dateProps = (which: 'startsOn' | 'endsOn') => ({
                  ...form.getInputProps(`milestones.${i}.${which}`, { withError: false }),
                  onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
                    form.setFieldValue(`milestones.${i}.${which}`, e.currentTarget.value);
                    form.clearFieldError(`milestones.${i}`);
                  },
                });
                return (
                  <Paper key={m.kind} component="fieldset" withBorder p="sm" radius="md" m={0}>
                    <Text component="legend" fw={600} px={4}>
                      {name}
                      {started.has(m.kind) ? ` (${t('programmes.settings.started')})` : ''}
                    </Text>
                    {why.map((reason) => (
                      <Text key={reason} size="sm" mb="xs">
                        {reason}
                      </Text>
                    ))}
                    <SimpleGrid cols={{ base: 1, xs: 2 }}>
                      <TextInput type="date" label={t('programmes.settings.startsOn', { step: name })} readOnly={startLock !== undefined} {...dateProps('startsOn')} error={fieldError} />
                      <TextInput type="date" label={t('programmes.settings.endsOn', { step: name })} readOnly={endLock !== undefined} {...dateProps('endsOn')} error={fieldError ? true : undefined} />
                    </SimpleGrid>
                  </Paper>
                );
              })}
            </Stack>
          </Paper>
          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h3" mb="xs">
              {t('programmes.settings.daysWithoutVisitsTitle')}
            </Title>
            <Text size="sm" mb="sm">
              {t('programmes.settings.daysWithoutVisitsIntro')}
            </Text>
            {form.errors['settings.daysWithoutVisits'] && (
              <Text c="red.9" size="sm" mb="sm" role="alert">
                {form.errors['settings.daysWithoutVisits']}
              </Text>
            )}
            <Stack gap="xs">
              {form.values.settings.daysWithoutVisits.map((_, i) => (
                // Rows have no identity but their place; a removed row's successors move up with their values.
                <Group key={i} align="flex-start" wrap="nowrap">
                  <TextInput
                    type="date"
                    // Shrinks beside its button on a phone instead of pushing it out.
                    style={{ flex: '0 1 20rem', minWidth: 0 }}
                    label={t('programmes.settings.dayWithoutVisits', { n: i + 1 })}
                    {...form.getInputProps(`settings.daysWithoutVisits.${i}.day`, { withError: false })}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                      form.setFieldValue(`settings.daysWithoutVisits.${i}.day`, e.currentTarget.value);
                      form.clearFieldError(`settings.daysWithoutVisits.${i}`);
                    }}
                    error={form.errors[`settings.daysWithoutVisits.${i}`]}
                  />
                  <Button variant="default" mt={25} style={{ flexShrink: 0 }} onClick={() => form.removeListItem('settings.daysWithoutVisits', i)} aria-label={t('programmes.settings.removeDayLabel', { n: i + 1 })}>
                    {t('programmes.settings.removeDay')}
                  </Button>
                </Group>
              ))}
            </Stack>
            <Button variant="light" mt="sm" onClick={() => form.insertListItem('settings.daysWithoutVisits', { day: '' })}>
              {t('programmes.settings.addDay')}
            </Button>
          </Paper>
          <Group>
            <Button {...form.submitProps}>{t('programmes.settings.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
