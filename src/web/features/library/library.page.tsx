import { Anchor, Badge, Box, Button, Checkbox, Drawer, em, Grid, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CityKind, SectorCode } from '../../../shared/city.schemas.ts';
import { LibraryKind, type LibraryHit, type LibrarySearchResult } from '../../../shared/library.schemas.ts';
import { LeverCode, SolutionSearchQuery, SolutionSort, SolutionStage, type FacetValue } from '../../../shared/solution.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useCountryName } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { HighlightedText } from './highlighted-text.tsx';
import { useLibrarySearch } from './library.api.ts';
import { AnswerBadges, SolutionBadges } from './solution-badges.tsx';

const PAGE_SIZE = 20;
/** Mantine's md breakpoint (62em): below it the filters move into a drawer. */
const MD_PX = 992;
type Dimension = keyof LibrarySearchResult['facets'];
const LIST_DIMENSIONS: Dimension[] = ['kind', 'sector', 'country', 'stage', 'lever', 'mission'];

const SearchText = SolutionSearchQuery.pick({ q: true });

const valuesOf = (params: URLSearchParams, key: string) => (params.get(key) ?? '').split(',').filter(Boolean);

/** The public library: full-text search with facets; every filter lives in the URL, so a search can be shared. */
export function LibraryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const sortParam = SolutionSort.safeParse(params.get('sort'));
  const sort = sortParam.success ? sortParam.data : q ? 'relevance' : 'newest';

  const apiParams = new URLSearchParams(params);
  apiParams.set('pageSize', String(PAGE_SIZE));
  if (!sortParam.success) apiParams.delete('sort');
  apiParams.sort();
  const search = useLibrarySearch(apiParams.toString());

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    if (!next.get('page') || next.get('page') === '1') next.delete('page');
    setParams(next);
  };

  const searchFor = (text: string) =>
    update((next) => {
      if (text) next.set('q', text);
      else next.delete('q');
      next.delete('page');
    });

  const toggle = (key: string, value: string, on: boolean) =>
    update((next) => {
      const values = new Set(valuesOf(next, key));
      if (on) values.add(value);
      else values.delete(value);
      if (values.size) next.set(key, [...values].join(','));
      else next.delete(key);
      next.delete('page');
    });

  const data = search.data;
  // "12 solutions", "1 question and answer", or both: the kind facet counts the answers among the results.
  const countLine = (result: LibrarySearchResult) => {
    const kinds = valuesOf(params, 'kind');
    const answers = kinds.length === 0 || kinds.includes('answer') ? (result.facets.kind.find((f) => f.value === 'answer')?.count ?? 0) : 0;
    const solutions = result.total - answers;
    if (answers === 0) return t('library.resultCount', { count: result.total });
    if (solutions === 0) return t('library.answerCount', { count: answers });
    return t('library.mixedCount', { solutions: t('library.resultCount', { count: solutions }), answers: t('library.answerCount', { count: answers }) });
  };
  const hasFilters = [...params.keys()].some((k) => k !== 'page' && k !== 'sort');
  // The values chosen (each sector, country… and "visitable"): the count on the small screens' Filters button.
  const chosen = [...LIST_DIMENSIONS.flatMap((d) => valuesOf(params, d)), ...(params.get('visitable') === 'true' ? ['visitable'] : [])].length;
  const wide = useMediaQuery(`(min-width: ${em(MD_PX)})`, true, { getInitialValueInEffect: false });
  const [drawerOpen, drawer] = useDisclosure(false);

  // The filters: a column beside the results on wide screens, a drawer opened from above the results on small ones.
  const filters = data && (
    <Stack gap="md">
      {LIST_DIMENSIONS.map((dimension) => (
        <FacetGroup
          key={dimension}
          dimension={dimension}
          values={data.facets[dimension]}
          selected={valuesOf(params, dimension)}
          onToggle={(value, on) => toggle(dimension, value, on)}
        />
      ))}
      <Checkbox
        label={t('library.facetValue', {
          label: t('library.visitableOnly'),
          count: data.facets.visitable.find((f) => f.value === 'true')?.count ?? 0,
        })}
        checked={params.get('visitable') === 'true'}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          update((next) => {
            if (on) next.set('visitable', 'true');
            else next.delete('visitable');
            next.delete('page');
          });
        }}
      />
      {hasFilters && (
        <Anchor component={Link} to="/solutions">
          {t('library.clearAll')}
        </Anchor>
      )}
    </Stack>
  );

  return (
    <>
      <PageTitle>{t('library.title')}</PageTitle>
      <Text mb="md">{t('library.intro')}</Text>
      {/* A new search in the address (back, a shared link) starts the box afresh. */}
      <SearchForm key={q} q={q} onSearch={searchFor} />
      <Grid gap="xl">
        {wide && (
          <Grid.Col span={3}>
            <Box component="section" aria-labelledby="library-filters">
              <Title order={2} size="h3" id="library-filters" mb="sm">
                {t('library.filters')}
              </Title>
              {filters}
            </Box>
          </Grid.Col>
        )}
        <Grid.Col span={wide ? 9 : 12}>
          <Box component="section" aria-labelledby="library-results">
            <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
              <Title order={2} size="h3" id="library-results">
                {t('library.results')}
              </Title>
              {!wide && (
                <Button variant="default" onClick={drawer.open} aria-haspopup="dialog" aria-expanded={drawerOpen} disabled={!data}>
                  {t('library.filtersButton', { count: chosen })}
                </Button>
              )}
              <NativeSelect
                label={t('library.sortLabel')}
                value={sort}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  update((next) => {
                    next.set('sort', value);
                    next.delete('page');
                  });
                }}
                data={SolutionSort.options.map((value) => ({ value, label: t(`library.sort.${value}`) }))}
              />
            </Group>
            <Text role="status" size="sm" c="dimmed" mb="sm">
              {data ? countLine(data) : ''}
            </Text>
            <ProblemAlert error={search.error} />
            {search.isPending && <LoadingState />}
            {data && data.items.length === 0 && <EmptyState title={t('library.emptyTitle')} description={t('library.emptyBody')} />}
            {data && data.items.length > 0 && (
              <Stack component="ol" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {data.items.map((item) => (
                  <LibraryItem key={`${item.kind}-${item.id}`} item={item} />
                ))}
              </Stack>
            )}
            {data && (
              <PaginationBar
                page={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                label={t('library.pagesLabel')}
                onChange={(next) => update((p) => p.set('page', String(next)))}
              />
            )}
          </Box>
        </Grid.Col>
      </Grid>
      {!wide && (
        // Mantine gives focus back to the Filters button when the drawer closes.
        <Drawer opened={drawerOpen} onClose={drawer.close} title={t('library.filters')} position="bottom" size="85%" closeButtonProps={{ 'aria-label': t('common.close') }}>
          {filters}
          <Button fullWidth mt="lg" onClick={drawer.close}>
            {data ? t('library.showResults', { count: data.total }) : t('common.close')}
          </Button>
        </Drawer>
      )}
    </>
  );
}

