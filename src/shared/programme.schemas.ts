import { z } from 'zod';
import { Reason } from './reason.ts';
import { because } from './issue-reason.ts';
import { Instant, LocalDate, text } from './text.ts';

export const ProgrammeFormat = z.enum(['group_study_visits', 'twinning']);
export const MilestoneKind = z.enum(['discussion_groups', 'host_call', 'host_selection', 'visitor_call', 'visitor_selection', 'visits', 'follow_up']);
export const CallKind = z.enum(['host', 'visitor']);
export type CallKind = z.infer<typeof CallKind>;

export const Milestone = z.object({ kind: MilestoneKind, startsOn: LocalDate, endsOn: LocalDate });
export type Milestone = z.infer<typeof Milestone>;

export const ProgrammeSettings = z.object({
  timeZone: text().min(1).max(64),
  hostCount: z.number().int().min(1).max(500),
  visitorsPerHost: z.number().int().min(1).max(50),
  visitorTargetYearMax: z.number().int().min(2025).max(2100),
  requireDiscussionGroups: z.boolean(),
  evaluatorsPerApplication: z.number().int().min(1).max(10),
  maxDelegatesPerCity: z.number().int().min(1).max(20),
  visitLengthDays: z.number().int().min(1).max(10),
  learningPhases: z.number().int().min(1).max(12),
  /** Days after a call closes that its evaluations are due (src/domain/calls/evaluation-deadline.ts). */
  evaluationDays: z.number().int().min(1).max(120),
  /** Days the programme holds no study visits (the scheduler avoids them, as it avoids the hosts' public holidays). */
  daysWithoutVisits: z
    .array(LocalDate)
    .max(100)
    .refine((days) => new Set(days).size === days.length, { message: 'Give each day once.', ...because('DAYS_WITHOUT_VISITS_REPEATED') }),
});
export type ProgrammeSettings = z.infer<typeof ProgrammeSettings>;

export const StepState = z.object({
  kind: MilestoneKind,
  startsAt: text(),
  endsAt: text(),
  status: z.enum(['done', 'current', 'overdue', 'upcoming']),
});

export const ProgrammeSummary = z.object({
  id: z.uuid(),
  slug: text(),
  title: text(),
  format: ProgrammeFormat,
  editionYear: z.number().int(),
  current: MilestoneKind.nullable(),
  next: MilestoneKind.nullable(),
  phase: z.enum(['not_started', 'running', 'finished']),
  /** Null while the programme is a draft (seen only by programme managers). */
  publishedAt: text().nullable(),
});
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;

export const Programme = ProgrammeSummary.extend({
  description: text(),
  settings: ProgrammeSettings,
  milestones: z.array(Milestone),
  steps: z.array(StepState),
  /** What can no longer change and why: `milestones.<step>.startsOn|endsOn`, `settings.<name>`. */
  locks: z.array(z.object({ field: text(), reason: Reason })),
  version: z.number().int(),
});
export type Programme = z.infer<typeof Programme>;

export const CreateProgrammeBody = z.object({
  title: text().trim().min(3, 'Use at least 3 characters.').max(200),
  format: ProgrammeFormat,
  editionYear: z.number().int().min(2020).max(2100),
  /** IANA time zone of the dates and deadlines; Europe/Brussels when not given. */
  timeZone: text().min(1).max(64).optional(),
  slug: text().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens.').max(80).optional(),
  description: text().max(5000).default(''),
});
export type CreateProgrammeBody = z.infer<typeof CreateProgrammeBody>;

export const UpdateProgrammeBody = z.object({
  version: z.number().int().min(1),
  title: text().trim().min(3).max(200).optional(),
  description: text().max(5000).optional(),
  settings: ProgrammeSettings.partial().optional(),
  milestones: z.array(Milestone).optional(),
});
export type UpdateProgrammeBody = z.infer<typeof UpdateProgrammeBody>;

export const QuestionType = z.enum(['text', 'long_text', 'single_choice', 'multiple_choice', 'sectors', 'solutions', 'preferred_dates', 'delegates', 'file']);
export const Question = z
  .object({
    id: text().regex(/^[a-z0-9_]{1,40}$/, 'Use lower-case letters, digits and underscores.'),
    type: QuestionType,
    label: text().trim().min(1).max(300),
    help: text().max(1000).default(''),
    required: z.boolean().default(false),
    options: z.array(text().trim().min(1).max(200)).max(30).default([]),
    maxLength: z.number().int().min(1).max(20000).optional(),
  })
  .refine((q) => !['single_choice', 'multiple_choice'].includes(q.type) || q.options.length >= 2, {
    message: 'A choice question needs at least two options.',
    path: ['options'],
    ...because('CHOICE_OPTIONS_TOO_FEW'),
  });
