// Kysely's view of the tables of one area: Programmes, calls, applications, evaluation and decisions (0003, 0017).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { ColumnType, Generated } from 'kysely';
import type { Answers, Criterion, Milestone, ProgrammeSettings, Question } from '../../../shared/programme.schemas.ts';
import type { Timestamp, TimestampNullable, Json } from './column-types.ts';

export interface ProgrammesTable {
  id: Generated<string>;
  slug: string;
  title: string;
  description: Generated<string>;
  format: 'group_study_visits' | 'twinning';
  edition_year: number;
  settings: Json<ProgrammeSettings>;
  demo: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
  /** 0017: null while the programme is a draft. */
  published_at: TimestampNullable;
}

export interface ProgrammeMilestonesTable {
  programme_id: string;
  kind: Milestone['kind'];
  starts_on: string;
  ends_on: string;
}

export interface CallsTable {
  id: Generated<string>;
  programme_id: string;
  kind: 'host' | 'visitor';
  questions: ColumnType<Question[], string | undefined, string>;
  criteria: ColumnType<Criterion[], string | undefined, string>;
  decisions_published_at: TimestampNullable;
  version: Generated<number>;
  /** 0017: the call's own window; its milestone's dates follow it. */
  opens_at: Timestamp;
  closes_at: Timestamp;
}

export interface CallReopeningsTable {
  call_id: string;
  city_id: string;
  until: Timestamp;
  reason: string;
  granted_by: string | null;
  granted_at: Generated<Date>;
}

export interface LearningCompletionsTable {
  programme_id: string;
  city_id: string;
  marked_by: string | null;
  marked_at: Generated<Date>;
}

export interface ApplicationsTable {
  id: Generated<string>;
  call_id: string;
  city_id: string;
  status: Generated<'draft' | 'submitted' | 'withdrawn'>;
  answers: ColumnType<Answers, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: TimestampNullable;
  withdrawn_at: TimestampNullable;
  version: Generated<number>;
}

export interface ApplicationAttachmentsTable {
  application_id: string;
  question_id: string;
  filename: string;
  content_type: 'application/pdf';
  size_bytes: number;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

export interface ApplicationRemindersTable {
  application_id: string;
  kind: 'deadline_7d' | 'deadline_1d';
  sent_at: Generated<Date>;
}

export interface EvaluatorAssignmentsTable {
  application_id: string;
  evaluator_id: string;
  assigned_by: string | null;
  assigned_at: Generated<Date>;
}

export interface EvaluationsTable {
  application_id: string;
  evaluator_id: string;
  scores: ColumnType<Record<string, number>, string | undefined, string>;
  comment: Generated<string>;
  status: Generated<'draft' | 'submitted' | 'conflict'>;
  conflict_reason: string | null;
  updated_at: Generated<Date>;
  submitted_at: TimestampNullable;
  version: Generated<number>;
}

export interface ApplicationDecisionsTable {
  application_id: string;
  outcome: 'selected' | 'waitlisted' | 'rejected';
  reason: string;
  waitlist_position: number | null;
  decided_by: string | null;
  decided_at: Generated<Date>;
  promoted_at: TimestampNullable;
}
