// Kysely's view of the database: every table, by name. The tables' columns
// are in tables/<area>.ts, kept in step with migrations/ (schema.test.ts).
import type { CitiesTable, CityContactsTable, CityChangesTable, SolutionsTable, CacheVersionsTable } from './tables/cities.ts';
import type { PeopleTable, RoleGrantsTable, SessionsTable, InvitationsTable, PasswordResetsTable, SignInAttemptsTable, OutboxTable, AuditEventsTable, SeedRunsTable, JobRunsTable, WorkRemindersTable } from './tables/people.ts';
import type { ProgrammesTable, ProgrammeMilestonesTable, CallsTable, CallReopeningsTable, LearningCompletionsTable, ApplicationsTable, ApplicationAttachmentsTable, ApplicationRemindersTable, EvaluatorAssignmentsTable, EvaluationsTable, ApplicationDecisionsTable } from './tables/programmes.ts';
import type { LearningPhasesTable, DiscussionGroupsTable, GroupFacilitatorsTable, GroupMembershipsTable, GroupMeetingsTable, MeetingMaterialsTable, MeetingAttendanceTable, CalendarFeedsTable, GroupThreadsTable, GroupPostsTable, DigestCursorsTable, MeetingRemindersTable } from './tables/groups.ts';
import type { StudyVisitsTable, VisitParticipantsTable, FacilitatorUnavailabilityTable, VisitAgendaItemsTable, VisitDelegatesTable, VisitTravelTable, VisitFeedbackTable, ReplicationPlansTable, ReplicationUpdatesTable, VisitNoticesTable, MatchingSettingsTable, MatchingPairRulesTable, MatchingRunsTable, MatchingPublicationsTable } from './tables/visits.ts';

export type * from './tables/cities.ts';
export type * from './tables/people.ts';
export type * from './tables/programmes.ts';
export type * from './tables/groups.ts';
export type * from './tables/visits.ts';

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
