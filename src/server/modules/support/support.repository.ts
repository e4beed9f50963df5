import { sql, type Kysely } from 'kysely';
import type { SupportExpert } from '../../../domain/support/expert-fit.ts';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import type { LeverCode } from '../../../shared/solution.schemas.ts';
import type { SupportKind, SupportState, SupportUrgency } from '../../../shared/support.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** A request with its city and expert, as lists and pages show it. */
export interface RequestRow {
  id: string;
  city_id: string;
  asked_by: string | null;
  title: string;
  question: string;
  sectors: SectorCode[];
  levers: LeverCode[];
  languages: string[];
  kind: SupportKind;
  urgency: SupportUrgency;
  state: SupportState;
  expert_id: string | null;
  assigned_by: 'routing' | 'manager' | null;
  assignment_reasons: Reason[];
  unassigned_reason: Reason | null;
  assigned_at: Date | null;
  first_answer_due_at: Date;
  first_answered_at: Date | null;
  rating: number | null;
  rating_comment: string;
  closed_at: Date | null;
  version: number;
  created_at: Date;
  /** What the city takes away from a held session (peer-sessions.service.ts). */
  takeaway: string | null;
  takeaway_by: string | null;
  takeaway_at: Date | null;
  city_name: string;
  city_slug: string;
  city_country: string;
  expert_name: string | null;
}

function requests(db: Q) {
  return db
    .selectFrom('support_requests as r')
    .innerJoin('cities as c', 'c.id', 'r.city_id')
    .leftJoin('people as e', 'e.id', 'r.expert_id')
    .selectAll('r')
    .select(['c.name as city_name', 'c.slug as city_slug', 'c.country as city_country', 'e.name as expert_name']);
}

export async function requestById(db: Q, id: string, forUpdate = false): Promise<RequestRow | undefined> {
  let q = requests(db).where('r.id', '=', id);
  if (forUpdate) q = q.forUpdate('r');
  return (await q.executeTakeFirst()) as RequestRow | undefined;
}

export interface ListFilter {
  cityIds?: readonly string[];
  expertId?: string;
  state?: SupportState;
  overdue?: boolean;
  now: Date;
  limit: number;
  offset: number;
}

/** A page of requests, newest first, with the total of the filter. */
export async function listRequests(db: Q, f: ListFilter): Promise<{ rows: RequestRow[]; total: number }> {
  let q = requests(db).select(sql<number>`count(*) over ()::int`.as('total'));
  if (f.cityIds) q = q.where('r.city_id', 'in', f.cityIds.length ? [...f.cityIds] : ['00000000-0000-0000-0000-000000000000']);
  if (f.expertId) q = q.where('r.expert_id', '=', f.expertId);
  if (f.state) q = q.where('r.state', '=', f.state);
  const overdue = sql<boolean>`(r.first_answered_at IS NULL AND r.state <> 'closed' AND r.first_answer_due_at < ${f.now})`;
  if (f.overdue === true) q = q.where(overdue);
  if (f.overdue === false) q = q.where(sql<boolean>`NOT ${overdue}`);
  const rows = (await q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(f.limit).offset(f.offset).execute()) as (RequestRow & { total: number })[];
  let total = rows[0]?.total ?? 0;
  if (!rows.length && f.offset > 0) {
    let c = db.selectFrom('support_requests as r').select(sql<number>`count(*)::int`.as('n'));
    if (f.cityIds) c = c.where('r.city_id', 'in', f.cityIds.length ? [...f.cityIds] : ['00000000-0000-0000-0000-000000000000']);
    if (f.expertId) c = c.where('r.expert_id', '=', f.expertId);
    if (f.state) c = c.where('r.state', '=', f.state);
    if (f.overdue === true) c = c.where(overdue);
    if (f.overdue === false) c = c.where(sql<boolean>`NOT ${overdue}`);
    total = (await c.executeTakeFirst())?.n ?? 0;
  }
  return { rows, total };
}

export interface AnswerRow {
  id: string;
  author: string | null;
  body_html: string;
  created_at: Date;
}

