import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { SolutionCard, SolutionDetail, SolutionLink, SolutionSearchQuery } from '../../../shared/solution.schemas.ts';
import type { CitiesTable, Database, SolutionsTable } from '../../db/schema.ts';

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

type Dimension = 'sector' | 'country' | 'stage' | 'lever' | 'mission' | 'visitable';
const DIMENSIONS: readonly Dimension[] = ['sector', 'country', 'stage', 'lever', 'mission', 'visitable'];

function dimensionConditions(query: SolutionSearchQuery): Record<Dimension, RawBuilder<boolean> | null> {
  return {
    sector: query.sector?.length ? sql<boolean>`s.sectors && ${query.sector}::text[]` : null,
    country: query.country?.length ? sql<boolean>`s.city_country = ANY(${query.country}::text[])` : null,
    stage: query.stage?.length ? sql<boolean>`s.stage = ANY(${query.stage}::text[])` : null,
    lever: query.lever?.length ? sql<boolean>`s.lever = ANY(${query.lever}::text[])` : null,
    mission: query.mission?.length ? sql<boolean>`s.city_kind = ANY(${query.mission}::text[])` : null,
    visitable: query.visitable !== undefined ? sql<boolean>`s.visitable = ${query.visitable}` : null,
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

/**
 * Published solutions matching the query, one page, with highlighted title
 * and snippet; and for each filter dimension the counts of its values with
 * every other filter applied (so ticking a box never hides its neighbours).
 *
 * One statement, one pass over the matching rows of one table (the city's
 * country and kind are copied onto each solution, migration 0012): the rows
 * are materialised once with a flag per filter and, for the rows passing
 * every filter, their sort key (relevance is ranked only for those); the
 * facet counts and the page are both taken from that set. Only the page's
 * rows are read again, for the card and the highlights.
 */
export async function searchSolutions(db: Q, query: SolutionSearchQuery) {
  const dims = dimensionConditions(query);
  const q = query.q ? query.q : null;
  const baseWhere = allOf([
    sql<boolean>`s.status = 'published'`,
    q ? sql<boolean>`s.search @@ ${textQuery(q)}` : null,
    query.city ? sql<boolean>`s.city_id = (SELECT id FROM cities WHERE slug = ${query.city})` : null,
  ]);
  const allFilters = allOf(DIMENSIONS.map((d) => dims[d]));
  const flag = (d: Dimension) => dims[d] ?? sql<boolean>`true`;
  const flagsOf = (ds: readonly Dimension[]) => allOf(ds.map((x) => (dims[x] ? sql<boolean>`${sql.ref(`f_${x}`)}` : null)));
  const others = (d: Dimension) => flagsOf(DIMENSIONS.filter((x) => x !== d));

  const sort = query.sort === 'relevance' && !q ? 'newest' : query.sort;
  // The sort key, computed only for rows that pass every filter.
  const key =
    sort === 'relevance'
      ? sql`ts_rank_cd(s.search, ${textQuery(q ?? '')})`
      : sort === 'impact'
        ? sql`s.impact_tco2e_per_year`
        : sort === 'title'
          ? sql`lower(s.title)`
          : sql`NULL::int`;
  const order =
    sort === 'relevance'
      ? sql`k DESC, published_at DESC`
      : sort === 'impact'
        ? sql`k DESC NULLS LAST, published_at DESC`
        : sort === 'title'
          ? sql`k ASC`
          : sql`published_at DESC`;

  const result = await sql<{ facets: { dim: string; value: string; n: number }[] | null; ids: string[] | null }>`
    WITH base AS MATERIALIZED (
      SELECT s.id, s.sectors, s.stage, s.lever, s.visitable, s.city_country AS country, s.city_kind AS kind, s.published_at,
        ${sql.join(
          DIMENSIONS.map((d) => sql`${flag(d)} AS ${sql.ref(`f_${d}`)}`),
          sql`, `,
        )},
        CASE WHEN ${allFilters} THEN ${key} END AS k
      FROM solutions s
      WHERE ${baseWhere}
    ),
    facets AS (
      SELECT 'sector' AS dim, x AS value, count(*)::int AS n FROM base, unnest(sectors) AS x WHERE ${others('sector')} GROUP BY x
      UNION ALL SELECT 'country', country::text, count(*)::int FROM base WHERE ${others('country')} GROUP BY country
      UNION ALL SELECT 'stage', stage, count(*)::int FROM base WHERE ${others('stage')} GROUP BY stage
      UNION ALL SELECT 'lever', lever, count(*)::int FROM base WHERE ${others('lever')} GROUP BY lever
      UNION ALL SELECT 'mission', kind, count(*)::int FROM base WHERE ${others('mission')} GROUP BY kind
      UNION ALL SELECT 'visitable', visitable::text, count(*)::int FROM base WHERE ${others('visitable')} GROUP BY visitable
      UNION ALL SELECT 'total', '', count(*)::int FROM base WHERE ${flagsOf(DIMENSIONS)}
    ),
    page AS (
      SELECT id, k, published_at FROM base WHERE ${flagsOf(DIMENSIONS)}
      ORDER BY ${order}, id
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
    )
    SELECT (SELECT json_agg(facets) FROM facets) AS facets, (SELECT json_agg(id ORDER BY ${order}, id) FROM page) AS ids`.execute(db);

  const found = result.rows[0];
  const ids = found?.ids ?? [];
  if (!ids.length) return { facets: found?.facets ?? [], rows: [] };
  const items = await sql<SearchRow>`
    SELECT ${CARD_SELECT},
      ${q ? sql`ts_headline(search_config(s.language), s.title, ${docQuery(q)}, ${TITLE_HEADLINE})` : sql`s.title`} AS title_hl,
      ${q ? sql`ts_headline(search_config(s.language), s.summary, ${docQuery(q)}, ${SNIPPET_HEADLINE})` : sql`s.summary`} AS snippet_hl
    FROM solutions s JOIN cities c ON c.id = s.city_id
    WHERE s.id = ANY(${ids}::uuid[])`.execute(db);
  const byId = new Map(items.rows.map((r) => [r.id, r]));
  return { facets: found?.facets ?? [], rows: ids.flatMap((id) => byId.get(id) ?? []) };
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
