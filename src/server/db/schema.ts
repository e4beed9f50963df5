import type { ColumnType, Generated } from 'kysely';
import type { Answers, Criterion, Milestone, ProgrammeSettings, Question } from '../../shared/programme.schemas.ts';
import type { FacilitatorStage, MatchingRuleSettings, MatchingWeights, RunContext, StoredInstance, StoredResult } from '../../shared/matching.schemas.ts';

// Kysely's view of the tables in migrations/. Keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
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


// 0003_programmes.sql
type Json<T> = ColumnType<T, string, string>;

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

// 0017_timeline_control.sql
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

// 0005_discussion_groups.sql (the meetings were "sessions" until 0016_group_meetings.sql)
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

// 0006_group_threads.sql
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

// 0007_scheduled_jobs.sql
export interface JobRunsTable {
  name: string;
  last_run_at: Timestamp;
}

export interface MeetingRemindersTable {
  meeting_id: string;
  person_id: string;
  sent_at: Generated<Date>;
}

// 0008_study_visits.sql
export interface StudyVisitsTable {
  id: Generated<string>;
  programme_id: string;
  host_city_id: string;
  facilitator_id: string | null;
  matching_run_id: string | null;
  host_unavailable: Generated<string[]>;
  starts_on: string | null;
  ends_on: string | null;
  schedule_confirmed_at: TimestampNullable;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface VisitParticipantsTable {
  visit_id: string;
  city_id: string;
}

export interface FacilitatorUnavailabilityTable {
  person_id: string;
  day: string;
}

export interface VisitAgendaItemsTable {
  id: Generated<string>;
  visit_id: string;
  day: number;
  starts_at: string;
  ends_at: string;
  kind: 'site_visit' | 'talk' | 'workshop' | 'meal' | 'other';
  title: string;
  place: Generated<string>;
  solution_id: string | null;
}

export interface VisitDelegatesTable {
  id: Generated<string>;
  visit_id: string;
  city_id: string;
  name: string;
  role_title: Generated<string>;
  email: string | null;
  dietary: Generated<string>;
  access_needs: Generated<string>;
  created_at: Generated<Date>;
}

export interface VisitTravelTable {
  visit_id: string;
  city_id: string;
  mode: 'rail' | 'air';
  distance_km: number;
  travellers: number;
  co2_kg: number;
}

export interface VisitFeedbackTable {
  visit_id: string;
  person_id: string;
  city_id: string;
  role: 'visitor' | 'host';
  ratings: ColumnType<Record<string, number>, string, string>;
  comments: Generated<string>;
  created_at: Generated<Date>;
}

export interface ReplicationPlansTable {
  id: Generated<string>;
  visit_id: string;
  city_id: string;
  solution_id: string | null;
  title: string;
  steps: ColumnType<{ text: string; owner: string; targetDate: string | null }[], string | undefined, string>;
  owner: Generated<string>;
  target_date: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ReplicationUpdatesTable {
  id: Generated<string>;
  plan_id: string;
  checkpoint: 3 | 6 | 12;
  status: 'not_started' | 'in_progress' | 'done' | 'dropped';
  evidence_text: Generated<string>;
  evidence_url: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

// 0009_visit_notices.sql
export interface VisitNoticesTable {
  visit_id: string;
  person_id: string;
  kind: 'week_before' | 'feedback' | 'update_3' | 'update_6' | 'update_12';
  sent_at: Generated<Date>;
}

export interface MatchingSettingsTable {
  programme_id: string;
  weights: ColumnType<MatchingWeights, string, string>;
  rules: ColumnType<MatchingRuleSettings, string, string>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface MatchingPairRulesTable {
  programme_id: string;
  host_city_id: string;
  visitor_city_id: string;
  rule: 'locked' | 'forbidden';
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface MatchingRunsTable {
  id: Generated<string>;
  programme_id: string;
  number: number;
  created_by: string | null;
  created_at: Generated<Date>;
  settings_version: number;
  inputs_hash: string;
  instance: ColumnType<StoredInstance, string, string>;
  context: ColumnType<RunContext, string, string>;
  status: 'optimal' | 'feasible' | 'infeasible';
  objective: number | null;
  result: ColumnType<StoredResult, string, string>;
  facilitators: ColumnType<FacilitatorStage, string, string>;
  total_co2_kg: number | null;
}

export interface MatchingPublicationsTable {
  programme_id: string;
  run_id: string;
  published_by: string | null;
  published_at: Generated<Date>;
}

// 0019_work_reminders.sql
export interface WorkRemindersTable {
  person_id: string;
  item_key: string;
  reminded_on: string;
  sent_at: Generated<Date>;
}

/** Versions of cached answers, raised by triggers (migration 0012; src/server/lib/library-cache.ts). */
export interface CacheVersionsTable {
  name: string;
  version: Generated<number>;
}

export interface Database {
  cities: CitiesTable;
  city_contacts: CityContactsTable;
  city_changes: CityChangesTable;
  solutions: SolutionsTable;
  cache_versions: CacheVersionsTable;
  people: PeopleTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  sign_in_attempts: SignInAttemptsTable;
  outbox: OutboxTable;
  audit_events: AuditEventsTable;
  seed_runs: SeedRunsTable;
  programmes: ProgrammesTable;
  programme_milestones: ProgrammeMilestonesTable;
  calls: CallsTable;
  call_reopenings: CallReopeningsTable;
  learning_completions: LearningCompletionsTable;
  applications: ApplicationsTable;
  application_reminders: ApplicationRemindersTable;
  application_attachments: ApplicationAttachmentsTable;
  evaluator_assignments: EvaluatorAssignmentsTable;
  evaluations: EvaluationsTable;
  application_decisions: ApplicationDecisionsTable;
  learning_phases: LearningPhasesTable;
  discussion_groups: DiscussionGroupsTable;
  group_facilitators: GroupFacilitatorsTable;
  group_memberships: GroupMembershipsTable;
  group_meetings: GroupMeetingsTable;
  meeting_materials: MeetingMaterialsTable;
  meeting_attendance: MeetingAttendanceTable;
  calendar_feeds: CalendarFeedsTable;
  group_threads: GroupThreadsTable;
  group_posts: GroupPostsTable;
  digest_cursors: DigestCursorsTable;
  job_runs: JobRunsTable;
  meeting_reminders: MeetingRemindersTable;
  study_visits: StudyVisitsTable;
  visit_participants: VisitParticipantsTable;
  facilitator_unavailability: FacilitatorUnavailabilityTable;
  visit_agenda_items: VisitAgendaItemsTable;
  visit_delegates: VisitDelegatesTable;
  visit_travel: VisitTravelTable;
  visit_feedback: VisitFeedbackTable;
  replication_plans: ReplicationPlansTable;
  replication_updates: ReplicationUpdatesTable;
  visit_notices: VisitNoticesTable;
  matching_settings: MatchingSettingsTable;
  matching_pair_rules: MatchingPairRulesTable;
  matching_runs: MatchingRunsTable;
  matching_publications: MatchingPublicationsTable;
  work_reminders: WorkRemindersTable;
}
