import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { SolutionCard, SolutionDetail, SolutionLink, SolutionSearchQuery } from '../../../shared/solution.schemas.ts';
import type { CitiesTable, Database, SolutionsTable } from '../../db/schema.ts';
import type { LibrarySearchQuery } from '../../../shared/library.schemas.ts';

type Q = Kysely<Database>;

// ts_headline marks matches with control characters that cannot come from a
// form field; the service turns them into { text, match } segments.
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';
const TITLE_HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`;
const SNIPPET_HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

type CardRow = Pick<
  Selectable<SolutionsTable>,
  'id' | 'title' | 'summary' | 'sectors' | 'lever' | 'stage' | 'impact_tco2e_per_year' | 'cost_range' | 'visitable' | 'status' | 'demo' | 'language' | 'updated_at'
> & { city_id: string; city_slug: string; city_name: string; city_country: string; city_kind: CitiesTable['kind'] };

const CARD_SELECT = sql`
  s.id, s.title, s.summary, s.sectors, s.lever, s.stage, s.impact_tco2e_per_year, s.cost_range, s.visitable,
  s.status, s.demo, s.language, s.updated_at,
  c.id AS city_id, c.slug AS city_slug, c.name AS city_name, c.country AS city_country, c.kind AS city_kind`;

const toCard = (r: CardRow): SolutionCard => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  sectors: r.sectors as SectorCode[],
  lever: r.lever as SolutionCard['lever'],
  stage: r.stage,
  impactTco2ePerYear: r.impact_tco2e_per_year,
  costRange: r.cost_range as SolutionCard['costRange'],
  visitable: r.visitable,
  status: r.status,
  demo: r.demo,
  language: r.language,
  updatedAt: new Date(r.updated_at).toISOString(),
  city: { id: r.city_id, slug: r.city_slug, name: r.city_name, country: r.city_country, kind: r.city_kind },
});

/** Words typed in any language: stemmed as English and also matched as typed. */
const textQuery = (q: string) => sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
/** The same query stemmed in the document's own language, for highlighting. */
const docQuery = (q: string) => sql`(websearch_to_tsquery(search_config(s.language), ${q}) || websearch_to_tsquery('simple', ${q}))`;
const answerQuery = (q: string) => sql`(websearch_to_tsquery(search_config(a.language), ${q}) || websearch_to_tsquery('simple', ${q}))`;

type Dimension = 'kind' | 'sector' | 'country' | 'stage' | 'lever' | 'mission' | 'visitable';
const DIMENSIONS: readonly Dimension[] = ['kind', 'sector', 'country', 'stage', 'lever', 'mission', 'visitable'];

/**
 * The filters on one kind of entry. Solutions (alias s) carry their city's
 * country and kind (migration 0012); published answers (alias a, joined to
 * their city c) have levers instead of one lever, and no stage nor visits:
 * filtering by either leaves them out.
 */
function dimensionConditions(query: LibrarySearchQuery, of: 'solution' | 'answer'): Record<Dimension, RawBuilder<boolean> | null> {
  const solution = of === 'solution';
  return {
    kind: query.kind?.length ? sql<boolean>`${of}::text = ANY(${query.kind}::text[])` : null,
    sector: query.sector?.length ? (solution ? sql<boolean>`s.sectors && ${query.sector}::text[]` : sql<boolean>`a.sectors && ${query.sector}::text[]`) : null,
    country: query.country?.length ? (solution ? sql<boolean>`s.city_country = ANY(${query.country}::text[])` : sql<boolean>`c.country = ANY(${query.country}::text[])`) : null,
    stage: query.stage?.length ? (solution ? sql<boolean>`s.stage = ANY(${query.stage}::text[])` : sql<boolean>`false`) : null,
    lever: query.lever?.length ? (solution ? sql<boolean>`s.lever = ANY(${query.lever}::text[])` : sql<boolean>`a.levers && ${query.lever}::text[]`) : null,
    mission: query.mission?.length ? (solution ? sql<boolean>`s.city_kind = ANY(${query.mission}::text[])` : sql<boolean>`c.kind = ANY(${query.mission}::text[])`) : null,
    visitable: query.visitable !== undefined ? (solution ? sql<boolean>`s.visitable = ${query.visitable}` : sql<boolean>`false`) : null,
  };
}

const allOf = (parts: (RawBuilder<boolean> | null)[]) => {
  const present = parts.filter((p): p is RawBuilder<boolean> => p !== null);
  return present.length ? sql<boolean>`${sql.join(present, sql` AND `)}` : sql<boolean>`true`;
};

export interface SearchRow extends CardRow {
  title_hl: string;
  snippet_hl: string;
}

/** A published question and answer as the library lists it. */
export interface AnswerSearchRow {
  id: string;
  title: string;
  sectors: string[];
  levers: string[];
  published_at: Date;
  city_id: string;
  city_slug: string;
  city_name: string;
  city_country: string;
  city_kind: CitiesTable['kind'];
  title_hl: string;
  snippet_hl: string;
}

export type LibraryRow = { kind: 'solution'; row: SearchRow } | { kind: 'answer'; row: AnswerSearchRow };

/** Published solutions matching the query, one page, with highlights and facet counts (see searchLibrary). */
export async function searchSolutions(db: Q, query: SolutionSearchQuery) {
  const { facets, rows } = await searchLibrary(db, { ...query, kind: undefined }, { answers: false });
  return { facets, rows: rows.flatMap((r) => (r.kind === 'solution' ? [r.row] : [])) };
}

/**
 * Published solutions — and, with `answers`, published questions and
 * answers of expert support — matching the query, one page, with
 * highlighted title and snippet; and for each filter dimension the counts of
 * its values with every other filter applied (so ticking a box never hides
 * its neighbours).
 *
 * One statement, one pass over the matching rows (the city's country and
 * kind are copied onto each solution, migration 0012; the few published
 * answers join their city): the rows are materialised once with a flag per
 * filter and, for the rows passing every filter, their sort key (relevance
 * is ranked only for those); the facet counts and the page are both taken
 * from that set. Only the page's rows are read again, for the card and the
 * highlights: one statement per kind, never one per row.
 */
export async function searchLibrary(db: Q, query: LibrarySearchQuery, options: { answers: boolean }): Promise<{ facets: { dim: string; value: string; n: number }[]; rows: LibraryRow[] }> {
  const q = query.q ? query.q : null;
  const citySlug = query.city ?? null;
  const sort = query.sort === 'relevance' && !q ? 'newest' : query.sort;

  const part = (of: 'solution' | 'answer') => {
    const solution = of === 'solution';
    const dims = dimensionConditions(query, of);
    const t = solution ? sql.ref('s') : sql.ref('a');
    const baseWhere = allOf([
      solution ? sql<boolean>`s.status = 'published'` : sql<boolean>`a.published_at IS NOT NULL`,
      q ? sql<boolean>`${t}.search @@ ${textQuery(q)}` : null,
      citySlug ? sql<boolean>`${t}.city_id = (SELECT id FROM cities WHERE slug = ${citySlug})` : null,
    ]);
    const allFilters = allOf(DIMENSIONS.map((d) => dims[d]));
    const flag = (d: Dimension) => dims[d] ?? sql<boolean>`true`;
    // The sort key, computed only for rows that pass every filter.
    const key =
      sort === 'relevance'
        ? sql`ts_rank_cd(${t}.search, ${textQuery(q ?? '')})`
        : sort === 'impact'
          ? solution ? sql`s.impact_tco2e_per_year` : sql`NULL::numeric`
          : sort === 'title'
            ? sql`lower(${t}.title)`
            : sql`NULL::int`;
    const flags = sql.join(
      DIMENSIONS.map((d) => sql`${flag(d)} AS ${sql.ref(`f_${d}`)}`),
      sql`, `,
    );
    return solution
      ? sql`SELECT s.id, 'solution'::text AS kind, s.sectors, s.stage, ARRAY[s.lever] AS levers, s.visitable, s.city_country::text AS country, s.city_kind::text AS mission, s.published_at,
          ${flags}, CASE WHEN ${allFilters} THEN ${key} END AS k
        FROM solutions s
        WHERE ${baseWhere}`
      : sql`SELECT a.id, 'answer'::text AS kind, a.sectors, NULL::text AS stage, a.levers, NULL::boolean AS visitable, c.country::text AS country, c.kind::text AS mission, a.published_at,
          ${flags}, CASE WHEN ${allFilters} THEN ${key} END AS k
        FROM support_publications a JOIN cities c ON c.id = a.city_id
        WHERE ${baseWhere}`;
  };

  const anyFilter = (ds: readonly Dimension[]) => ds.filter((d) => dimensionConditions(query, 'solution')[d] !== null);
  const flagsOf = (ds: readonly Dimension[]) => allOf(anyFilter(ds).map((x) => sql<boolean>`${sql.ref(`f_${x}`)}`));
  const others = (d: Dimension) => flagsOf(DIMENSIONS.filter((x) => x !== d));
  const order =
    sort === 'relevance'
      ? sql`k DESC, published_at DESC`
      : sort === 'impact'
        ? sql`k DESC NULLS LAST, published_at DESC`
        : sort === 'title'
          ? sql`k ASC`
          : sql`published_at DESC`;

  const result = await sql<{ facets: { dim: string; value: string; n: number }[] | null; hits: { id: string; kind: 'solution' | 'answer' }[] | null }>`
    WITH base AS MATERIALIZED (
      ${part('solution')}
      ${options.answers ? sql`UNION ALL ${part('answer')}` : sql``}
    ),
    facets AS (
      SELECT 'kind' AS dim, kind AS value, count(*)::int AS n FROM base WHERE ${others('kind')} GROUP BY kind
      UNION ALL SELECT 'sector', x, count(*)::int FROM base, unnest(sectors) AS x WHERE ${others('sector')} GROUP BY x
      UNION ALL SELECT 'country', country, count(*)::int FROM base WHERE ${others('country')} GROUP BY country
      UNION ALL SELECT 'stage', stage, count(*)::int FROM base WHERE stage IS NOT NULL AND ${others('stage')} GROUP BY stage
      UNION ALL SELECT 'lever', x, count(*)::int FROM base, unnest(levers) AS x WHERE ${others('lever')} GROUP BY x
      UNION ALL SELECT 'mission', mission, count(*)::int FROM base WHERE ${others('mission')} GROUP BY mission
      UNION ALL SELECT 'visitable', visitable::text, count(*)::int FROM base WHERE visitable IS NOT NULL AND ${others('visitable')} GROUP BY visitable
      UNION ALL SELECT 'total', '', count(*)::int FROM base WHERE ${flagsOf(DIMENSIONS)}
    ),
    page AS (
      SELECT id, kind, k, published_at FROM base WHERE ${flagsOf(DIMENSIONS)}
      ORDER BY ${order}, id
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
    )
    SELECT (SELECT json_agg(facets) FROM facets) AS facets,
      (SELECT json_agg(json_build_object('id', id, 'kind', kind) ORDER BY ${order}, id) FROM page) AS hits`.execute(db);

  const found = result.rows[0];
  const facets = found?.facets ?? [];
  const hits = found?.hits ?? [];
  if (!hits.length) return { facets, rows: [] };
  const solutionIds = hits.filter((h) => h.kind === 'solution').map((h) => h.id);
  const answerIds = hits.filter((h) => h.kind === 'answer').map((h) => h.id);
  const [solutions, answers] = await Promise.all([
    solutionIds.length
      ? sql<SearchRow>`
    SELECT ${CARD_SELECT},
      ${q ? sql`ts_headline(search_config(s.language), s.title, ${docQuery(q)}, ${TITLE_HEADLINE})` : sql`s.title`} AS title_hl,
      ${q ? sql`ts_headline(search_config(s.language), s.summary, ${docQuery(q)}, ${SNIPPET_HEADLINE})` : sql`s.summary`} AS snippet_hl
    FROM solutions s JOIN cities c ON c.id = s.city_id
    WHERE s.id = ANY(${solutionIds}::uuid[])`.execute(db)
      : { rows: [] },
    answerIds.length
      ? sql<AnswerSearchRow>`
    SELECT a.id, a.title, a.sectors, a.levers, a.published_at,
      c.id AS city_id, c.slug AS city_slug, c.name AS city_name, c.country AS city_country, c.kind AS city_kind,
      ${q ? sql`ts_headline(search_config(a.language), a.title, ${answerQuery(q)}, ${TITLE_HEADLINE})` : sql`a.title`} AS title_hl,
      ${q ? sql`ts_headline(search_config(a.language), a.question || ' … ' || a.answer, ${answerQuery(q)}, ${SNIPPET_HEADLINE})` : sql`left(a.question, 300)`} AS snippet_hl
    FROM support_publications a JOIN cities c ON c.id = a.city_id
    WHERE a.id = ANY(${answerIds}::uuid[]) AND a.published_at IS NOT NULL`.execute(db)
      : { rows: [] },
  ]);
  const solutionById = new Map(solutions.rows.map((r) => [r.id, r]));
  const answerById = new Map(answers.rows.map((r) => [r.id, r]));
  return {
    facets,
    rows: hits.flatMap((h): LibraryRow[] => {
      if (h.kind === 'solution') {
        const row = solutionById.get(h.id);
        return row ? [{ kind: 'solution', row }] : [];
      }
      const row = answerById.get(h.id);
      return row ? [{ kind: 'answer', row }] : [];
    }),
  };
}

export { toCard };

export interface SolutionRow extends CardRow {
  body_html: string;
  start_year: number | null;
  end_year: number | null;
  links: SolutionLink[];
  tags: string[];
  published_at: Date | null;
  created_at: Date;
  version: number;
}

export async function findSolution(db: Q, id: string): Promise<SolutionRow | null> {
  const result = await sql<SolutionRow>`
    SELECT ${CARD_SELECT}, s.body_html, s.start_year, s.end_year, s.links, s.tags, s.published_at, s.created_at, s.version
    FROM solutions s JOIN cities c ON c.id = s.city_id
    WHERE s.id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

