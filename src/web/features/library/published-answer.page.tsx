import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime, useCountryName } from '../../lib/format.ts';
import { usePublishedAnswer } from './library.api.ts';
import { AnswerBadges } from './solution-badges.tsx';

/** /library/answers/:id: a question a city asked and its expert answer, published without personal data; readable without signing in. */
export function PublishedAnswerPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const answer = usePublishedAnswer(id);
  const countryName = useCountryName();
  const a = answer.data;
  if (answer.error) return <PageProblem title={t('library.answer.loadFailed')} notFoundTitle={t('library.answer.notFound')} error={answer.error} back={{ to: '/solutions', label: t('library.backToLibrary') }} />;
  if (!a) return <LoadingState />;
  return (
    <Stack gap="lg" maw={860}>
      <Text size="sm">
        <Anchor component={Link} to="/solutions">
          {t('library.backToLibrary')}
        </Anchor>
      </Text>
      <div>
        <Badge variant="outline" color="indigo.9" mb={6}>
          {t('library.answerBadge')}
        </Badge>
        <PageTitle>{a.title}</PageTitle>
        <Text>
          {t('library.answer.asked')}{' '}
          <Anchor component={Link} to={`/cities/${a.city.slug}`}>
            {a.city.name}
          </Anchor>{' '}
          ({t(`cityKinds.${a.city.kind}`)}, {countryName(a.city.country)}) · {t('library.answer.published', { date: formatDateTime(a.publishedAt, i18n.language) })}
        </Text>
      </div>
      <Group>
        <AnswerBadges sectors={a.sectors} levers={a.levers} />
      </Group>
      <Text size="sm" c="dark.6">
        {t('library.answer.intro')}
      </Text>
      <PageSection id="answer-question" title={t('library.answer.question')}>
        <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{a.question}</Text>
      </PageSection>
      <PageSection id="answer-answer" title={t('library.answer.answer')}>
        <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{a.answer}</Text>
      </PageSection>
    </Stack>
  );
}
