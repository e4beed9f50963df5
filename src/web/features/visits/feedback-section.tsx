import { Alert, Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackBody, type Visit } from '../../../shared/visit.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { VisitProblem } from './visit-problem.tsx';
import { formatNumber } from './visit-format.ts';
import { useFeedbackSummary, useGiveFeedback } from './visits.api.ts';
import '../../locales/lazy/visits.strings.ts';

const ASPECTS = ['overall', 'relevance', 'organisation'] as const;

// An unanswered rating is 0, which the schema refuses (and `validate` explains).
const ratingOf = (value: string) => Number(value);

/** After the visit: the host's and the visiting cities' feedback form. */
export function FeedbackForm({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const cities = [...(visit.viewer.isHost ? [visit.host] : []), ...visit.visitors.filter((c) => visit.viewer.visitingCityIds.includes(c.id))];
  const [thanks, setThanks] = useState(false);
  const form = useApiForm({
    initialValues: { cityId: cities[0]?.id ?? '', ratings: { overall: '', relevance: '', organisation: '' }, comments: '' },
    schema: FeedbackBody,
    toBody: (v) => ({ cityId: v.cityId, ratings: { overall: ratingOf(v.ratings.overall), relevance: ratingOf(v.ratings.relevance), organisation: ratingOf(v.ratings.organisation) }, comments: v.comments }),
    validate: (v) => Object.fromEntries(ASPECTS.filter((a) => v.ratings[a] === '').map((a) => [`ratings.${a}`, t('visits.feedback.choose')])),
    mutation: useGiveFeedback(visit.id),
    onSuccess: () => setThanks(true),
    onEdit: () => setThanks(false),
  });

  return (
    <form {...form.formProps} aria-label={t('visits.feedback.formLabel')}>
      <Stack gap="sm">
        <VisitProblem error={form.requestError} />
        {thanks && (
          <Alert color="green" variant="light" role="status">
            {t('visits.feedback.thanks')}
          </Alert>
        )}
        {cities.length > 1 && <NativeSelect label={t('visits.feedback.city')} {...form.getInputProps('cityId')} data={cities.map((c) => ({ value: c.id, label: c.name }))} maw={320} />}
        {cities.length === 1 && <Text size="sm">{t('visits.feedback.forCity', { city: cities[0]?.name ?? '' })}</Text>}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {ASPECTS.map((a) => (
            <Radio.Group key={a} name={`rating-${a}`} label={t(`visits.feedback.aspects.${a}`)} description={t('visits.feedback.scale')} required {...form.getInputProps(`ratings.${a}`)}>
              <Group gap="sm" mt={4}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Radio key={n} value={String(n)} label={String(n)} aria-label={t('visits.feedback.ratingLabel', { aspect: t(`visits.feedback.aspects.${a}`), n })} />
                ))}
              </Group>
            </Radio.Group>
          ))}
        </SimpleGrid>
        <Textarea label={t('visits.feedback.comments')} autosize minRows={3} maxLength={5000} {...form.getInputProps('comments')} />
        <div>
          <Button {...form.submitProps}>{t('visits.feedback.submit')}</Button>
        </div>
      </Stack>
    </form>
  );
}

/** The programme team's summary: number of responses, average ratings and the comments. */
export function FeedbackSummaryView({ visitId }: { visitId: string }) {
  const { t, i18n } = useTranslation();
  const summary = useFeedbackSummary(visitId, true);
  if (summary.isPending) return <LoadingState />;
  if (summary.isError) return <ProblemAlert error={summary.error} />;
  const s = summary.data;
  return (
    <Stack gap="sm">
      <Text>{t('visits.feedback.responses', { count: s.responses })}</Text>
      {s.responses > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {ASPECTS.map((a) => (
            <Paper key={a} withBorder p="sm" radius="md">
              <Text size="sm">{t(`visits.feedback.aspects.${a}`)}</Text>
              <Text fw={700} size="lg">
                {s.averages[a] === null ? '—' : t('visits.feedback.average', { value: formatNumber(s.averages[a] ?? 0, i18n.language, 1) })}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {s.comments.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('visits.feedback.commentsHeading')}
          </Title>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {s.comments.map((c, i) => (
              <li key={i}>
                <Paper withBorder p="sm" radius="md">
                  <Text size="sm" fw={600}>
                    {t(`visits.feedback.from.${c.role}`, { city: c.city })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.text}
                  </Text>
                </Paper>
              </li>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
