import type { Kysely } from 'kysely';
import type { CitySummary } from '../../../shared/city.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

const SUMMARY_COLUMNS = ['id', 'slug', 'name', 'country', 'kind', 'latitude', 'longitude', 'population', 'mission_label_date'] as const;

type SummaryRow = {
  id: string;
  slug: string;
  name: string;
  country: string;
  kind: 'mission' | 'aspiring';
  latitude: number;
  longitude: number;
  population: number | null;
  mission_label_date: string | null;
};

const toSummary = (r: SummaryRow): CitySummary => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  country: r.country,
  kind: r.kind,
  latitude: r.latitude,
  longitude: r.longitude,
  population: r.population,
  missionLabelDate: r.mission_label_date,
});

export async function findCityById(db: Q, id: string): Promise<CitySummary | null> {
  const row = await db.selectFrom('cities').select(SUMMARY_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : null;
}

export interface CityFilter {
  q?: string | undefined;
  kind?: 'mission' | 'aspiring' | undefined;
  country?: string | undefined;
}

export async function listCities(db: Q, filter: CityFilter, page: number, pageSize: number) {
  let query = db.selectFrom('cities');
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', pattern));
  }
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.country) query = query.where('country', '=', filter.country);
  const [rows, total] = await Promise.all([
    query
      .select(SUMMARY_COLUMNS)
      .orderBy('name')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: total.n };
}
