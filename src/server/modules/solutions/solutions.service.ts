import { sanitizeRichText } from '../../lib/rich-text.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type {
  CreateSolutionBody,
  FacetValue,
  Highlighted,
  RelatedSolutions,
  SolutionCard,
  SolutionDetail,
  SolutionSearchQuery,
  SolutionSearchResult,
  UpdateSolutionBody,
} from '../../../shared/solution.schemas.ts';
import type { Db } from '../../db/client.ts';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { LibrarySearchQuery, LibrarySearchResult } from '../../../shared/library.schemas.ts';
import type { LeverCode } from '../../../shared/solution.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCityById, findCityProfile } from '../cities/cities.repository.ts';
import { mayActForCity } from '../cities/cities.policy.ts';
import { mayChangeSolution, maySeeSolution } from './solutions.policy.ts';
import {
  MATCH_END,
  MATCH_START,
  citiesWithSimilarSolutions,
  deleteSolution,
  findSolution,
  insertSolutions,
  refreshCitySolutionStats,
  relatedSolutions,
  searchLibrary,
  searchSolutions,
  solutionsOfCity,
  toCard,
  toDetail,
  updateSolutionIfVersion,
  type SolutionValues,
} from './solutions.repository.ts';

/** Splits ts_headline output (matches between control characters) into plain-text segments. */
function toSegments(marked: string): Highlighted {
  const segments: Highlighted = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) {
      const last = segments[segments.length - 1];
      if (last && last.match === match) last.text += text;
      else segments.push({ text, match });
    }
    text = '';
  };
  for (const ch of marked) {
    if (ch === MATCH_START || ch === MATCH_END) {
      flush();
      match = ch === MATCH_START;
    } else text += ch;
  }
  flush();
  return segments;
}

const DIMENSION_ORDER = {
  sector: ['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions'],
  stage: ['planned', 'in_progress', 'implemented'],
  lever: ['technology-infrastructure', 'governance-policy', 'social-innovation', 'democracy-participation', 'finance-funding', 'learning-capabilities'],
  mission: ['mission', 'aspiring'],
  visitable: ['true', 'false'],
  kind: ['solution', 'answer'],
} as const;

type FacetRow = { dim: string; value: string; n: number };

function facetsOf(facetRows: FacetRow[], query: SolutionSearchQuery) {
  const byDim = new Map<string, Map<string, number>>();
  let total = 0;
  for (const f of facetRows) {
    if (f.dim === 'total') total = f.n;
    else byDim.set(f.dim, (byDim.get(f.dim) ?? new Map()).set(f.value, f.n));
  }
  // Fixed dimensions list every value (0 included) so a ticked box never vanishes.
  const fixed = (dim: keyof typeof DIMENSION_ORDER): FacetValue[] =>
    DIMENSION_ORDER[dim].map((value) => ({ value, count: byDim.get(dim)?.get(value) ?? 0 }));
  const countries = byDim.get('country') ?? new Map<string, number>();
  for (const c of query.country ?? []) if (!countries.has(c)) countries.set(c, 0);
  return {
    total,
    facets: {
      sector: fixed('sector'),
      country: [...countries].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      stage: fixed('stage'),
      lever: fixed('lever'),
      mission: fixed('mission'),
      visitable: fixed('visitable'),
    },
    kind: fixed('kind'),
  };
}

export async function search(db: Db, query: SolutionSearchQuery): Promise<SolutionSearchResult> {
  const { facets, rows } = await searchSolutions(db, query);
  const counted = facetsOf(facets, query);
  return {
    items: rows.map((r) => ({ ...toCard(r), titleHighlight: toSegments(r.title_hl), snippet: toSegments(r.snippet_hl) })),
    total: counted.total,
    page: query.page,
    pageSize: query.pageSize,
    facets: counted.facets,
  };
}