export type Question = z.infer<typeof Question>;

export const Criterion = z.object({
  id: text().regex(/^[a-z0-9_]{1,40}$/),
  name: text().trim().min(1).max(200),
  weight: z.number().positive().max(100),
  scaleMax: z.number().int().min(1).max(100),
});
export type Criterion = z.infer<typeof Criterion>;

export const CallReopening = z.object({ cityId: z.uuid(), cityName: text(), until: text(), reason: text() });

export const Call = z.object({
  id: z.uuid(),
  programmeSlug: text(),
  programmeTitle: text(),
  /** Whether its programme is published; a draft's calls never open. */
  published: z.boolean(),
  kind: CallKind,
  /**
   * The window; for a representative of a city the closed call was reopened
   * for, `state` is open and `closesAt` that city's own deadline.
   */
  opensAt: text(),
  closesAt: text(),
  timeZone: text(),
  state: z.enum(['upcoming', 'open', 'closed']),
  questions: z.array(Question),
  criteria: z.array(Criterion),
  decisionsPublishedAt: text().nullable(),
  /** Why the call could not open now (a draft, no questions, no criteria); empty when it can. */
  openProblems: z.array(Reason),
  /** Why the questions and criteria can no longer change, or null. */
  formLock: Reason.nullable(),
  /** Cities it was reopened for: all of them for programme managers, the reader's own for representatives. */
  reopenings: z.array(CallReopening),
  version: z.number().int(),
});
export type Call = z.infer<typeof Call>;

export const UpdateCallBody = z
  .object({
    version: z.number().int().min(1),
    questions: z.array(Question).max(50),
    criteria: z.array(Criterion).max(20),
  })
  .refine((b) => new Set(b.questions.map((q) => q.id)).size === b.questions.length, { message: 'Each question needs its own id.', path: ['questions'], ...because('QUESTION_IDS_REPEATED') })
  .refine((b) => new Set(b.criteria.map((c) => c.id)).size === b.criteria.length, { message: 'Each criterion needs its own id.', path: ['criteria'], ...because('CRITERION_IDS_REPEATED') });
export type UpdateCallBody = z.infer<typeof UpdateCallBody>;

export const EligibilityAnswer = z.object({
  cityId: z.uuid(),
  cityName: text(),
  eligible: z.boolean(),
  /** Why not, in English (for API clients); `why` holds the same reasons to translate. */
  reasons: z.array(text()),
  why: z.array(Reason),
});

// Timeline control: every action has a preview (GET, nothing changes) and
// the action itself (POST), which answers what it did.

/** What an action would do now, or why it may not. */
export const ActionPreview = z.object({
  allowed: z.boolean(),
  refusal: Reason.nullable(),
  effects: z.array(Reason),
});
export type ActionPreview = z.infer<typeof ActionPreview>;

/** What an action did. */
export const ActionOutcome = z.object({ effects: z.array(Reason) });
export type ActionOutcome = z.infer<typeof ActionOutcome>;

export const VersionedActionBody = z.object({ version: z.number().int().min(1) });
export const OpenCallQuery = z.object({ closesAt: Instant.optional() });
export const OpenCallBody = VersionedActionBody.extend({ closesAt: Instant.optional() });
export const ExtendCallQuery = z.object({ until: Instant });
export const ExtendCallBody = VersionedActionBody.extend({ until: Instant });
export const ReopenCallQuery = z.object({ cityId: z.uuid(), until: Instant });
export const ReopenCallBody = VersionedActionBody.extend({
  cityId: z.uuid(),
  until: Instant,
  reason: text().trim().min(3).max(1000),
});

/** Answers by question id: text, a list of choices, dates, a number of delegates. */
export const AnswerValue = z.union([text().max(20000), z.array(text().max(300)).max(100), z.number().int().min(0).max(100)]);
export const Answers = z.record(text().max(40), AnswerValue);
export type Answers = z.infer<typeof Answers>;

export const ApplicationStatus = z.enum(['draft', 'submitted', 'withdrawn', 'under_review', 'selected', 'waitlisted', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const Application = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callKind: CallKind,
  programmeSlug: text(),
  cityId: z.uuid(),
  cityName: text(),
  cityCountry: text(),
  status: ApplicationStatus,
  answers: Answers,
  submittedAt: text().nullable(),
  updatedAt: text(),
  decisionReason: text().nullable(),
  version: z.number().int(),
});
export type Application = z.infer<typeof Application>;

export const CreateApplicationBody = z.object({ cityId: z.uuid(), answers: Answers.default({}) });
export const UpdateApplicationBody = z.object({ version: z.number().int().min(1), answers: Answers });
export const VersionBody = z.object({ version: z.number().int().min(1) });

