import { Anchor, Button, Group, NumberInput, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ProposeSessionSlots, SESSION_DURATION, SESSION_SLOTS, SESSION_TIME_ZONE, type SupportSession } from '../../../shared/support-sessions.schemas.ts';
import type { SupportRequestDetail } from '../../../shared/support.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm, type ApiForm } from '../../lib/use-api-form.ts';
import { MeetingSlotsEditor, type MeetingFormValues } from '../../components/meeting-slots-editor.tsx';
import { formatInZone, slotInstant } from '../../lib/meeting-time.ts';
import { RequestProblem } from './request-problem.tsx';
import { usePickSlot, useProposeSlots } from './session.api.ts';
import '../../locales/lazy/meetings.strings.ts';
import '../../locales/lazy/support.strings.ts';

const emptySlot = () => ({ date: '', time: '10:00' });
/** A server error on `slots.N` belongs to that time's date input. */
const slotField = (path: string) => (/^slots\.\d+$/.test(path) ? `${path}.date` : path);

/** Scheduling a call or peer session like a meeting: the expert proposes times (Brussels time), the city picks one; then the .ics. */
export function SchedulePanel({ r, s, reload }: { r: SupportRequestDetail; s: SupportSession; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatInZone(iso, SESSION_TIME_ZONE, i18n.language);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('support.sessions.scheduleTitle')}
      </Title>
      {s.scheduledAt ? (
        <Paper withBorder p="md" radius="md" data-testid="session-scheduled">
          <Text fw={700}>{t('support.sessions.scheduledAt', { date: when(s.scheduledAt), minutes: s.durationMinutes ?? SESSION_DURATION.default })}</Text>
          <Group gap="md" mt="xs">
            {s.joinUrl && (
              <Anchor href={s.joinUrl} target="_blank" rel="noreferrer">
                {t('support.sessions.join')}
              </Anchor>
            )}
            {s.icsPath && (
              <Anchor href={s.icsPath} download>
                {t('support.sessions.ics')}
              </Anchor>
            )}
          </Group>
        </Paper>
      ) : s.slots.length > 0 ? (
        s.can.pickSlot ? (
          <PickForm r={r} s={s} reload={reload} />
        ) : (
          <Stack gap={4}>
            <Text>{t('support.sessions.proposedTimes', { minutes: s.durationMinutes ?? SESSION_DURATION.default })}</Text>
            <Stack component="ul" gap={2} m={0}>
              {s.slots.map((slot) => (
                <li key={slot.id}>{when(slot.startsAt)}</li>
              ))}
            </Stack>
            <Text c="dark.6" size="sm">
              {t('support.sessions.waitingPick')}
            </Text>
          </Stack>
        )
      ) : (
        !s.can.proposeSlots && <Text c="dark.6">{t('support.sessions.notProposed')}</Text>
      )}
      {s.can.proposeSlots && <ProposeForm r={r} s={s} reload={reload} />}
    </Stack>
  );
}

function ProposeForm({ r, s, reload }: { r: SupportRequestDetail; s: SupportSession; reload: () => void }) {
  const { t } = useTranslation();
  const form: ApiForm<MeetingFormValues, z.output<typeof ProposeSessionSlots>, SupportSession> = useApiForm({
    initialValues: { title: '', durationMinutes: s.durationMinutes ?? SESSION_DURATION.default, joinUrl: s.joinUrl ?? '', slots: [emptySlot(), emptySlot()] },
    schema: ProposeSessionSlots,
    toBody: (v) => ({
      durationMinutes: typeof v.durationMinutes === 'number' ? v.durationMinutes : Number.NaN,
      joinUrl: v.joinUrl.trim(),
      slots: v.slots.map((slot) => slotInstant(slot, SESSION_TIME_ZONE) ?? ''),
      version: s.version,
    }),
    validate: (v) => {
      const errors: Record<string, string> = {};
      v.slots.forEach((slot, i) => {
        if (!slotInstant(slot, SESSION_TIME_ZONE)) errors[`slots.${i}.date`] = t('meetings.form.slotInvalid');
      });
      if (v.joinUrl.trim() && !ProposeSessionSlots.shape.joinUrl.safeParse(v.joinUrl.trim()).success) errors.joinUrl = t('meetings.form.joinUrlInvalid');
      return errors;
    },
    fieldOf: slotField,
    mutation: useProposeSlots(r.id),
  });
  return (
    <form {...form.formProps} aria-label={t('support.sessions.propose')}>
      <Stack gap="sm">
        <Text size="sm">{t('support.sessions.proposeIntro')}</Text>
        <MeetingSlotsEditor form={form} min={SESSION_SLOTS.min} max={SESSION_SLOTS.max} legend={t('meetings.form.slotsLegend', { place: 'Brussels', zone: SESSION_TIME_ZONE })} zone={SESSION_TIME_ZONE} others={[]} />
        <Group align="flex-start" gap="md" wrap="wrap">
          <NumberInput label={t('support.sessions.duration')} min={SESSION_DURATION.min} max={SESSION_DURATION.max} step={15} w={200} {...form.getInputProps('durationMinutes')} />
          <TextInput type="url" label={t('support.sessions.joinUrl')} description={t('meetings.form.joinUrlHint')} style={{ flex: '1 1 260px' }} {...form.getInputProps('joinUrl')} />
        </Group>
        <RequestProblem error={form.requestError} onReload={reload} />
        <Group>
          <Button {...form.submitProps}>{t('support.sessions.propose')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function PickForm({ r, s, reload }: { r: SupportRequestDetail; s: SupportSession; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [slotId, setSlotId] = useState<string>('');
  const pick = usePickSlot(r.id);
  return (
    <form
      aria-label={t('support.sessions.pick')}
      onSubmit={(e) => {
        e.preventDefault();
        if (slotId) pick.mutate({ slotId, version: s.version });
      }}
    >
      <Stack gap="sm">
        <Radio.Group label={t('support.sessions.pickLabel', { city: r.city.name })} description={t('support.sessions.proposedTimes', { minutes: s.durationMinutes ?? SESSION_DURATION.default })} value={slotId} onChange={setSlotId}>
          <Stack gap="xs" mt="xs">
            {s.slots.map((slot) => (
              <Radio key={slot.id} value={slot.id} label={formatInZone(slot.startsAt, SESSION_TIME_ZONE, i18n.language)} />
            ))}
          </Stack>
        </Radio.Group>
        <ProblemAlert error={null} />
        <RequestProblem error={pick.error} onReload={reload} />
        <Group>
          <Button type="submit" loading={pick.isPending} disabled={!slotId}>
            {t('support.sessions.pick')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
