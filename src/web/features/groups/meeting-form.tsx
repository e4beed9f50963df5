import { Button, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMeetingBody, type Group } from '../../../shared/group.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useCreateMeeting } from './groups.api.ts';
import { SuccessNotice } from './success-notice.tsx';

/** Schedule a meeting in the programme's local time; the server invites the participants. */
export function MeetingForm({ groupId, phases }: { groupId: string; phases: Group['phases'] }) {
  const { t } = useTranslation();
  const create = useCreateMeeting(groupId);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [phase, setPhase] = useState(String(phases[0]?.number ?? 1));
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [duration, setDuration] = useState<number | string>(90);
  const [joinUrl, setJoinUrl] = useState('');
  const [agenda, setAgenda] = useState('');
  const [scheduled, setScheduled] = useState<string | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setScheduled(null);
    const values = {
      phaseNumber: Number(phase),
      title,
      startsAtLocal: `${date}T${time}`,
      durationMinutes: typeof duration === 'number' ? duration : Number.NaN,
      joinUrl: joinUrl.trim() === '' ? null : joinUrl.trim(),
      agenda,
    };
    const checked = validateWith(CreateMeetingBody, values, t);
    if (!checked.ok) {
      const { startsAtLocal, joinUrl: badUrl, ...rest } = checked.errors;
      // One message per visible field: the date and time are two inputs for one value.
      return setErrors({
        ...rest,
        ...(startsAtLocal ? { [date ? 'time' : 'date']: t('groups.meetings.form.whenInvalid') } : {}),
        ...(badUrl ? { joinUrl: t('groups.meetings.form.httpsOnly') } : {}),
      });
    }
    create.mutate(checked.data, {
      onSuccess: (meeting) => {
        setScheduled(meeting.title);
        setTitle('');
        setAgenda('');
      },
      onError: (error) => {
        const { startsAtLocal, ...rest } = fieldErrorsOf(error);
        setErrors({ ...rest, ...(startsAtLocal ? { date: startsAtLocal } : {}) });
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('groups.meetings.scheduleTitle')}>
      {scheduled && <SuccessNotice>{t('groups.meetings.form.scheduled', { title: scheduled })}</SuccessNotice>}
      <ProblemAlert error={create.error} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('groups.meetings.form.phase')}
            required
            value={phase}
            onChange={(e) => {
              setPhase(e.currentTarget.value);
              clearError('phaseNumber');
            }}
            data={phases.map((p) => ({ value: String(p.number), label: t('groups.phases.heading', { number: p.number, title: p.title }) }))}
            error={errors.phaseNumber}
          />
          <TextInput
            label={t('groups.meetings.form.title')}
            required
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              clearError('title');
            }}
            error={errors.title}
          />
          <TextInput
            type="date"
            label={t('groups.meetings.form.date')}
            description={t('groups.meetings.form.localHint')}
            required
            value={date}
            onChange={(e) => {
              setDate(e.currentTarget.value);
              clearError('date');
            }}
            error={errors.date}
          />
          <TextInput
            type="time"
            label={t('groups.meetings.form.time')}
            description={t('groups.meetings.form.localHint')}
            required
            value={time}
            onChange={(e) => {
              setTime(e.currentTarget.value);
              clearError('time');
            }}
            error={errors.time}
          />
          <NumberInput
            label={t('groups.meetings.form.duration')}
            required
            min={15}
            max={480}
            step={15}
            allowDecimal={false}
            value={duration}
            onChange={(v) => {
              setDuration(v);
              clearError('durationMinutes');
            }}
            error={errors.durationMinutes}
          />
          <TextInput
            type="url"
            label={t('groups.meetings.form.joinUrl')}
            description={t('groups.meetings.form.joinUrlHint')}
            value={joinUrl}
            onChange={(e) => {
              setJoinUrl(e.currentTarget.value);
              clearError('joinUrl');
            }}
            error={errors.joinUrl}
          />
        </SimpleGrid>
        <Textarea label={t('groups.meetings.form.agenda')} autosize minRows={3} value={agenda} onChange={(e) => setAgenda(e.currentTarget.value)} error={errors.agenda} />
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('groups.meetings.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
