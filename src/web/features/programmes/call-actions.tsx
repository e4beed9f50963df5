import { Button, Group, List, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { addDays, localDateAt, wallClockAt, zonedToUtc } from '../../../domain/time/zoned-time.ts';
import type { CitySummary } from '../../../shared/city.schemas.ts';
import { ExtendCallBody, ReopenCallBody, type ActionOutcome, type Call } from '../../../shared/programme.schemas.ts';
import { CityPicker } from '../../components/city-picker.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { ActionDialog, ActionDone } from './action-dialog.tsx';
import { formatInstant } from './programme-dates.ts';
import { useTimelineAction, type ActionTarget } from './programmes.api.ts';

type CallAction = 'open' | 'close' | 'extend' | 'reopen';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
const two = (n: number) => String(n).padStart(2, '0');

/** A day and a time typed in the programme's time zone, as an instant; undefined until both are complete. */
function instantOf(date: string, time: string, timeZone: string): string | undefined {
  if (!DATE.test(date) || !TIME.test(time) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return undefined;
  return zonedToUtc(date, time, timeZone).toISOString();
}

/** A week after `from`, at the same time of day, in the programme's zone. */
function weekAfter(from: Date, timeZone: string) {
  const w = wallClockAt(from, timeZone);
  return { date: addDays(localDateAt(from, timeZone), 7), time: `${two(w.hour)}:${two(w.minute)}` };
}

/**
 * What a programme manager can do with a call now, each after a dialog that
 * shows the server's preview: open it now, close it now, extend its deadline,
 * reopen it for one late city.
 */
export function CallActions({ call }: { call: Call }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<CallAction | null>(null);
  const [done, setDone] = useState<{ action: CallAction; outcome: ActionOutcome } | null>(null);
  const target = (action: CallAction): ActionTarget => ({ slug: call.programmeSlug, kind: call.kind, action });
  const callName = t(`programmes.callNamesInline.${call.kind}`);
  // A draft's calls cannot open: the page says so, and publishing comes first.
  const available: CallAction[] = !call.published ? [] : call.state === 'upcoming' ? ['open'] : call.state === 'open' ? ['close', 'extend'] : call.decisionsPublishedAt ? [] : ['extend', 'reopen'];
  const finish = (action: CallAction) => (outcome: ActionOutcome) => {
    setDialog(null);
    setDone({ action, outcome });
  };

  return (
    <Stack gap="xs">
      <ActionDone title={done ? t(`programmes.actions.${done.action}.done`, { call: callName }) : ''} outcome={done?.outcome ?? null} />
      {available.length > 0 && (
        <Group gap="sm">
          {available.map((action) => (
            <Button key={action} variant={action === 'close' ? 'outline' : 'filled'} color={action === 'close' ? 'red.9' : undefined} onClick={() => setDialog(action)}>
              {t(`programmes.actions.${action}.button`, { call: callName })}
            </Button>
          ))}
        </Group>
      )}
      {(dialog === 'open' || dialog === 'close') && <SimpleCallAction call={call} action={dialog} target={target(dialog)} onCancel={() => setDialog(null)} onDone={finish(dialog)} />}
      {dialog === 'extend' && <ExtendDialog call={call} target={target('extend')} onCancel={() => setDialog(null)} onDone={finish('extend')} />}
      {dialog === 'reopen' && <ReopenDialog call={call} target={target('reopen')} onCancel={() => setDialog(null)} onDone={finish('reopen')} />}
    </Stack>
  );
}

interface DialogProps {
  call: Call;
  target: ActionTarget;
  onCancel: () => void;
  onDone: (outcome: ActionOutcome) => void;
}

function SimpleCallAction({ call, action, target, onCancel, onDone }: DialogProps & { action: 'open' | 'close' }) {
  const { t } = useTranslation();
  const run = useTimelineAction(target);
  const callName = t(`programmes.callNamesInline.${call.kind}`);
  return (
    <ActionDialog
      target={target}
      opened
      title={t(`programmes.actions.${action}.title`, { call: callName })}
      message={t(`programmes.actions.${action}.message`, { call: callName })}
      confirmLabel={t(`programmes.actions.${action}.confirm`)}
      query={{}}
      busy={run.isPending}
      error={run.error}
      onConfirm={() => run.mutate({ version: call.version }, { onSuccess: onDone })}
      onCancel={onCancel}
    />
  );
}

function ExtendDialog({ call, target, onCancel, onDone }: DialogProps) {
  const { t, i18n } = useTranslation();
  const tz = call.timeZone;
  const start = weekAfter(call.state === 'open' ? new Date(call.closesAt) : new Date(), tz);
  const form = useApiForm({
    initialValues: { date: start.date, time: call.state === 'open' ? start.time : '23:59' },
    schema: ExtendCallBody,
    toBody: (v) => ({ version: call.version, until: instantOf(v.date, v.time, tz) }),
    validate: (v) => (instantOf(v.date, v.time, tz) ? {} : { date: t('programmes.actions.whenIncomplete') }),
    fieldOf: (path) => (path === 'until' ? 'date' : path),
    mutation: useTimelineAction<z.output<typeof ExtendCallBody>>(target),
    onSuccess: onDone,
  });
  const until = instantOf(form.values.date, form.values.time, tz);
  const callName = t(`programmes.callNamesInline.${call.kind}`);
  return (
    <ActionDialog
      target={target}
      opened
      title={t('programmes.actions.extend.title', { call: callName })}
      message={t('programmes.actions.extend.message', { when: formatInstant(call.closesAt, tz, i18n.language), timeZone: tz })}
      confirmLabel={t('programmes.actions.extend.confirm')}
      query={until ? { until } : null}
      busy={form.submitProps.loading}
      error={form.requestError}
      onConfirm={() => form.formProps.ref.current?.requestSubmit()}
      onCancel={onCancel}
    >
      <form {...form.formProps} aria-label={t('programmes.actions.extend.formLabel')}>
        <WhenFields date={form.getInputProps('date')} time={form.getInputProps('time')} timeZone={tz} legend={t('programmes.actions.extend.when')} />
      </form>
    </ActionDialog>
  );
}

function ReopenDialog({ call, target, onCancel, onDone }: DialogProps) {
  const { t } = useTranslation();
  const tz = call.timeZone;
  const start = weekAfter(new Date(), tz);
  const initialValues: { city: CitySummary | null; date: string; time: string; reason: string } = { city: null, date: start.date, time: '23:59', reason: '' };
  const form = useApiForm({
    initialValues,
    schema: ReopenCallBody,
    toBody: (v) => ({ version: call.version, cityId: v.city?.id, until: instantOf(v.date, v.time, tz), reason: v.reason.trim() }),
    validate: (v) => ({
      ...(v.city ? {} : { city: t('programmes.actions.reopen.cityMissing') }),
      ...(instantOf(v.date, v.time, tz) ? {} : { date: t('programmes.actions.whenIncomplete') }),
    }),
    fieldOf: (path) => (path === 'until' ? 'date' : path === 'cityId' ? 'city' : path),
    mutation: useTimelineAction<z.output<typeof ReopenCallBody>>(target),
    onSuccess: onDone,
  });
  const until = instantOf(form.values.date, form.values.time, tz);
  const cityId = form.values.city?.id;
  const callName = t(`programmes.callNamesInline.${call.kind}`);
  return (
    <ActionDialog
      target={target}
      opened
      title={t('programmes.actions.reopen.title', { call: callName })}
      message={t('programmes.actions.reopen.message')}
      confirmLabel={t('programmes.actions.reopen.confirm')}
      query={until && cityId ? { cityId, until } : null}
      busy={form.submitProps.loading}
      error={form.requestError}
      onConfirm={() => form.formProps.ref.current?.requestSubmit()}
      onCancel={onCancel}
    >
      <form {...form.formProps} aria-label={t('programmes.actions.reopen.formLabel')}>
        <Stack gap="sm">
          <CityPicker label={t('programmes.actions.reopen.city')} required value={form.values.city} onChange={(city) => form.setFieldValue('city', city)} error={form.errors.city} />
          <WhenFields date={form.getInputProps('date')} time={form.getInputProps('time')} timeZone={tz} legend={t('programmes.actions.reopen.when')} />
          <Textarea label={t('programmes.actions.reopen.reason')} description={t('programmes.actions.reopen.reasonHint')} required autosize minRows={2} {...form.getInputProps('reason')} />
        </Stack>
      </form>
    </ActionDialog>
  );
}

/** A day and a time, in the programme's time zone, named beside them. */
function WhenFields({ date, time, timeZone, legend }: { date: GetInputPropsReturnType; time: GetInputPropsReturnType; timeZone: string; legend: string }) {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={500} size="sm" mb={4}>
        {legend}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput type="date" label={t('programmes.actions.day')} required {...date} />
        <TextInput type="time" label={t('programmes.actions.time', { timeZone })} required {...time} />
      </SimpleGrid>
    </fieldset>
  );
}

/** The cities a closed call was reopened for, with their deadline and the reason. */
export function Reopenings({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  if (call.reopenings.length === 0) return null;
  return (
    <section aria-labelledby="reopenings-heading">
      <Title order={3} size="h4" id="reopenings-heading" mt="md" mb="xs">
        {t('programmes.actions.reopen.listTitle')}
      </Title>
      <List size="sm" spacing={4}>
        {call.reopenings.map((r) => (
          <List.Item key={r.cityId}>
            {t('programmes.actions.reopen.listItem', { city: r.cityName, when: formatInstant(r.until, call.timeZone, i18n.language), timeZone: call.timeZone, reason: r.reason })}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
