import { Button, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { meetingDayProblem } from '../../../domain/groups/learning-phases.ts';
import { CreateMeetingBody, type Group, type Meeting } from '../../../shared/group.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { reasonText } from '../../lib/reason-text.ts';
import { useApiForm, type ApiForm } from '../../lib/use-api-form.ts';
import { useCreateMeeting } from './groups.api.ts';
import { SuccessNotice } from './success-notice.tsx';

interface Values {
  /** The select's value: the phase's number as text. */
  phaseNumber: string;
  title: string;
  /** The date and the time are two inputs for the body's one `startsAtLocal`. */
  date: string;
  time: string;
  durationMinutes: number | string;
  joinUrl: string;
  agenda: string;
}

const startsAtLocal = (v: Values) => `${v.date}T${v.time}`;
const joinUrl = (v: Values) => (v.joinUrl.trim() === '' ? null : v.joinUrl.trim());

/** Schedule a meeting in the programme's local time; the server invites the participants. */
export function MeetingForm({ groupId, phases }: { groupId: string; phases: Group['phases'] }) {
  const { t } = useTranslation();
  const [scheduled, setScheduled] = useState<string | null>(null);
  const initialValues: Values = { phaseNumber: String(phases[0]?.number ?? 1), title: '', date: '', time: '10:00', durationMinutes: 90, joinUrl: '', agenda: '' };
  // Typed here because fieldOf reads the form's own values.
  const form: ApiForm<Values, z.output<typeof CreateMeetingBody>, Meeting> = useApiForm({
    initialValues,
    schema: CreateMeetingBody,
    toBody: (v) => ({
      phaseNumber: Number(v.phaseNumber),
      title: v.title,
      startsAtLocal: startsAtLocal(v),
      durationMinutes: typeof v.durationMinutes === 'number' ? v.durationMinutes : Number.NaN,
      joinUrl: joinUrl(v),
      agenda: v.agenda,
    }),
    // The schema's words for these say what is wrong with a string, not what to do.
    validate: (v) => ({
      ...(CreateMeetingBody.shape.startsAtLocal.safeParse(startsAtLocal(v)).success ? {} : { startsAtLocal: t('groups.meetings.form.whenInvalid') }),
      ...outsidePhase(v),
      ...(CreateMeetingBody.shape.joinUrl.safeParse(joinUrl(v)).success ? {} : { joinUrl: t('groups.meetings.form.httpsOnly') }),
    }),
    // One message for the two inputs: on the date while it is missing, else on the time.
    fieldOf: (path): string => (path === 'startsAtLocal' ? (form.getValues().date ? 'time' : 'date') : path),
    mutation: useCreateMeeting(groupId),
    onSuccess: (meeting) => {
      setScheduled(meeting.title);
      form.setValues({ title: '', agenda: '' });
    },
    onEdit: () => setScheduled(null),
  });

  /** The server's rule, before sending: a phase's meetings fall on its days. */
  function outsidePhase(v: Values): Record<string, string> {
    const phase = phases.find((p) => String(p.number) === v.phaseNumber);
    const problem = phase && /^\d{4}-\d{2}-\d{2}$/.test(v.date) ? meetingDayProblem(phase, v.date) : null;
    return problem ? { date: reasonText(problem) } : {};
  }

  return (
    <form {...form.formProps} aria-label={t('groups.meetings.scheduleTitle')}>
      {scheduled && <SuccessNotice>{t('groups.meetings.form.scheduled', { title: scheduled })}</SuccessNotice>}
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('groups.meetings.form.phase')}
            required
            data={phases.map((p) => ({ value: String(p.number), label: t('groups.phases.heading', { number: p.number, title: p.title }) }))}
            {...form.getInputProps('phaseNumber')}
          />
          <TextInput label={t('groups.meetings.form.title')} required {...form.getInputProps('title')} />
          <TextInput type="date" label={t('groups.meetings.form.date')} description={t('groups.meetings.form.localHint')} required {...form.getInputProps('date')} />
          <TextInput type="time" label={t('groups.meetings.form.time')} description={t('groups.meetings.form.localHint')} required {...form.getInputProps('time')} />
          <NumberInput label={t('groups.meetings.form.duration')} required min={15} max={480} step={15} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
          <TextInput type="url" label={t('groups.meetings.form.joinUrl')} description={t('groups.meetings.form.joinUrlHint')} {...form.getInputProps('joinUrl')} />
        </SimpleGrid>
        <Textarea label={t('groups.meetings.form.agenda')} autosize minRows={3} {...form.getInputProps('agenda')} />
        <div>
          <Button {...form.submitProps}>{t('groups.meetings.form.submit')}</Button>
        </div>
      </Stack>
    </form>
  );
}