/** One result: a solution, or a published question and answer (docs/support.md, "Knowledge"). */
function LibraryItem({ item }: { item: LibraryHit }) {
  const { t } = useTranslation();
  const answer = item.kind === 'answer';
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid={answer ? 'library-answer' : 'library-solution'}>
      {answer && (
        <Badge variant="outline" color="indigo.9" mb={6}>
          {t('library.answerBadge')}
        </Badge>
      )}
      <Title order={3} size="h4" mb={4}>
        <Anchor component={Link} to={answer ? `/library/answers/${item.id}` : `/solutions/${item.id}`}>
          <HighlightedText segments={item.titleHighlight} />
        </Anchor>
      </Title>
      <Text size="sm" mb={6}>
        <Anchor component={Link} to={`/cities/${item.city.slug}`}>
          {item.city.name}
        </Anchor>{' '}
        · {t(`cityKinds.${item.city.kind}`)} · {item.city.country}
      </Text>
      <Text size="sm" mb="xs">
        <HighlightedText segments={item.snippet} />
      </Text>
      {answer ? <AnswerBadges sectors={item.sectors} levers={item.levers} /> : <SolutionBadges solution={item} />}
    </Paper>
  );
}

function FacetGroup({
  dimension,
  values,
  selected,
  onToggle,
}: {
  dimension: Dimension;
  values: FacetValue[];
  selected: string[];
  onToggle: (value: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const id = useId();
  const [showAll, setShowAll] = useState(false);
  const label = (value: string): string => {
    switch (dimension) {
      case 'sector': {
        const code = SectorCode.safeParse(value);
        return code.success ? t(`sectors.${code.data}`) : value;
      }
      case 'stage': {
        const stage = SolutionStage.safeParse(value);
        return stage.success ? t(`library.stages.${stage.data}`) : value;
      }
      case 'lever': {
        const lever = LeverCode.safeParse(value);
        return lever.success ? t(`library.levers.${lever.data}`) : value;
      }
      case 'kind': {
        const kind = LibraryKind.safeParse(value);
        return kind.success ? t(`library.kindFacet.${kind.data}`) : value;
      }
      case 'mission': {
        const kind = CityKind.safeParse(value);
        return kind.success ? t(`library.missionFacet.${kind.data}`) : value;
      }
      case 'country':
        return countryName(value);
      default:
        return value;
    }
  };
  const visible = showAll || values.length <= 8 ? values : values.filter((v, i) => i < 8 || selected.includes(v.value));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend id={id} style={{ fontWeight: 600, marginBottom: 4 }}>
        {t(`library.facets.${dimension}`)}
      </legend>
      <Stack gap={6}>
        {visible.map((v) => (
          <Checkbox
            key={v.value}
            label={t('library.facetValue', { label: label(v.value), count: v.count })}
            checked={selected.includes(v.value)}
            onChange={(event) => onToggle(v.value, event.currentTarget.checked)}
            disabled={v.count === 0 && !selected.includes(v.value)}
          />
        ))}
      </Stack>
      {values.length > 8 && (
        <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setShowAll((s) => !s)} aria-expanded={showAll}>
          {showAll ? t('library.showFewer') : t('library.showAll', { count: values.length })}
        </Button>
      )}
    </fieldset>
  );
}

function SearchForm({ q, onSearch }: { q: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  const form = useApiForm({ initialValues: { q }, schema: SearchText, onValid: (body) => onSearch(body.q ?? '') });
  return (
    <form {...form.formProps} role="search" aria-label={t('library.searchLabel')}>
      <Group align="flex-end" gap="sm" mb="lg">
        <TextInput label={t('library.searchLabel')} description={t('library.searchHint')} type="search" {...form.getInputProps('q')} style={{ flex: '1 1 18rem' }} name="q" />
        <Button type="submit">{t('library.searchButton')}</Button>
      </Group>
    </form>
  );
}
