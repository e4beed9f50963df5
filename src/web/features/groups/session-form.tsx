import { Alert, Button, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateSessionBody, type Group } from '../../../shared/group.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useCreateSession } from './groups.api.ts';

/** Schedule a session in the programme's local time; the server invites the participants. */
export function SessionForm({ groupId, phases }: { groupId: string; phases: Group['phases'] }) {
  const { t } = useTranslation();
  const create = useCreateSession(groupId);
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
    const checked = validateWith(CreateSessionBody, values, t);
    if (!checked.ok) {
      const { startsAtLocal, joinUrl: badUrl, ...rest } = checked.errors;
      // One message per visible field: the date and time are two inputs for one value.
      return setErrors({
        ...rest,
        ...(startsAtLocal ? { [date ? 'time' : 'date']: t('groups.sessions.form.whenInvalid') } : {}),
        ...(badUrl ? { joinUrl: t('groups.sessions.form.httpsOnly') } : {}),
      });
    }
    create.mutate(checked.data, {
      onSuccess: (session) => {
        setScheduled(session.title);
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
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('groups.sessions.scheduleTitle')}>
      {scheduled && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('groups.sessions.form.scheduled', { title: scheduled })}
        </Alert>
      )}
      <ProblemAlert error={create.error} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('groups.sessions.form.phase')}
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
            label={t('groups.sessions.form.title')}
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
            label={t('groups.sessions.form.date')}
            description={t('groups.sessions.form.localHint')}
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
            label={t('groups.sessions.form.time')}
            description={t('groups.sessions.form.localHint')}
            required
            value={time}
            onChange={(e) => {
              setTime(e.currentTarget.value);
              clearError('time');
            }}
            error={errors.time}
          />
          <NumberInput
            label={t('groups.sessions.form.duration')}
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
            label={t('groups.sessions.form.joinUrl')}
            description={t('groups.sessions.form.joinUrlHint')}
            value={joinUrl}
            onChange={(e) => {
              setJoinUrl(e.currentTarget.value);
              clearError('joinUrl');
            }}
            error={errors.joinUrl}
          />
        </SimpleGrid>
        <Textarea label={t('groups.sessions.form.agenda')} autosize minRows={3} value={agenda} onChange={(e) => setAgenda(e.currentTarget.value)} error={errors.agenda} />
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('groups.sessions.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
