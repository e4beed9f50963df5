import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the tables in migrations/. Keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Int8Id = ColumnType<number, never, never>;

export interface CitiesTable {
  id: Generated<string>;
  slug: string;
  name: string;
  country: string;
  kind: 'mission' | 'aspiring';
  latitude: number;
  longitude: number;
  population: number | null;
  geonames_id: number | null;
  mission_label_date: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PeopleTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  disabled_at: TimestampNullable;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  person_id: string;
  role: string;
  city_id: string | null;
  primary_contact: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  person_id: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface InvitationsTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: string;
  city_id: string | null;
  primary_contact: Generated<boolean>;
  token_hash: string;
  invited_by: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: TimestampNullable;
  accepted_person_id: string | null;
  revoked_at: TimestampNullable;
}

export interface PasswordResetsTable {
  id: Generated<string>;
  person_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: TimestampNullable;
}

export interface SignInAttemptsTable {
  id: Int8Id;
  email: string;
  ip: string;
  succeeded: boolean;
  attempted_at: Generated<Date>;
}

export interface OutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  locked_until: TimestampNullable;
  last_error: string | null;
  transport: string | null;
  created_at: Generated<Date>;
  sent_at: TimestampNullable;
}

export interface AuditEventsTable {
  id: Int8Id;
  at: Generated<Date>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface SeedRunsTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface Database {
  cities: CitiesTable;
  people: PeopleTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  sign_in_attempts: SignInAttemptsTable;
  outbox: OutboxTable;
  audit_events: AuditEventsTable;
  seed_runs: SeedRunsTable;
}
