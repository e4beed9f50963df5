import { Alert, Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateAgendaItemBody, type Visit } from '../../../shared/visit.schemas.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { VisitProblem } from './visit-problem.tsx';
import { useAddAgendaItem, useCitySolutions } from './visits.api.ts';
import '../../locales/lazy/visits.strings.ts';

const KINDS = CreateAgendaItemBody.shape.kind.options;
type Kind = (typeof KINDS)[number];
const TIME = /^\d{2}:\d{2}$/;

interface Values {
  day: string;
  startsAt: string;
  endsAt: string;
  kind: Kind;
  title: string;
  place: string;
  solutionId: string;
}
const initialValues: Values = { day: '1', startsAt: '09:00', endsAt: '10:00', kind: 'site_visit', title: '', place: '', solutionId: '' };

/** Add an agenda item: a site visit to one of the host's solutions, a talk, a workshop, a meal. */
export function AgendaForm({ visit, days }: { visit: Visit; days: number }) {
  const { t } = useTranslation();
  const solutions = useCitySolutions(visit.host.slug, true);
  const [added, setAdded] = useState<string | null>(null);
  const form = useApiForm({
    initialValues,
    schema: CreateAgendaItemBody,
    toBody: (v) => ({ ...v, day: Number(v.day), solutionId: v.kind === 'site_visit' && v.solutionId ? v.solutionId : null }),
    validate: (v) => (TIME.test(v.startsAt) && TIME.test(v.endsAt) && v.endsAt <= v.startsAt ? { endsAt: t('visits.agenda.form.endAfterStart') } : {}),
    mutation: useAddAgendaItem(visit.id),
    onSuccess: (_, body) => {
      setAdded(body.title);
      form.setValues({ title: '', place: '' });
    },
    onEdit: () => setAdded(null),
  });

  return (
    <form {...form.formProps} aria-label={t('visits.agenda.form.title')}>
      {added && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('visits.agenda.form.added', { title: added })}
        </Alert>
      )}
      <VisitProblem error={form.requestError} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('visits.agenda.form.day')}
            required
            {...form.getInputProps('day')}
            data={Array.from({ length: days }, (_, i) => ({ value: String(i + 1), label: t('visits.agenda.day', { day: i + 1 }) }))}
          />
          <TextInput type="time" label={t('visits.agenda.form.start')} required {...form.getInputProps('startsAt')} />
          <TextInput type="time" label={t('visits.agenda.form.end')} required {...form.getInputProps('endsAt')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('visits.agenda.form.kind')} required {...form.getInputProps('kind')} data={KINDS.map((k) => ({ value: k, label: t(`visits.kinds.${k}`) }))} />
          {form.values.kind === 'site_visit' && (
            <NativeSelect
              label={t('visits.agenda.form.solution')}
              {...form.getInputProps('solutionId')}
              data={[{ value: '', label: t('visits.agenda.form.noSolution') }, ...(solutions.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))]}
            />
          )}
        </SimpleGrid>
        <TextInput label={t('visits.agenda.form.itemTitle')} required {...form.getInputProps('title')} />
        <TextInput label={t('visits.agenda.form.place')} description={t('visits.agenda.form.placeHint')} {...form.getInputProps('place')} />
        <div>
          <Button {...form.submitProps}>{t('visits.agenda.form.submit')}</Button>
        </div>
      </Stack>
    </form>
  );
}
