// Kysely's view of the tables of one area: Open registration, city claims and approval (0022).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { Generated } from 'kysely';
import type { Int8Id, TimestampNullable } from './column-types.ts';

export interface RegistrationSettingsTable {
  id: Generated<boolean>;
  open: Generated<boolean>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface RegistrationsTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  person_id: string | null;
  token_hash: string | null;
  token_expires_at: TimestampNullable;
  status: Generated<'unverified' | 'pending' | 'approved' | 'declined'>;
  city_source: 'registry' | 'geonames' | 'unlisted';
  city_id: string | null;
  geonames_id: number | null;
  city_name: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  description: string | null;
  role_title: string;
  climate_target_year: number | null;
  has_climate_plan: boolean | null;
  covenant_signatory: boolean | null;
  privacy_notice_version: string;
  decline_reason: string | null;
  decided_by: string | null;
  decided_at: TimestampNullable;
  version: Generated<number>;
  created_at: Generated<Date>;
  verified_at: TimestampNullable;
}

export interface RegistrationAttemptsTable {
  id: Int8Id;
  kind: 'sign_up' | 'verify';
  ip: string;
  email: string | null;
  attempted_at: Generated<Date>;
}
