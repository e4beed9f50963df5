import { Anchor, Box, Button, Group, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadingState } from '../../components/loading-state.tsx';
import { CityLink } from '../../components/city-link.tsx';
import { Fact } from '../../components/fact.tsx';
import { ListSection } from '../../components/list-section.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { WriteToButton } from '../../components/write-to-button.tsx';
import { displayName, useCountryName } from '../../lib/format.ts';
import { DeleteSolutionButton } from './delete-solution-button.tsx';
import { useRelatedSolutions, useSolution } from './library.api.ts';
import { SolutionBadges } from './solution-badges.tsx';

/** One solution: what, where, how far along, and what resembles it elsewhere. */
export function SolutionPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const solution = useSolution(id);
  const related = useRelatedSolutions(id);
  const countryName = useCountryName();
  const s = solution.data;
  if (solution.error) return <PageProblem title={t('library.loadFailed')} notFoundTitle={t('library.notFound')} error={solution.error} back={{ to: '/solutions', label: t('library.backToLibrary') }} />;
  if (!s) return <LoadingState />;
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : i18n.language);
  const years = s.startYear || s.endYear ? `${s.startYear ?? '…'}–${s.endYear ?? '…'}` : t('library.unknown');

  return (
    <>
      <PageTitle>{s.title}</PageTitle>
      <Text mb="sm">
        {t('library.byCity')}{' '}
        <Anchor component={Link} to={`/cities/${s.city.slug}`}>
          {s.city.name}
        </Anchor>{' '}
        ({t(`cityKinds.${s.city.kind}`)}, {countryName(s.city.country)})
      </Text>
      <SolutionBadges solution={s} />
      <Group mt="md">
        <WriteToButton to={`/messages/new?about=solution:${s.id}`} label={t('library.askCity', { city: s.city.name })} cityIds={[s.city.id]} />
      </Group>
      {s.canEdit && (
        <Group mt="md">
          <Button component={Link} to={`/solutions/${s.id}/edit`} variant="default">
            {t('library.edit')}
          </Button>
          <DeleteSolutionButton id={s.id} title={s.title} citySlug={s.city.slug} />
        </Group>
      )}
      <Text size="lg" mt="lg">
        {s.summary}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="lg" component="dl" spacing="xs" verticalSpacing={4}>
        <Fact term={t('library.fields.lever')} value={t(`library.levers.${s.lever}`)} />
        <Fact
          term={t('library.fields.impact')}
          value={s.impactTco2ePerYear === null ? t('library.unknown') : t('library.impactValue', { value: number.format(s.impactTco2ePerYear) })}
        />
        <Fact term={t('library.fields.cost')} value={s.costRange ? t(`library.costs.${s.costRange}`) : t('library.unknown')} />
        <Fact term={t('library.fields.years')} value={years} />
        <Fact term={t('library.fields.visitable')} value={s.visitable ? t('library.yes') : t('library.no')} />
        <Fact term={t('library.fields.language')} value={displayName(s.language, 'language', i18n.language)} />
      </SimpleGrid>
      {s.bodyHtml && (
        // bodyHtml was sanitised by the server before it was stored (an allow-list
        // of formatting tags and http(s) links; see solutions.service.ts).
        <Box mt="lg" className="solution-body" dangerouslySetInnerHTML={{ __html: s.bodyHtml }} />
      )}
      {s.links.length > 0 && (
        <Box component="section" mt="lg" aria-labelledby="solution-links">
          <Title order={2} size="h3" id="solution-links">
            {t('library.links')}
          </Title>
          <List>
            {s.links.map((link) => (
              <List.Item key={link.url}>
                <Anchor href={link.url} rel="noopener noreferrer nofollow">
                  {link.label}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Box>
      )}
      {s.tags.length > 0 && (
        <Text size="sm" c="dimmed" mt="md">
          {t('library.tags')}: {s.tags.join(', ')}
        </Text>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} mt="xl" spacing="xl">
        <ListSection id="related-solutions" title={t('library.related')} none={t('library.noRelated')} items={related.data?.solutions}>
          {(r) => (
            <Paper component="li" key={r.id} withBorder p="sm">
              <Anchor component={Link} to={`/solutions/${r.id}`} fw={600}>
                {r.title}
              </Anchor>
              <Text size="sm">
                {r.city.name} · {r.sectors.map((x) => t(`sectors.${x}`)).join(', ')}
              </Text>
            </Paper>
          )}
        </ListSection>
        <ListSection id="similar-cities" title={t('library.citiesDoingSimilar')} none={t('library.noSimilarCities')} items={related.data?.cities}>
          {(c) => (
            <li key={c.city.id}>
              <CityLink city={c.city} />{' '}
              <Text span size="sm">
                — <Anchor component={Link} to={`/solutions/${c.solutionId}`}>{c.solutionTitle}</Anchor>
              </Text>
            </li>
          )}
        </ListSection>
      </SimpleGrid>
    </>
  );
}

