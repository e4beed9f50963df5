import { Alert, Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateAgendaItemBody, type Visit } from '../../../shared/visit.schemas.ts';
import { VisitProblem } from './visit-problem.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useAddAgendaItem, useCitySolutions } from './visits.api.ts';

const KINDS = ['site_visit', 'talk', 'workshop', 'meal', 'other'] as const;
type Kind = (typeof KINDS)[number];

/** Add an agenda item: a site visit to one of the host's solutions, a talk, a workshop, a meal. */
export function AgendaForm({ visit, days }: { visit: Visit; days: number }) {
  const { t } = useTranslation();
  const add = useAddAgendaItem(visit.id);
  const solutions = useCitySolutions(visit.host.slug, true);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [day, setDay] = useState('1');
  const [startsAt, setStartsAt] = useState('09:00');
  const [endsAt, setEndsAt] = useState('10:00');
  const [kind, setKind] = useState<Kind>('site_visit');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [solutionId, setSolutionId] = useState('');
  const [added, setAdded] = useState<string | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const checked = validateWith(CreateAgendaItemBody, { day: Number(day), startsAt, endsAt, kind, title, place, solutionId: kind === 'site_visit' && solutionId ? solutionId : null }, t);
    if (!checked.ok) return setErrors({ ...checked.errors, ...(checked.errors.endsAt && endsAt <= startsAt ? { endsAt: t('visits.agenda.form.endAfterStart') } : {}) });
    add.mutate(checked.data, {
      onSuccess: () => {
        setAdded(checked.data.title);
        setTitle('');
        setPlace('');
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  const on = (field: string, set: (v: string) => void) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    set(e.currentTarget.value);
    clearError(field);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('visits.agenda.form.title')}>
      {added && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('visits.agenda.form.added', { title: added })}
        </Alert>
      )}
      <VisitProblem error={add.error} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('visits.agenda.form.day')}
            required
            value={day}
            onChange={on('day', setDay)}
            data={Array.from({ length: days }, (_, i) => ({ value: String(i + 1), label: t('visits.agenda.day', { day: i + 1 }) }))}
            error={errors.day}
          />
          <TextInput type="time" label={t('visits.agenda.form.start')} required value={startsAt} onChange={on('startsAt', setStartsAt)} error={errors.startsAt} />
          <TextInput type="time" label={t('visits.agenda.form.end')} required value={endsAt} onChange={on('endsAt', setEndsAt)} error={errors.endsAt} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('visits.agenda.form.kind')}
            required
            value={kind}
            onChange={(e) => setKind(KINDS.find((k) => k === e.currentTarget.value) ?? 'other')}
            data={KINDS.map((k) => ({ value: k, label: t(`visits.kinds.${k}`) }))}
          />
          {kind === 'site_visit' && (
            <NativeSelect
              label={t('visits.agenda.form.solution')}
              value={solutionId}
              onChange={on('solutionId', setSolutionId)}
              data={[{ value: '', label: t('visits.agenda.form.noSolution') }, ...(solutions.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))]}
              error={errors.solutionId}
            />
          )}
        </SimpleGrid>
        <TextInput label={t('visits.agenda.form.itemTitle')} required value={title} onChange={on('title', setTitle)} error={errors.title} />
        <TextInput label={t('visits.agenda.form.place')} description={t('visits.agenda.form.placeHint')} value={place} onChange={on('place', setPlace)} error={errors.place} />
        <div>
          <Button type="submit" loading={add.isPending}>
            {t('visits.agenda.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