/**
 * What withdrawing would do now, for the confirmation to say (the server's
 * withdrawal rules, domain/selection/withdrawal.ts): `before_decisions` —
 * the application is simply no longer considered; `promote` — decisions are
 * published, the matching not yet: a selected city's place goes to the first
 * waitlisted city; `programme_team` — the matching is published: nobody moves
 * up, the city leaves its visit, the host and the programme managers are
 * told; `refused` — it cannot be withdrawn (why in `refusal`).
 */
export const WithdrawalPreview = z.object({
  case: z.enum(['before_decisions', 'promote', 'programme_team', 'refused']),
  /** The published outcome the city gives up, or null before the decisions. */
  outcome: z.enum(['selected', 'waitlisted']).nullable(),
  /** A waitlisted city takes the place (and is emailed). */
  promotesWaitlisted: z.boolean(),
  /** The host of the visit the city is taken out of (a visiting city after the matching). */
  leavesVisitTo: text().nullable(),
  /** The host city and the programme managers are emailed (a selected city after the matching). */
  tellsProgrammeTeam: z.boolean(),
  /** The host city is emailed too (when the city withdrawing is not the host). */
  tellsHost: text().nullable(),
  refusal: Reason.nullable(),
});
export type WithdrawalPreview = z.infer<typeof WithdrawalPreview>;

export const EvaluationStatus = z.enum(['draft', 'submitted', 'conflict']);
export const Evaluation = z.object({
  applicationId: z.uuid(),
  cityName: text(),
  criteria: z.array(Criterion),
  scores: z.record(text(), z.number()),
  comment: text(),
  status: EvaluationStatus.nullable(),
  version: z.number().int(),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const SaveEvaluationBody = z.object({
  /** 0 for the first save. */
  version: z.number().int().min(0),
  scores: z.record(text().max(40), z.number().min(0).max(100)),
  comment: text().max(5000).default(''),
});
export const DeclareConflictBody = z.object({ reason: text().trim().min(3, 'Say briefly why (e.g. “I worked for this city”).').max(1000) });

export const MyAssignment = z.object({
  applicationId: z.uuid(),
  programmeSlug: text(),
  programmeTitle: text(),
  callKind: CallKind,
  cityName: text(),
  status: EvaluationStatus.nullable(),
});

export const AutoAssignResult = z.object({
  added: z.number().int(),
  maxLoad: z.number().int(),
  complete: z.boolean(),
  shortfalls: z.array(z.object({ applicationId: z.uuid(), cityName: text(), missing: z.number().int(), reason: Reason })),
});

export const EvaluationOverview = z.object({
  criteria: z.array(Criterion),
  evaluators: z.array(z.object({ id: z.uuid(), name: text(), assigned: z.number().int(), submitted: z.number().int(), conflicts: z.number().int() })),
  applications: z.array(
    z.object({
      applicationId: z.uuid(),
      cityName: text(),
      cityCountry: text(),
      evaluators: z.array(
        z.object({
          id: z.uuid(),
          name: text(),
          status: EvaluationStatus.nullable(),
          total: z.number().nullable(),
          /** Why this evaluator may no longer judge the application (they became a representative of the city or of one in its country), or null. */
          conflictOfInterest: Reason.nullable(),
        }),
      ),
      score: z.number().nullable(),
      spread: z.number().nullable(),
      rank: z.number().int().nullable(),
      tiedWith: z.array(text()),
      byCriterion: z.record(text(), z.number().nullable()),
    }),
  ),
});

export const Outcome = z.enum(['selected', 'waitlisted', 'rejected']);
export const DecisionBody = z
  .object({
    outcome: Outcome,
    reason: text().trim().min(1, 'Give the reason the city will read.').max(2000),
    waitlistPosition: z.number().int().min(1).max(1000).nullable().default(null),
  })
  .refine((d) => (d.outcome === 'waitlisted') === (d.waitlistPosition !== null), {
    message: 'A waitlisted city needs a place on the waiting list; others none.',
    ...because('WAITLIST_POSITION_MISMATCH'),
    path: ['waitlistPosition'],
  });

export const SelectionOverview = z.object({
  limit: z.number().int(),
  selected: z.number().int(),
  waitlisted: z.number().int(),
  rejected: z.number().int(),
  undecided: z.number().int(),
  /** What blocks publishing, one reason each. */
  problems: z.array(Reason),
  publishedAt: text().nullable(),
  applications: z.array(
    z.object({
      applicationId: z.uuid(),
      cityName: text(),
      score: z.number().nullable(),
      rank: z.number().int().nullable(),
      outcome: Outcome.nullable(),
      reason: text().nullable(),
      waitlistPosition: z.number().int().nullable(),
      withdrawn: z.boolean(),
      /** Moved up from the waiting list after a selected city withdrew. */
      promoted: z.boolean(),
    }),
  ),
});
