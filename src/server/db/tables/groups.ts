// Kysely's view of the tables of one area: Discussion groups, meetings, attendance and discussions (0005, 0006, 0016).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, TimestampNullable } from './column-types.ts';

export interface LearningPhasesTable {
  programme_id: string;
  number: number;
  title: string;
  goals: Generated<string>;
  starts_on: string;
  ends_on: string;
  materials: ColumnType<unknown[], string | undefined, string>;
}

export interface DiscussionGroupsTable {
  id: Generated<string>;
  programme_id: string;
  name: string;
  description: Generated<string>;
  sectors: string[];
  language: string;
  capacity: number;
  created_at: Generated<Date>;
}

export interface GroupFacilitatorsTable {
  group_id: string;
  person_id: string;
}

export interface GroupMembershipsTable {
  group_id: string;
  city_id: string;
  status: Generated<'interested' | 'admitted' | 'declined'>;
  sectors: Generated<string[]>;
  message: Generated<string>;
  requested_by: string | null;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: TimestampNullable;
}

export interface GroupMeetingsTable {
  id: Generated<string>;
  group_id: string;
  phase_number: number;
  title: string;
  starts_at: Timestamp;
  duration_minutes: number;
  join_url: string | null;
  agenda: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MeetingMaterialsTable {
  id: Generated<string>;
  meeting_id: string;
  title: string;
  url: string | null;
  filename: string | null;
  content: Uint8Array | null;
  size_bytes: number | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  person_id: string;
  city_id: string;
  status: 'present' | 'excused' | 'absent';
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface CalendarFeedsTable {
  person_id: string;
  token_hash: string;
  created_at: Generated<Date>;
}

export interface GroupThreadsTable {
  id: Generated<string>;
  group_id: string;
  title: string;
  created_by: string | null;
  pinned: Generated<boolean>;
  closed: Generated<boolean>;
  created_at: Generated<Date>;
  last_post_at: Generated<Date>;
  post_count: Generated<number>;
}

export interface GroupPostsTable {
  id: Generated<string>;
  thread_id: string;
  author_id: string | null;
  body_html: string;
  mentioned_cities: Generated<string[]>;
  reply_to: string | null;
  created_at: Generated<Date>;
  hidden_at: TimestampNullable;
  hidden_by: string | null;
  hidden_reason: string | null;
}

export interface DigestCursorsTable {
  person_id: string;
  sent_until: Timestamp;
}

export interface MeetingRemindersTable {
  meeting_id: string;
  person_id: string;
  sent_at: Generated<Date>;
}