/** The library: solutions and published questions and answers of expert support, one search, the same facets and a facet of kinds. */
export async function searchLibraryEntries(db: Db, query: LibrarySearchQuery): Promise<LibrarySearchResult> {
  const { facets, rows } = await searchLibrary(db, query, { answers: true });
  const counted = facetsOf(facets, query);
  return {
    items: rows.map((r) =>
      r.kind === 'solution'
        ? { kind: 'solution' as const, ...toCard(r.row), titleHighlight: toSegments(r.row.title_hl), snippet: toSegments(r.row.snippet_hl) }
        : {
            kind: 'answer' as const,
            id: r.row.id,
            title: r.row.title,
            titleHighlight: toSegments(r.row.title_hl),
            snippet: toSegments(r.row.snippet_hl),
            sectors: r.row.sectors as SectorCode[],
            levers: r.row.levers as LeverCode[],
            city: { id: r.row.city_id, slug: r.row.city_slug, name: r.row.city_name, country: r.row.city_country, kind: r.row.city_kind },
            publishedAt: new Date(r.row.published_at).toISOString(),
          },
    ),
    total: counted.total,
    page: query.page,
    pageSize: query.pageSize,
    facets: { kind: counted.kind, ...counted.facets },
  };
}

/** The solution if `user` may see it: published ones to everybody, drafts to the city's own people. */
async function visibleSolution(db: Db, id: string, user: CurrentUser | null) {
  const row = await findSolution(db, id);
  if (!row || !maySeeSolution(user, { status: row.status, cityId: row.city_id })) throw new AppError('NOT_FOUND', reason('SOLUTION_NOT_FOUND'));
  return { row, canEdit: mayChangeSolution(user, { cityId: row.city_id }) };
}

const forbiddenForCity = () => new AppError('FORBIDDEN', reason('SOLUTION_CITY_ACTORS_ONLY'));

/** The solution if `actor` may change it: 404 when they may not even see it, 403 when they may only see it. */
async function changeableSolution(db: Db, id: string, actor: CurrentUser) {
  const { row, canEdit } = await visibleSolution(db, id, actor);
  if (!canEdit) throw forbiddenForCity();
  return row;
}

export async function solutionDetail(db: Db, id: string, user: CurrentUser | null): Promise<SolutionDetail> {
  const { row, canEdit } = await visibleSolution(db, id, user);
  return toDetail(row, canEdit);
}

export async function related(db: Db, id: string, user: CurrentUser | null): Promise<RelatedSolutions> {
  const { row } = await visibleSolution(db, id, user);
  const source = { id: row.id, title: row.title, sectors: row.sectors, cityId: row.city_id };
  const [solutions, cities] = await Promise.all([relatedSolutions(db, source, 6), citiesWithSimilarSolutions(db, source, 8)]);
  return { solutions, cities };
}

export async function solutionsOfCitySlug(db: Db, slug: string, user: CurrentUser | null): Promise<SolutionCard[]> {
  const city = await findCityProfile(db, slug);
  if (!city) throw new AppError('NOT_FOUND', reason('CITY_NOT_FOUND'));
  return solutionsOfCity(db, city.id, mayActForCity(user, city.id));
}


export async function createSolution(db: Db, input: { body: CreateSolutionBody; actor: CurrentUser; ip: string }): Promise<SolutionDetail> {
  const { body, actor } = input;
  const city = await findCityById(db, body.cityId);
  if (!city) throw new AppError('VALIDATION_FAILED', reason('CHOOSE_AN_EXISTING_CITY'), { errors: [fieldError('body.cityId', reason('CITY_NO_SUCH'))] });
  if (!mayChangeSolution(actor, { cityId: city.id })) throw forbiddenForCity();
  const id = await db.transaction().execute(async (trx) => {
    const [created] = await insertSolutions(trx, [
      {
        city_id: city.id,
        title: body.title,
        summary: body.summary,
        body_html: sanitizeRichText(body.bodyHtml),
        sectors: [...new Set(body.sectors)],
        lever: body.lever,
        stage: body.stage,
        impact_tco2e_per_year: body.impactTco2ePerYear,
        cost_range: body.costRange,
        visitable: body.visitable,
        start_year: body.startYear,
        end_year: body.endYear,
        links: JSON.stringify(body.links),
        tags: [...new Set(body.tags)],
        language: body.language,
        status: body.status,
        published_at: body.status === 'published' ? new Date() : null,
        demo: false,
        created_by: actor.id,
        updated_by: actor.id,
      },
    ]);
    if (!created) throw new Error('insert returned no row');
    await refreshCitySolutionStats(trx, [city.id]);
    await recordAudit(trx, { actorId: actor.id, action: 'solution.created', entityType: 'solution', entityId: created.id, ip: input.ip, details: { status: body.status } });
    return created.id;
  });
  return solutionDetail(db, id, actor);
}

