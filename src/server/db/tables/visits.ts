// Kysely's view of the tables of one area: Study visits, their follow-up, and the matching that creates them (0008, 0009, 0010).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { ColumnType, Generated } from 'kysely';
import type { FacilitatorStage, MatchingRuleSettings, MatchingWeights, RunContext, StoredInstance, StoredResult } from '../../../shared/matching.schemas.ts';
import type { TimestampNullable } from './column-types.ts';

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
