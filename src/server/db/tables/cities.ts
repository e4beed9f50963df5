// Kysely's view of the tables of one area: The city registry and the library of solutions (0002, 0012).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { ColumnType, Generated } from 'kysely';
import type { TimestampNullable, Int8Id } from './column-types.ts';

export interface CitiesTable {
  id: Generated<string>;
  slug: string;
  name: string;
  /** The name folded for search (lower case, no accents), kept by the database (migration 0023). */
  name_key: Generated<string>;
  country: string;
  kind: 'mission' | 'aspiring';
  latitude: number;
  longitude: number;
  population: number | null;
  geonames_id: number | null;
  mission_label_date: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  region: string | null;
  languages: Generated<string[]>;
  climate_target_year: number | null;
  sectors_of_interest: Generated<string[]>;
  profile: Generated<string>;
  updated_by: string | null;
  version: Generated<number>;
  solution_count: Generated<number>;
  solution_sectors: Generated<string[]>;
}

export interface CityContactsTable {
  id: Generated<string>;
  city_id: string;
  position: Generated<number>;
  name: string;
  email: string | null;
  phone: string | null;
  role_title: string | null;
  created_at: Generated<Date>;
}

export interface CityChangesTable {
  id: Int8Id;
  city_id: string;
  actor_id: string | null;
  at: Generated<Date>;
  source: 'edit' | 'import' | 'contacts';
  changes: ColumnType<Record<string, { before: unknown; after: unknown }>, string, string>;
}

export interface SolutionsTable {
  id: Generated<string>;
  city_id: string;
  title: string;
  summary: string;
  body_html: Generated<string>;
  sectors: string[];
  lever: string;
  stage: 'planned' | 'in_progress' | 'implemented';
  impact_tco2e_per_year: number | null;
  cost_range: string | null;
  visitable: Generated<boolean>;
  start_year: number | null;
  end_year: number | null;
  links: ColumnType<{ label: string; url: string }[], string | undefined, string>;
  tags: Generated<string[]>;
  language: Generated<string>;
  status: Generated<'draft' | 'published'>;
  published_at: TimestampNullable;
  demo: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  search: ColumnType<string | null, never, never>;
  /** Copied from the city by a trigger, for the library's filters (migration 0012). */
  city_country: ColumnType<string, never, never>;
  city_kind: ColumnType<'mission' | 'aspiring', never, never>;
}

/** Versions of cached answers, raised by triggers (migration 0012; src/server/lib/library-cache.ts). */
export interface CacheVersionsTable {
  name: string;
  version: Generated<number>;
}
