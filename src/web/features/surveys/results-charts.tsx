import { Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResult, ResultsQuery } from '../../../shared/survey.schemas.ts';
import { BarChart } from '../../components/bar-chart.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useTextAnswers } from './results.api.ts';
import '../../locales/lazy/survey-results.strings.ts';

// One question's results: a chart with its data table (the support
// dashboard's BarChart), a heat table for matrices, average ranks, and the
// searchable list of text answers. Nothing is said by colour alone.

const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language);
export const useNumber = () => {
  const { i18n } = useTranslation();
  return (value: number, digits = 0) => new Intl.NumberFormat(localeFor(i18n.language), { maximumFractionDigits: digits }).format(value);
};

function ChoiceResult({ result }: { result: QuestionResult }) {
  const { t } = useTranslation();
  const n = useNumber();
  const counts = result.counts ?? [];
  return (
    <BarChart
        title={result.text}
        bars={counts.map((c) => ({ label: c.label, value: c.count }))}
        format={(v) => t('surveyResults.countValue', { count: v, value: n(v) })}
        labelHeading={t('surveyResults.columns.answer')}
        valueHeading={t('surveyResults.columns.count')}
        extraColumns={[{ heading: t('surveyResults.columns.percent'), values: counts.map((c) => t('surveyResults.percentValue', { value: n(c.percent, 1) })) }]}
        emptyText={t('surveyResults.notAnswered')}
      />
  );
}

function ScaleResult({ result }: { result: QuestionResult }) {
  const { t } = useTranslation();
  const n = useNumber();
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {result.mean === null || result.mean === undefined ? t('surveyResults.noMean') : t('surveyResults.mean', { value: n(result.mean, 2) })}
      </Text>
      <BarChart
        title={result.text}
        bars={result.answered === 0 ? [] : (result.distribution ?? []).map((d) => ({ label: n(d.value, 2), value: d.count }))}
        format={(v) => t('surveyResults.countValue', { count: v })}
        labelHeading={t('surveyResults.columns.value')}
        valueHeading={t('surveyResults.columns.count')}
        emptyText={t('surveyResults.notAnswered')}
      />
    </Stack>
  );
}

/** A matrix as a heat table: rows are items, columns the scale's points; each cell shaded by its share and showing its number. */
function MatrixResult({ result }: { result: QuestionResult }) {
  const { t } = useTranslation();
  const n = useNumber();
  const rows = result.matrix ?? [];
  const points = rows[0]?.counts.map((c) => c.value) ?? [];
  const max = Math.max(1, ...rows.flatMap((r) => r.counts.map((c) => c.count)));
  const caption = t('surveyResults.matrixTable', { question: result.text });
  return (
    <Stack gap="xs">
      <Text size="sm">{t('surveyResults.matrixNote')}</Text>
      <ScrollRegion label={caption}>
        <Table withTableBorder withColumnBorders fz="sm" miw={Math.min(900, 200 + points.length * 56)}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('surveyResults.columns.item')}</Table.Th>
              {points.map((p) => (
                <Table.Th scope="col" key={p} ta="center">
                  {n(p)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('surveyResults.columns.mean')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.item}>
                <Table.Th scope="row" fw={400}>
                  {row.label}
                </Table.Th>
                {row.counts.map((c) => (
                  // At most 45 % of the chart blue under dark text: contrast above 7:1 in every cell.
                  <Table.Td key={c.value} ta="center" data-count={c.count} style={{ backgroundColor: `rgba(24, 100, 171, ${((c.count / max) * 0.45).toFixed(3)})`, color: '#212529' }}>
                    {n(c.count)}
                  </Table.Td>
                ))}
                <Table.Td>{row.mean === null ? '–' : n(row.mean, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

function RankingResult({ result }: { result: QuestionResult }) {
  const { t } = useTranslation();
  const n = useNumber();
  const ranks = [...(result.ranks ?? [])].filter((r) => r.averageRank !== null).sort((a, b) => (a.averageRank ?? 0) - (b.averageRank ?? 0));
  return (
    <Stack gap="xs">
      <Text size="sm">{t('surveyResults.rankNote')}</Text>
      <BarChart
        title={result.text}
        bars={ranks.map((r) => ({ label: r.label, value: r.averageRank ?? 0 }))}
        format={(v) => t('surveyResults.rankValue', { value: n(v, 2) })}
        labelHeading={t('surveyResults.columns.answer')}
        valueHeading={t('surveyResults.columns.averageRank')}
        extraColumns={[{ heading: t('surveyResults.columns.ranked'), values: ranks.map((r) => t('surveyResults.countValue', { count: r.count })) }]}
        emptyText={t('surveyResults.notAnswered')}
      />
    </Stack>
  );
}

/** A text question's answers: searchable, a page at a time, newest first. */
function TextResult({ surveyId, result, filters }: { surveyId: string; result: QuestionResult; filters: ResultsQuery }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  // Asks once typing pauses, not at every letter.
  const [search] = useDebouncedValue(q.trim(), 250);
  const answers = useTextAnswers(surveyId, result.questionId, filters, search, page);
  const day = (date: string) => new Intl.DateTimeFormat(localeFor(i18n.language), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const label = t('surveyResults.textList', { question: result.text });
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t('surveyResults.textSearch')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={360}
      />
      {answers.isPending && <LoadingState />}
      {answers.isError && <ProblemAlert error={answers.error} />}
      {answers.data &&
        (answers.data.items.length === 0 ? (
          <Text size="sm">{t('surveyResults.textNone')}</Text>
        ) : (
          <Stack component="ul" gap="xs" aria-label={label} style={{ margin: 0, paddingLeft: '1.25rem' }}>
            {answers.data.items.map((a, i) => (
              <li key={`${page}-${i}`}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {a.text}
                </Text>
                <Text size="xs" c="gray.7">
                  {t('surveyResults.textOn', { city: a.city ?? t('surveyResults.textAnonymous'), date: day(a.submittedOn) })}
                </Text>
              </li>
            ))}
          </Stack>
        ))}
      {answers.data && answers.data.total > 0 && <PaginationBar page={page} pageSize={answers.data.pageSize} total={answers.data.total} onChange={setPage} label={t('surveyResults.textPages', { question: result.text })} />}
    </Stack>
  );
}

/** One question's results, by its kind. */
export function QuestionResultView({ surveyId, result, filters }: { surveyId: string; result: QuestionResult; filters: ResultsQuery }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" c="gray.7">
        {t('surveyResults.answered', { count: result.answered })}
      </Text>
      {result.type === 'multiple' || ((result.type === 'sector' || result.type === 'lever') && (result.counts ?? []).reduce((s, c) => s + c.count, 0) > result.answered) ? (
        <Text size="sm">{t('surveyResults.multipleNote')}</Text>
      ) : null}
      {result.type === 'short-text' || result.type === 'long-text' ? (
        <TextResult surveyId={surveyId} result={result} filters={filters} />
      ) : result.matrix ? (
        <MatrixResult result={result} />
      ) : result.ranks ? (
        <RankingResult result={result} />
      ) : result.distribution ? (
        <ScaleResult result={result} />
      ) : (
        <ChoiceResult result={result} />
      )}
    </Stack>
  );
}
