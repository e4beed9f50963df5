import { sql, type Kysely } from 'kysely';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { LeverCode } from '../../../shared/solution.schemas.ts';
import type { SupportKind, SupportState } from '../../../shared/support.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** Requests submitted in [from, to) (instants); a bound left out is open. */
export interface DashboardPeriod {
  from: Date | null;
  to: Date | null;
}

/** The condition on `r` (support_requests) of a period. */
const inPeriod = (p: DashboardPeriod) =>
  sql<boolean>`(${p.from}::timestamptz IS NULL OR r.created_at >= ${p.from}::timestamptz) AND (${p.to}::timestamptz IS NULL OR r.created_at < ${p.to}::timestamptz)`;

/** One request of the period, as the dashboard's figures and the export need it. */
export interface DashboardRequestRow {
  id: string;
  title: string;
  city_id: string;
  city_name: string;
  city_country: string;
  sectors: SectorCode[];
  levers: LeverCode[];
  kind: SupportKind;
  state: SupportState;
  expert_id: string | null;
  expert_name: string | null;
  created_at: Date;
  first_answer_due_at: Date;
  first_answered_at: Date | null;
  rating: number | null;
}

export async function dashboardRequests(db: Q, p: DashboardPeriod): Promise<DashboardRequestRow[]> {
  const q = db
    .selectFrom('support_requests as r')
    .innerJoin('cities as c', 'c.id', 'r.city_id')
    .leftJoin('people as e', 'e.id', 'r.expert_id')
    .select([
      'r.id',
      'r.title',
      'r.city_id',
      'c.name as city_name',
      'c.country as city_country',
      'r.sectors',
      'r.levers',
      'r.kind',
      'r.state',
      'r.expert_id',
      'e.name as expert_name',
      'r.created_at',
      'r.first_answer_due_at',
      'r.first_answered_at',
      'r.rating',
    ]);
  return (await q.where(inPeriod(p)).orderBy('r.created_at').orderBy('r.id').execute()) as DashboardRequestRow[];
}

/** The counts of the period, in SQL: by state, by sector (a request once in each of its sectors), by country, the ratings. */
export async function dashboardCounts(db: Q, p: DashboardPeriod) {
  const base = () => db.selectFrom('support_requests as r').where(inPeriod(p));
  const [byState, bySector, byCountry, ratings, byScore] = await Promise.all([
    base().select(['r.state', sql<number>`count(*)::int`.as('count')]).groupBy('r.state').orderBy('r.state').execute(),
    base()
      .innerJoin(sql<{ sector: string }>`unnest(r.sectors)`.as('s'), (join) => join.onTrue())
      .select([sql<string>`s.s`.as('sector'), sql<number>`count(*)::int`.as('count')])
      .groupBy(sql`s.s`)
      .orderBy(sql`count(*)`, 'desc')
      .orderBy(sql`s.s`)
      .execute(),
    base()
      .innerJoin('cities as c', 'c.id', 'r.city_id')
      .select(['c.country', sql<number>`count(*)::int`.as('count')])
      .groupBy('c.country')
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('c.country')
      .execute(),
    base()
      .select([
        sql<number>`count(r.rating)::int`.as('ratings'),
        sql<string | null>`avg(r.rating)::text`.as('mean'),
        sql<number>`count(*) FILTER (WHERE r.rating IS NOT NULL AND r.rating_comment <> '')::int`.as('comments'),
        // Requests of the period whose answer is in the library now (docs/support.md, "Knowledge").
        sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM support_publications sp WHERE sp.request_id = r.id AND sp.published_at IS NOT NULL))::int`.as('published_answers'),
        // Calls and peer sessions after which the city wrote what it takes away.
        sql<number>`count(r.takeaway_at)::int`.as('takeaways'),
      ])
      .executeTakeFirstOrThrow(),
    base().where('r.rating', 'is not', null).select(['r.rating', sql<number>`count(*)::int`.as('count')]).groupBy('r.rating').execute(),
  ]);
  return {
    byState: byState.map((r) => ({ state: r.state as SupportState, count: r.count })),
    bySector: bySector.map((r) => ({ sector: r.sector as SectorCode, count: r.count })),
    byCountry: byCountry.map((r) => ({ country: r.country, count: r.count })),
    ratings: ratings.ratings,
    mean: ratings.mean === null ? null : Number(ratings.mean),
    comments: ratings.comments,
    publishedAnswers: Number(ratings.published_answers),
    takeaways: Number(ratings.takeaways),
    byScore: new Map(byScore.map((r) => [r.rating as number, r.count])),
  };
}
