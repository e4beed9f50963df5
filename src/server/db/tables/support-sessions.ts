// Kysely's view of the tables of one area: peer sessions and calls on request (0037).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { ColumnType, Generated } from 'kysely';
import type { Reason } from '../../../shared/reason.ts';
import type { Timestamp, TimestampNullable } from './column-types.ts';

export interface SupportPeerInvitationsTable {
  request_id: string;
  city_id: string;
  position: number;
  proposed: boolean;
  reasons: ColumnType<Reason[], string | undefined, string>;
  invited_by: string | null;
  invited_at: Timestamp;
  answer: Generated<'pending' | 'accepted' | 'declined'>;
  answered_by: string | null;
  answered_at: TimestampNullable;
}

export interface SupportSessionsTable {
  request_id: string;
  duration_minutes: Generated<number>;
  join_url: Generated<string>;
  proposed_by: string | null;
  proposed_at: Timestamp;
  slot_id: string | null;
  scheduled_at: TimestampNullable;
  picked_by: string | null;
  picked_at: TimestampNullable;
  ics_uid: string;
  ics_sequence: Generated<number>;
  reminder_sent_at: TimestampNullable;
}

export interface SupportSessionSlotsTable {
  id: Generated<string>;
  request_id: string;
  starts_at: Timestamp;
}