export function answersOf(db: Q, requestId: string): Promise<AnswerRow[]> {
  return db
    .selectFrom('support_answers as a')
    .leftJoin('people as p', 'p.id', 'a.author_id')
    .select(['a.id', 'p.name as author', 'a.body_html', 'a.created_at'])
    .where('a.request_id', '=', requestId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export interface EventRow {
  at: Date;
  kind: Database['support_events']['kind'];
  actor: string | null;
  note: string | null;
}

export function eventsOf(db: Q, requestId: string): Promise<EventRow[]> {
  return db
    .selectFrom('support_events as v')
    .leftJoin('people as p', 'p.id', 'v.actor_id')
    .select(['v.at', 'v.kind', 'p.name as actor', 'v.note'])
    .where('v.request_id', '=', requestId)
    // Events written in the same instant (submitted, then routed) in the order written.
    .orderBy('v.at')
    .orderBy('v.seq')
    .execute() as Promise<EventRow[]>;
}

export async function addEvent(db: Q, e: { requestId: string; kind: EventRow['kind']; actorId: string | null; note?: string | null; at: Date }) {
  await db.insertInto('support_events').values({ request_id: e.requestId, kind: e.kind, actor_id: e.actorId, note: e.note ?? null, at: e.at }).execute();
}

/** An expert with a profile, as routing and the managers' list see them. */
export interface ExpertRow extends SupportExpert {
  name: string;
  bio: string;
  version: number;
}

/**
 * Every active expert with a profile: what they declared, their open load
 * (requests assigned to them and not closed), the cities they represent and
 * their declared conflicts. `lock` takes the profiles FOR UPDATE, so that two
 * requests routed at once do not both take an expert's last slot.
 */
export async function expertsWithProfiles(db: Q, options: { lock?: boolean; ids?: readonly string[] } = {}): Promise<ExpertRow[]> {
  let q = db
    .selectFrom('expert_profiles as x')
    .innerJoin('people as p', 'p.id', 'x.person_id')
    .select(['x.person_id as id', 'p.name', 'x.sectors', 'x.levers', 'x.languages', 'x.countries', 'x.weekly_capacity', 'x.bio', 'x.version'])
    .select(sql<number>`(SELECT count(*)::int FROM support_requests r WHERE r.expert_id = x.person_id AND r.state <> 'closed')`.as('open_load'))
    .select(sql<string[]>`coalesce((SELECT array_agg(g.city_id::text ORDER BY g.city_id) FROM role_grants g WHERE g.person_id = x.person_id AND g.role = 'city_representative' AND g.city_id IS NOT NULL), '{}'::text[])`.as('city_ids'))
    .select(sql<string[]>`coalesce((SELECT array_agg(k.city_id::text ORDER BY k.city_id) FROM expert_conflicts k WHERE k.person_id = x.person_id), '{}'::text[])`.as('conflict_city_ids'))
    .where('p.disabled_at', 'is', null)
    .where('p.erased_at', 'is', null)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM role_grants g WHERE g.person_id = x.person_id AND g.role = 'expert')`)
    .orderBy('x.person_id');
  if (options.ids) q = q.where('x.person_id', 'in', options.ids.length ? [...options.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (options.lock) q = q.forUpdate('x');
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    bio: r.bio,
    version: r.version,
    sectors: r.sectors as SectorCode[],
    levers: r.levers as LeverCode[],
    languages: r.languages,
    countries: r.countries,
    weeklyCapacity: r.weekly_capacity,
    openLoad: r.open_load,
    cityIds: r.city_ids,
    conflictCityIds: r.conflict_city_ids,
  }));
}

/** An active person holding the expert role, profile or not. */
export function activeExpert(db: Q, id: string) {
  return db
    .selectFrom('people as p')
    .select(['p.id', 'p.name', 'p.locale'])
    .where('p.id', '=', id)
    .where('p.disabled_at', 'is', null)
    .where('p.erased_at', 'is', null)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM role_grants g WHERE g.person_id = p.id AND g.role = 'expert')`)
    .executeTakeFirst();
}

export function profileOf(db: Q, personId: string) {
  return db.selectFrom('expert_profiles').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export async function conflictsOf(db: Q, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('expert_conflicts').select('city_id').where('person_id', '=', personId).orderBy('city_id').execute();
  return rows.map((r) => r.city_id);
}