export function toDetail(r: SolutionRow, canEdit: boolean): SolutionDetail {
  return {
    ...toCard(r),
    bodyHtml: r.body_html,
    startYear: r.start_year,
    endYear: r.end_year,
    links: r.links,
    tags: r.tags,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
    canEdit,
  };
}

export async function solutionsOfCity(db: Q, cityId: string, includeDrafts: boolean): Promise<SolutionCard[]> {
  const result = await sql<CardRow>`
    SELECT ${CARD_SELECT} FROM solutions s JOIN cities c ON c.id = s.city_id
    WHERE s.city_id = ${cityId} ${includeDrafts ? sql`` : sql`AND s.status = 'published'`}
    ORDER BY s.status DESC, s.published_at DESC NULLS FIRST, s.title`.execute(db);
  return result.rows.map(toCard);
}

/** A solution's columns as written (insert and versioned update). */
export type SolutionValues = Required<Omit<Insertable<SolutionsTable>, 'id' | 'version' | 'created_at' | 'updated_at'>>;

export async function insertSolutions(db: Q, rows: SolutionValues[]) {
  if (!rows.length) return [];
  return db.insertInto('solutions').values(rows).returning('id').execute();
}

/** Applies the change if the solution is still at `expectedVersion`; null when someone else changed it first. */
export async function updateSolutionIfVersion(db: Q, id: string, expectedVersion: number, change: Partial<SolutionValues>) {
  const row = await db
    .updateTable('solutions')
    .set((eb) => ({ ...change, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row ?? null;
}

export async function deleteSolution(db: Q, id: string) {
  await db.deleteFrom('solutions').where('id', '=', id).execute();
}

/** Recomputes the published-solution count and sectors kept on each city (all cities when `cityIds` is null). */
export async function refreshCitySolutionStats(db: Q, cityIds: string[] | null) {
  await sql`
    UPDATE cities c SET
      solution_count = coalesce(agg.n, 0),
      solution_sectors = coalesce(agg.sectors, '{}')
    FROM cities c2
    LEFT JOIN (
      SELECT s.city_id, count(DISTINCT s.id)::int AS n, array_agg(DISTINCT x ORDER BY x) AS sectors
      FROM solutions s, unnest(s.sectors) AS x
      WHERE s.status = 'published' ${cityIds ? sql`AND s.city_id = ANY(${cityIds}::uuid[])` : sql``}
      GROUP BY s.city_id
    ) agg ON agg.city_id = c2.id
    WHERE c.id = c2.id ${cityIds ? sql`AND c2.id = ANY(${cityIds}::uuid[])` : sql``}`.execute(db);
}

// "Like this one": any of the solution's own title and tag lexemes (stemmed
// in its language, quoted so no lexeme is read as query syntax), ranked by
// ts_rank, title trigram similarity breaking ties.
const likeQuery = (id: string) => sql`(
  SELECT to_tsquery('simple', coalesce(nullif(array_to_string(ARRAY(
    SELECT quote_literal(l) FROM unnest(tsvector_to_array(
      to_tsvector(search_config(src.language), src.title || ' ' || array_to_string(src.tags, ' ')))) AS l
    WHERE length(l) > 2), ' | '), ''), 'zzzznothing'))
  FROM solutions src WHERE src.id = ${id})`;

/** Published solutions sharing a sector that read alike, most alike first; topped up with the newest of the same sectors. */
export async function relatedSolutions(db: Q, source: { id: string; title: string; sectors: string[] }, limit: number): Promise<SolutionCard[]> {
  const result = await sql<CardRow>`
    SELECT ${CARD_SELECT} FROM solutions s JOIN cities c ON c.id = s.city_id, ${likeQuery(source.id)} AS lq(q)
    WHERE s.status = 'published' AND s.id <> ${source.id} AND s.sectors && ${source.sectors}::text[] AND s.search @@ lq.q
    ORDER BY ts_rank(s.search, lq.q) DESC, similarity(s.title, ${source.title}) DESC, s.id
    LIMIT ${limit}`.execute(db);
  const found = result.rows.map(toCard);
  if (found.length >= limit) return found;
  const more = await sql<CardRow>`
    SELECT ${CARD_SELECT} FROM solutions s JOIN cities c ON c.id = s.city_id
    WHERE s.status = 'published' AND s.id <> ${source.id} AND s.sectors && ${source.sectors}::text[]
      ${found.length ? sql`AND s.id <> ALL(${found.map((f) => f.id)}::uuid[])` : sql``}
    ORDER BY (s.sectors = ${source.sectors}::text[]) DESC, s.published_at DESC, s.id
    LIMIT ${limit - found.length}`.execute(db);
  return [...found, ...more.rows.map(toCard)];
}

/** Other cities with a published solution that reads like this one, most alike first. */
export async function citiesWithSimilarSolutions(db: Q, source: { id: string; title: string; cityId: string }, limit: number) {
  const result = await sql<{ city_id: string; city_slug: string; city_name: string; city_country: string; city_kind: 'mission' | 'aspiring'; solution_id: string; solution_title: string; rank: number }>`
    SELECT * FROM (
      SELECT DISTINCT ON (c.id) c.id AS city_id, c.slug AS city_slug, c.name AS city_name, c.country AS city_country, c.kind AS city_kind,
        s.id AS solution_id, s.title AS solution_title, ts_rank(s.search, lq.q) AS rank
      FROM solutions s JOIN cities c ON c.id = s.city_id, ${likeQuery(source.id)} AS lq(q)
      WHERE s.status = 'published' AND s.city_id <> ${source.cityId} AND s.search @@ lq.q
      ORDER BY c.id, rank DESC, s.id
    ) best
    ORDER BY rank DESC, city_slug
    LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => ({
    city: { id: r.city_id, slug: r.city_slug, name: r.city_name, country: r.city_country, kind: r.city_kind },
    solutionId: r.solution_id,
    solutionTitle: r.solution_title,
  }));
}
