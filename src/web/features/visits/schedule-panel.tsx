import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import type { z } from 'zod';
import { ScheduleBody, type ScheduleAnswer, type VisitSummary } from '../../../shared/visit.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { reasonText } from '../../lib/reason-text.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { VisitProblem } from './visit-problem.tsx';
import { formatDay } from './visit-format.ts';
import { useConfirmSchedule, useProposeSchedule } from './visits.api.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';
import { PageSection } from '../../components/page-section.tsx';
import '../../locales/lazy/visits.strings.ts';

type Answer = z.output<typeof ScheduleAnswer>;

/**
 * The programme manager's scheduling desk: optionally fix some start dates,
 * let the platform propose dates for every visit at once, read why it cannot
 * when it cannot, adjust and retry, then confirm (emails go out).
 */
export function SchedulePanel({ slug, visits, window }: { slug: string; visits: VisitSummary[]; window: { startsOn: string; endsOn: string } | null }) {
  const { t, i18n } = useTranslation();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const propose = useProposeSchedule(slug);
  const confirm = useConfirmSchedule(slug);
  // Start dates by visit id; only those filled in are fixed.
  const initialFixed: Record<string, string> = Object.fromEntries(visits.map((v) => [v.id, '']));
  const fixedList = (fixed: Record<string, string>) => Object.entries(fixed).filter(([, d]) => d !== '').map(([visitId, startsOn]) => ({ visitId, startsOn }));
  const form = useApiForm({
    initialValues: { fixed: initialFixed },
    schema: ScheduleBody,
    toBody: (v) => ({ fixed: fixedList(v.fixed), apply: false }),
    // The body lists only the fixed dates: its entry n is the n-th date filled in.
    fieldOf: (path: string): string => {
      const match = /^fixed\.(\d+)/.exec(path);
      const entry = match ? fixedList(form.values.fixed)[Number(match[1])] : undefined;
      return entry ? `fixed.${entry.visitId}` : path;
    },
    mutation: propose,
    onSuccess: setAnswer,
    // A proposal answers the inputs it was made for.
    onEdit: () => {
      setAnswer(null);
      setConfirmed(false);
    },
  });

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    setConfirmed(false);
    confirm.reset();
    form.formProps.onSubmit(event);
  };

  const doConfirm = () =>
    confirm.mutate(fixedList(form.values.fixed), {
      onSuccess: (result) => {
        setConfirming(false);
        if (result.status === 'conflict') setAnswer(result);
        else {
          setAnswer(null);
          setConfirmed(true);
        }
      },
      onError: () => setConfirming(false),
    });

  const conflictVisit = answer?.status === 'conflict' ? answer.visitId : null;
  const hostOf = (id: string) => visits.find((v) => v.id === id)?.host.name ?? '';

  return (
    <PageSection id="schedule-heading" title={t('visits.schedule.title')}>
      <Text mb="sm">{window ? t('visits.schedule.intro', { start: formatDay(window.startsOn, i18n.language), end: formatDay(window.endsOn, i18n.language) }) : t('visits.schedule.noWindow')}</Text>
      {visits.some((v) => v.confirmed) && <Text mb="sm">{t('visits.schedule.alreadyConfirmed')}</Text>}
      <form {...form.formProps} onSubmit={submit} aria-label={t('visits.schedule.formLabel')}>
        <Stack gap="sm">
          <Text size="sm">{t('visits.schedule.fixedHint')}</Text>
          {visits.map((v) => (
            <TextInput
              key={v.id}
              type="date"
              label={t('visits.schedule.fixedLabel', { host: v.host.name })}
              description={v.facilitator ? t('visits.schedule.facilitatorNote', { name: v.facilitator }) : t('visits.schedule.noFacilitator')}
              min={window?.startsOn}
              max={window?.endsOn}
              {...form.getInputProps(`fixed.${v.id}`)}
              error={form.errors[`fixed.${v.id}`] ?? (conflictVisit === v.id ? t('visits.schedule.conflictHere') : undefined)}
              maw={420}
            />
          ))}
          <Group>
            <Button {...form.submitProps}>{t('visits.schedule.propose')}</Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        <VisitProblem error={propose.error ?? confirm.error} />
        {answer?.status === 'conflict' && (
          <Alert color="red" variant="light" title={t('visits.schedule.conflictTitle')} mt="md">
            <Text size="sm">{reasonText(answer.reason)}</Text>
            <Text size="sm" mt="xs">
              {t('visits.schedule.conflictNext')}
            </Text>
          </Alert>
        )}
        {confirmed && (
          <Alert color="green" variant="light" mt="md" title={t('visits.schedule.confirmedTitle')}>
            {t('visits.schedule.confirmedBody')}
          </Alert>
        )}
      </div>
      {answer?.status === 'scheduled' && (
        <Stack gap="sm" mt="md">
          <ScrollRegion label={t('visits.schedule.proposalCaption')}>
            <Table striped withTableBorder>
              <Table.Caption>{t('visits.schedule.proposalCaption')}</Table.Caption>
              <ColumnHeads labels={[t('visits.columns.host'), t('visits.columns.firstDay'), t('visits.columns.lastDay')]} />
              <Table.Tbody>
                {answer.visits.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Th scope="row" fw={400}>
                      {v.host || hostOf(v.id)}
                    </Table.Th>
                    <Table.Td>{formatDay(v.start, i18n.language, 'full')}</Table.Td>
                    <Table.Td>{formatDay(v.end, i18n.language, 'full')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {answer.avoided.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                {t('visits.schedule.avoidedTitle')}
              </Text>
              <ul>
                {answer.avoided.map((r) => (
                  <li key={reasonText(r)}>
                    <Text size="sm">{reasonText(r)}</Text>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Group>
            <Button onClick={() => setConfirming(true)}>{t('visits.schedule.confirm')}</Button>
          </Group>
        </Stack>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('visits.schedule.confirmTitle')}
        message={t('visits.schedule.confirmMessage')}
        confirmLabel={t('visits.schedule.confirmButton')}
        busy={confirm.isPending}
        onConfirm={doConfirm}
        onCancel={() => setConfirming(false)}
      />
    </PageSection>
  );
}
