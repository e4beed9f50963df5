import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PopulationBand, SegmentBy, type ResultsQuery, type SegmentComparison, type Survey, type SurveyResults } from '../../../shared/survey.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useFiltersInAddress } from '../../lib/filters-in-address.ts';
import { QuestionResultView, useNumber } from './results-charts.tsx';
import { surveyExportUrl, useSegments, useSurvey, useSurveyResults } from './results.api.ts';
import '../../locales/lazy/survey-results.strings.ts';

const FILTER_KEYS = ['country', 'cityKind', 'populationBand', 'programmeId'] as const;

/** The filters kept in the address, only the valid ones. */
function filtersOf(params: URLSearchParams): ResultsQuery {
  const country = params.get('country');
  const cityKind = params.get('cityKind');
  const band = params.get('populationBand');
  const programmeId = params.get('programmeId');
  return {
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
    ...(cityKind === 'mission' || cityKind === 'aspiring' ? { cityKind } : {}),
    ...(band && PopulationBand.safeParse(band).success ? { populationBand: band as PopulationBand } : {}),
    ...(programmeId && /^[0-9a-f-]{36}$/i.test(programmeId) ? { programmeId } : {}),
  };
}

/** /surveys/:id/results (programme managers): every question's results in the selection, segments compared, answers downloaded. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { params, update } = useFiltersInAddress({ replace: true });
  const filters = filtersOf(params);
  const compare = SegmentBy.safeParse(params.get('compare')).data ?? null;
  const survey = useSurvey(id);
  const results = useSurveyResults(id, filters);
  // The choices of the country and programme filters: the segments of the whole audience.
  const countries = useSegments(id, 'country', {});
  const programmes = useSegments(id, 'programme', {});
  const filtered = FILTER_KEYS.some((k) => filters[k]);

  if (survey.isError) return <PageProblem title={t('surveyResults.titleLoading')} error={survey.error} />;
  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{survey.data ? t('surveyResults.title', { title: survey.data.title }) : t('surveyResults.titleLoading')}</PageTitle>
        <Group gap="lg">
          <RouterAnchor to={`/surveys/${id}/edit`}>{t('surveyResults.back')}</RouterAnchor>
          <RouterAnchor to="/surveys/manage">{t('surveyResults.allSurveys')}</RouterAnchor>
        </Group>
        {survey.data?.anonymous && (
          <Text size="sm" mt="xs">
            {t('surveyResults.anonymous')}
          </Text>
        )}
      </div>

      <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={t('surveyResults.filters')}>
        <NativeSelect
          label={t('surveyResults.country')}
          value={filters.country ?? ''}
          onChange={(e) => update({ country: e.currentTarget.value })}
          data={[
            { value: '', label: t('surveyResults.anyCountry') },
            ...(countries.data?.segments ?? []).filter((s) => s.value !== 'unknown').map((s) => ({ value: s.value, label: s.label })),
            ...(filters.country && !countries.data?.segments.some((s) => s.value === filters.country) ? [{ value: filters.country, label: filters.country }] : []),
          ]}
          w={200}
        />
        <NativeSelect
          label={t('surveyResults.cityKind')}
          value={filters.cityKind ?? ''}
          onChange={(e) => update({ cityKind: e.currentTarget.value })}
          data={[{ value: '', label: t('surveyResults.anyKind') }, ...(['mission', 'aspiring'] as const).map((k) => ({ value: k, label: t(`surveyResults.kinds.${k}`) }))]}
          w={180}
        />
        <NativeSelect
          label={t('surveyResults.populationBand')}
          value={filters.populationBand ?? ''}
          onChange={(e) => update({ populationBand: e.currentTarget.value })}
          data={[{ value: '', label: t('surveyResults.anyBand') }, ...PopulationBand.options.map((b) => ({ value: b, label: t(`surveyResults.bands.${b}`) }))]}
          w={210}
        />
        {(programmes.data?.segments ?? []).some((s) => s.value !== 'unknown') && (
          <NativeSelect
            label={t('surveyResults.programme')}
            value={filters.programmeId ?? ''}
            onChange={(e) => update({ programmeId: e.currentTarget.value })}
            data={[{ value: '', label: t('surveyResults.anyProgramme') }, ...(programmes.data?.segments ?? []).filter((s) => s.value !== 'unknown').map((s) => ({ value: s.value, label: s.label }))]}
            w={220}
          />
        )}
        {filtered && (
          <Button variant="default" onClick={() => update({ country: null, cityKind: null, populationBand: null, programmeId: null })}>
            {t('surveyResults.clear')}
          </Button>
        )}
      </Group>

      {results.isPending && <LoadingState />}
      {results.isError && <ProblemAlert error={results.error} />}
      {results.data && <Summary results={results.data} />}

      <CompareSegments surveyId={id} by={compare} filters={filters} onChange={(by) => update({ compare: by })} />

      {results.data && (
        <Group gap="lg" role="group" aria-label={t('surveyResults.download')}>
          {!results.data.suppressed && results.data.responses > 0 && (
            <>
              <Anchor href={surveyExportUrl(id, filters, 'csv')} download>
                {t('surveyResults.csv')}
              </Anchor>
              <Anchor href={surveyExportUrl(id, filters, 'xlsx')} download>
                {t('surveyResults.xlsx')}
              </Anchor>
            </>
          )}
        </Group>
      )}

      {results.data &&
        (results.data.suppressed ? (
          <Alert color="yellow" variant="light">
            <Text fw={600}>{t('surveyResults.suppressed')}</Text>
          </Alert>
        ) : results.data.responses === 0 ? (
          filtered ? (
            <EmptyState title={t('surveyResults.emptyFiltered')} description={t('surveyResults.emptyFilteredHint')} />
          ) : (
            <EmptyState title={t('surveyResults.empty')} description={t('surveyResults.emptyHint')} />
          )
        ) : (
          <Questions surveyId={id} survey={survey.data} results={results.data} filters={filters} />
        ))}
    </Stack>
  );
}

function Summary({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const n = useNumber();
  const rate = results.invited > 0 ? (results.responses / results.invited) * 100 : null;
  return (
    <Paper withBorder p="md" radius="md" role="status" aria-live="polite">
      {results.suppressed ? (
        <Text>{t('surveyResults.invitedOnly', { invited: n(results.invited) })}</Text>
      ) : (
        <>
          <Text fw={700} size="lg">
            {t('surveyResults.responses', { responses: n(results.responses), invited: n(results.invited) })}
          </Text>
          <Text size="sm">{rate === null ? t('surveyResults.noRate') : t('surveyResults.responseRate', { rate: n(rate, 1) })}</Text>
        </>
      )}
    </Paper>
  );
}

function CompareSegments({ surveyId, by, filters, onChange }: { surveyId: string; by: SegmentBy | null; filters: ResultsQuery; onChange: (by: SegmentBy | null) => void }) {
  const { t } = useTranslation();
  const segments = useSegments(surveyId, by, filters);
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('surveyResults.compareBy')}
        value={by ?? ''}
        onChange={(e) => onChange(SegmentBy.safeParse(e.currentTarget.value).data ?? null)}
        data={[{ value: '', label: t('surveyResults.compareNone') }, ...SegmentBy.options.map((b) => ({ value: b, label: t(`surveyResults.by.${b}`) }))]}
        w={220}
      />
      {by && segments.isPending && <LoadingState />}
      {by && segments.isError && <ProblemAlert error={segments.error} />}
      {by && segments.data && <SegmentsTable comparison={segments.data} />}
    </Stack>
  );
}

function SegmentsTable({ comparison }: { comparison: SegmentComparison }) {
  const { t } = useTranslation();
  const n = useNumber();
  const caption = t('surveyResults.segmentsTable', { by: t(`surveyResults.by.${comparison.by}`).toLowerCase() });
  const label = (s: SegmentComparison['segments'][number]) =>
    comparison.by === 'city-kind' && (s.value === 'mission' || s.value === 'aspiring')
      ? t(`surveyResults.kinds.${s.value}`)
      : comparison.by === 'population-band' && PopulationBand.safeParse(s.value).success
        ? t(`surveyResults.bands.${s.value as PopulationBand}`)
        : s.label;
  return (
    <PageSection id="survey-segments-heading" title={t('surveyResults.segmentsHeading')}>
      <ScrollRegion label={caption}>
        <Table striped withTableBorder fz="sm" maw={720}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {(['segment', 'invited', 'responses', 'rate'] as const).map((k) => (
                <Table.Th scope="col" key={k}>
                  {t(`surveyResults.segmentColumns.${k}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparison.segments.map((s) => (
              <Table.Tr key={s.value}>
                <Table.Th scope="row" fw={400}>
                  {label(s)}
                </Table.Th>
                <Table.Td>{n(s.invited)}</Table.Td>
                <Table.Td>{s.suppressed ? t('surveyResults.hiddenCell') : n(s.responses)}</Table.Td>
                <Table.Td>{s.suppressed ? t('surveyResults.hiddenCell') : s.responseRate === null ? t('surveyResults.notKnown') : t('surveyResults.percentValue', { value: n(s.responseRate, 1) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </PageSection>
  );
}

/** The questions' results, under their sections' titles when the questionnaire is known. */
function Questions({ surveyId, survey, results, filters }: { surveyId: string; survey: Survey | undefined; results: SurveyResults; filters: ResultsQuery }) {
  const byId = new Map(results.questions.map((q) => [q.questionId, q]));
  const sections = survey
    ? survey.definition.sections.map((s) => ({ id: s.id, title: s.title, questions: s.questions.map((q) => byId.get(q.id)).filter((q) => q !== undefined) }))
    : [{ id: 'all', title: null, questions: results.questions }];
  return (
    <Stack gap="xl">
      {sections.map((section) => {
        const body = (
          <Stack gap="xl">
            {section.questions.map((q) => (
              // Not a landmark of its own: the chart's table region already carries the question's name.
              <div key={q.questionId}>
                <Title order={section.title ? 3 : 2} size="h4" id={`result-${q.questionId}`} mb="xs">
                  {q.text}
                </Title>
                <QuestionResultView surveyId={surveyId} result={q} filters={filters} />
              </div>
            ))}
          </Stack>
        );
        return section.title ? (
          <PageSection key={section.id} id={`result-section-${section.id}`} title={section.title}>
            {body}
          </PageSection>
        ) : (
          <div key={section.id}>{body}</div>
        );
      })}
    </Stack>
  );
}
