// Kysely's view of the tables of one area: People, roles, sign-in, invitations, mail, audit and jobs (0001, 0004, 0007, 0019, 0023).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, TimestampNullable, Int8Id } from './column-types.ts';

export interface PeopleTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  disabled_at: TimestampNullable;
  digest_opt_out: Generated<boolean>;
  last_sign_in_at: TimestampNullable;
  /** Registered and verified, not approved yet: restricted (migration 0022). */
  approval_pending: Generated<boolean>;
  /** Opt-ins, off by default (migration 0023). */
  newsletter_opt_in: Generated<boolean>;
  directory_opt_in: Generated<boolean>;
  /** Erased on request: personal columns overwritten, reads "Former participant" (migration 0032). */
  erased_at: TimestampNullable;
}

/** "Download my data": a ZIP made in the background, kept 24 hours (migration 0032). */
export interface DataExportsTable {
  id: Generated<string>;
  person_id: string;
  status: Generated<string>;
  progress: Generated<number>;
  content: Uint8Array | null;
  size_bytes: number | null;
  error: string | null;
  requested_at: Generated<Date>;
  ready_at: TimestampNullable;
  expires_at: TimestampNullable;
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
  /** Names the session to its owner (list, end); the token's hash stays on the server. */
  id: Generated<string>;
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
  /** Roles without a city granted besides `role` (migration 0018). */
  other_roles: Generated<string[]>;
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
  /** A sign-in, or the current password checked before a change (counted apart). */
  kind: Generated<'sign_in' | 'password_check'>;
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

export interface JobRunsTable {
  name: string;
  last_run_at: Timestamp;
}

export interface WorkRemindersTable {
  person_id: string;
  item_key: string;
  reminded_on: string;
  sent_at: Generated<Date>;
}

/** The privacy notice, one row per published version (migration 0023). */
export interface PrivacyNoticesTable {
  id: Generated<string>;
  version: string;
  published_at: Generated<Date>;
  published_by: string | null;
  changes: Generated<string>;
  body: string;
}

/** Who accepted which version of the privacy notice, when and how (migration 0023). */
export interface PrivacyConsentsTable {
  id: Generated<string>;
  person_id: string;
  notice_version: string;
  accepted_at: Generated<Date>;
  context: 'invitation' | 'registration' | 're-accept';
}

export interface TwoFactorTable {
  person_id: string;
  secret: string;
  created_at: Generated<Date>;
  confirmed_at: TimestampNullable;
  last_used_step: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface TwoFactorRecoveryCodesTable {
  id: Generated<string>;
  person_id: string;
  code_hash: string;
  used_at: TimestampNullable;
}

export interface TwoFactorChallengesTable {
  token_hash: string;
  person_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  failures: Generated<number>;
}

export interface RememberedDevicesTable {
  id: Generated<string>;
  token_hash: string;
  person_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_used_at: TimestampNullable;
  user_agent: string | null;
}