const savedElsewhere = () => new AppError('EDIT_CONFLICT', reason('SOLUTION_SAVED_ELSEWHERE'));

export async function updateSolution(db: Db, input: { id: string; body: UpdateSolutionBody; actor: CurrentUser; ip: string }): Promise<SolutionDetail> {
  const { body, actor } = input;
  const existing = await changeableSolution(db, input.id, actor);
  if (existing.version !== body.version) throw savedElsewhere();
  const startYear = body.startYear !== undefined ? body.startYear : existing.start_year;
  const endYear = body.endYear !== undefined ? body.endYear : existing.end_year;
  if (startYear !== null && endYear !== null && endYear < startYear) {
    throw new AppError('VALIDATION_FAILED', reason('CHECK_HIGHLIGHTED_FIELDS'), {
      errors: [fieldError('body.endYear', reason('SOLUTION_END_BEFORE_START'))],
    });
  }
  const change: Partial<SolutionValues> = {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.summary !== undefined ? { summary: body.summary } : {}),
    ...(body.bodyHtml !== undefined ? { body_html: sanitizeRichText(body.bodyHtml) } : {}),
    ...(body.sectors !== undefined ? { sectors: [...new Set(body.sectors)] } : {}),
    ...(body.lever !== undefined ? { lever: body.lever } : {}),
    ...(body.stage !== undefined ? { stage: body.stage } : {}),
    ...(body.impactTco2ePerYear !== undefined ? { impact_tco2e_per_year: body.impactTco2ePerYear } : {}),
    ...(body.costRange !== undefined ? { cost_range: body.costRange } : {}),
    ...(body.visitable !== undefined ? { visitable: body.visitable } : {}),
    ...(body.startYear !== undefined ? { start_year: body.startYear } : {}),
    ...(body.endYear !== undefined ? { end_year: body.endYear } : {}),
    ...(body.links !== undefined ? { links: JSON.stringify(body.links) } : {}),
    ...(body.tags !== undefined ? { tags: [...new Set(body.tags)] } : {}),
    ...(body.language !== undefined ? { language: body.language } : {}),
    ...(body.status !== undefined && body.status !== existing.status
      ? { status: body.status, published_at: body.status === 'published' ? new Date() : null }
      : {}),
    updated_by: actor.id,
  };
  await db.transaction().execute(async (trx) => {
    const updated = await updateSolutionIfVersion(trx, existing.id, body.version, change);
    if (!updated) throw savedElsewhere();
    await refreshCitySolutionStats(trx, [existing.city_id]);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'solution.updated',
      entityType: 'solution',
      entityId: existing.id,
      ip: input.ip,
      details: { fields: Object.keys(body).filter((k) => k !== 'version') },
    });
  });
  return solutionDetail(db, existing.id, actor);
}

export async function removeSolution(db: Db, input: { id: string; actor: CurrentUser; ip: string }) {
  const existing = await changeableSolution(db, input.id, input.actor);
  await db.transaction().execute(async (trx) => {
    await deleteSolution(trx, existing.id);
    await refreshCitySolutionStats(trx, [existing.city_id]);
    await recordAudit(trx, { actorId: input.actor.id, action: 'solution.deleted', entityType: 'solution', entityId: existing.id, ip: input.ip, details: { title: existing.title } });
  });
}
