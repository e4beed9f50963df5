import { Alert, Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/visit.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { VisitProblem } from './visit-problem.tsx';
import { formatNumber } from './visit-format.ts';
import { useFeedbackSummary, useGiveFeedback } from './visits.api.ts';

const ASPECTS = ['overall', 'relevance', 'organisation'] as const;
type Aspect = (typeof ASPECTS)[number];

/** After the visit: the host's and the visiting cities' feedback form. */
export function FeedbackForm({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const give = useGiveFeedback(visit.id);
  const cities = [...(visit.viewer.isHost ? [visit.host] : []), ...visit.visitors.filter((c) => visit.viewer.visitingCityIds.includes(c.id))];
  const [cityId, setCityId] = useState(cities[0]?.id ?? '');
  const [ratings, setRatings] = useState<Partial<Record<Aspect, number>>>({});
  const [comments, setComments] = useState('');
  const [missing, setMissing] = useState<Aspect[]>([]);
  const [thanks, setThanks] = useState(false);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setThanks(false);
    const absent = ASPECTS.filter((a) => ratings[a] === undefined);
    setMissing(absent);
    if (absent.length) {
      // Move focus to the first unanswered question, as the other forms do.
      document.querySelector<HTMLInputElement>(`input[name="rating-${absent[0]}"]`)?.focus();
      return;
    }
    give.mutate(
      { cityId, ratings: { overall: ratings.overall ?? 0, relevance: ratings.relevance ?? 0, organisation: ratings.organisation ?? 0 }, comments },
      { onSuccess: () => setThanks(true) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('visits.feedback.formLabel')}>
      <Stack gap="sm">
        <VisitProblem error={give.error} />
        {thanks && (
          <Alert color="green" variant="light" role="status">
            {t('visits.feedback.thanks')}
          </Alert>
        )}
        {cities.length > 1 && (
          <NativeSelect label={t('visits.feedback.city')} value={cityId} onChange={(e) => setCityId(e.currentTarget.value)} data={cities.map((c) => ({ value: c.id, label: c.name }))} maw={320} />
        )}
        {cities.length === 1 && <Text size="sm">{t('visits.feedback.forCity', { city: cities[0]?.name ?? '' })}</Text>}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {ASPECTS.map((a) => (
            <Radio.Group
              key={a}
              name={`rating-${a}`}
              label={t(`visits.feedback.aspects.${a}`)}
              description={t('visits.feedback.scale')}
              required
              value={ratings[a] ? String(ratings[a]) : ''}
              onChange={(v) => {
                setRatings((r) => ({ ...r, [a]: Number(v) }));
                setMissing((m) => m.filter((x) => x !== a));
              }}
              error={missing.includes(a) ? t('visits.feedback.choose') : undefined}
            >
              <Group gap="sm" mt={4}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Radio key={n} value={String(n)} label={String(n)} aria-label={t('visits.feedback.ratingLabel', { aspect: t(`visits.feedback.aspects.${a}`), n })} />
                ))}
              </Group>
            </Radio.Group>
          ))}
        </SimpleGrid>
        <Textarea label={t('visits.feedback.comments')} autosize minRows={3} maxLength={5000} value={comments} onChange={(e) => setComments(e.currentTarget.value)} />
        <div>
          <Button type="submit" loading={give.isPending}>
            {t('visits.feedback.submit')}
          </Button>
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
