// Kysely's view of the tables of one area: direct exchange between cities,
// meeting requests and notifications (0033).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { Generated } from 'kysely';
import type { TimestampNullable } from './column-types.ts';

export interface ConversationsTable {
  id: Generated<string>;
  subject: string;
  about_kind: 'topic' | 'solution' | 'city' | 'visit';
  about_solution_id: string | null;
  about_city_id: string | null;
  about_visit_id: string | null;
  started_by: string | null;
  created_at: Generated<Date>;
  last_message_at: Generated<Date>;
}

export interface ConversationPartiesTable {
  id: Generated<string>;
  conversation_id: string;
  kind: 'city' | 'programme_team' | 'expert';
  city_id: string | null;
  person_id: string | null;
  last_message_at: Generated<Date>;
  joined_at: Generated<Date>;
}

export interface MessagesTable {
  id: Generated<string>;
  conversation_id: string;
  party_id: string;
  author_id: string | null;
  body_html: string;
  body_text: string;
  created_at: Generated<Date>;
  hidden_at: TimestampNullable;
  hidden_by: string | null;
  hidden_reason: string | null;
}

export interface MessageAttachmentsTable {
  id: Generated<string>;
  message_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  content: Uint8Array;
  uploaded_at: Generated<Date>;
}

export interface ConversationReadsTable {
  conversation_id: string;
  person_id: string;
  read_up_to: Generated<Date>;
  archived_at: TimestampNullable;
}

export interface CityBlocksTable {
  city_id: string;
  blocked_city_id: string;
  blocked_by: string | null;
  created_at: Generated<Date>;
}

export interface MessageReportsTable {
  id: Generated<string>;
  message_id: string;
  reported_by: string | null;
  reason: string;
  created_at: Generated<Date>;
  resolved_at: TimestampNullable;
  resolved_by: string | null;
  outcome: 'hidden' | 'kept' | null;
}

export interface MeetingRequestsTable {
  id: Generated<string>;
  conversation_id: string;
  party_id: string;
  proposed_by: string | null;
  title: string;
  duration_minutes: number;
  join_url: string;
  status: Generated<'proposed' | 'accepted' | 'declined' | 'cancelled'>;
  accepted_slot_id: string | null;
  decided_by: string | null;
  decided_at: TimestampNullable;
  decline_reason: string | null;
  ics_uid: string;
  ics_sequence: Generated<number>;
  reminder_sent_at: TimestampNullable;
  /** 0035: the agreed start; kept after a cancellation (for the cancelling .ics). */
  scheduled_at: TimestampNullable;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MeetingSlotsTable {
  id: Generated<string>;
  meeting_request_id: string;
  starts_at: Date;
}

export interface NotificationsTable {
  id: Generated<string>;
  person_id: string;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string;
  delivery: string;
  created_at: Generated<Date>;
  read_at: TimestampNullable;
  emailed_at: TimestampNullable;
}

export interface NotificationPreferencesTable {
  person_id: string;
  kind: string;
  delivery: string;
}
