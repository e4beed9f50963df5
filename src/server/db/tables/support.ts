// Kysely's view of the tables of one area: expert support (0036).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { ColumnType, Generated } from 'kysely';
import type { Reason } from '../../../shared/reason.ts';
import type { Int8Id, Timestamp, TimestampNullable } from './column-types.ts';

export interface ExpertProfilesTable {
  person_id: string;
  sectors: Generated<string[]>;
  levers: Generated<string[]>;
  languages: Generated<string[]>;
  countries: Generated<string[]>;
  weekly_capacity: Generated<number>;
  bio: Generated<string>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface ExpertConflictsTable {
  person_id: string;
  city_id: string;
}

export interface SupportRequestsTable {
  id: Generated<string>;
  city_id: string;
  asked_by: string | null;
  title: string;
  question: string;
  sectors: Generated<string[]>;
  levers: Generated<string[]>;
  languages: Generated<string[]>;
  kind: 'answer' | 'call' | 'peer-session';
  urgency: Generated<'normal' | 'urgent'>;
  state: Generated<'submitted' | 'assigned' | 'answered' | 'session_held' | 'closed'>;
  expert_id: string | null;
  assigned_by: 'routing' | 'manager' | null;
  assignment_reasons: ColumnType<Reason[], string | undefined, string>;
  unassigned_reason: ColumnType<Reason | null, string | null | undefined, string | null>;
  assigned_at: TimestampNullable;
  first_answer_due_at: Timestamp;
  first_answered_at: TimestampNullable;
  rating: number | null;
  rating_comment: Generated<string>;
  closed_at: TimestampNullable;
  version: Generated<number>;
  created_at: Generated<Date>;
  takeaway: string | null;
  takeaway_by: string | null;
  takeaway_at: TimestampNullable;
}

export interface SupportAnswersTable {
  id: Generated<string>;
  request_id: string;
  author_id: string | null;
  body_html: string;
  body_text: string;
  created_at: Generated<Date>;
}

export interface SupportEventsTable {
  id: Generated<string>;
  seq: Int8Id;
  request_id: string;
  at: Generated<Date>;
  kind: 'submitted' | 'assigned' | 'reassigned' | 'unassigned' | 'answered' | 'session_held' | 'closed' | 'reopened' | 'reminded' | 'escalated' | 'peers_invited' | 'peer_accepted' | 'peer_declined' | 'slots_proposed' | 'session_scheduled' | 'takeaway';
  actor_id: string | null;
  note: string | null;
}
