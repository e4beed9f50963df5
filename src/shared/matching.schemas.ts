import { z } from 'zod';
import { pageOf } from './pagination.ts';
import { Reason } from './reason.ts';
import { text } from './text.ts';

// The matching page and API: settings per programme, runs and their results,
// publication. The solver's own instance format lives in the domain
// (src/domain/matching/matching-instance.ts) and is accepted by
// POST /api/matching/solve unchanged.

const Weight = z.number().min(0, 'Give a weight from 0 to 100.').max(100, 'Give a weight from 0 to 100.');

/** The weight of the `priorities` fit component where a programme's settings do not give one (saved before it existed). */
export const DEFAULT_PRIORITIES_WEIGHT = 15;

/** Fit-model weights (each component is 0–1 times its weight) and travel parameters. */
export const MatchingWeights = z.object({
  thematic: Weight,
  evaluation: Weight,
  likeness: Weight,
  language: Weight,
  travel: Weight,
  /**
   * The visitor's priority sectors (its answer to the support-needs survey)
   * the host has solutions in. Optional: settings saved before it existed
   * use DEFAULT_PRIORITIES_WEIGHT.
   */
  priorities: Weight.optional(),
  /** Trips shorter than this go by rail, longer ones by air. */
  railThresholdKm: z.number().min(0, 'Give a distance from 0 to 5,000 km.').max(5000, 'Give a distance from 0 to 5,000 km.'),
  /** Return-trip CO2 per traveller at which the travel component reaches 0. */
  travelCo2ReferenceKg: z.number().min(1, 'Give a figure from 1 to 10,000 kg.').max(10000, 'Give a figure from 1 to 10,000 kg.'),
});
export type MatchingWeights = z.infer<typeof MatchingWeights>;

export const FacilitatorProfile = z.object({
  personId: z.uuid(),
  /** ISO 639-1 codes, e.g. en, fr. */
  languages: z.array(text().regex(/^[a-z]{2}$/, 'Use two-letter language codes such as en or fr.')).min(1, 'Give at least one language.').max(12),
  maxVisits: z.number().int().min(0, 'Give a whole number from 0 to 20.').max(20, 'Give a whole number from 0 to 20.'),
});
export type FacilitatorProfile = z.infer<typeof FacilitatorProfile>;

export const MatchingRuleSettings = z.object({
  /** At most this many visitors from one country per host; null: no limit. */
  maxPerCountryPerHost: z.number().int().min(1, 'Give a whole number from 1 to 20, or leave it empty.').max(20, 'Give a whole number from 1 to 20, or leave it empty.').nullable(),
  /** Pairs with a lower fit are not allowed; null: every pair is. */
  minScore: z.number().min(0, 'Give a score from 0 to 500, or leave it empty.').max(500, 'Give a score from 0 to 500, or leave it empty.').nullable(),
  /** Place as many visitors as possible first, then maximise the total fit. */
  placeAsManyAsPossible: z.boolean(),
  /** Languages and capacity of the facilitators; those not listed speak English and take one visit. */
  facilitators: z.array(FacilitatorProfile).max(100),
});
export type MatchingRuleSettings = z.infer<typeof MatchingRuleSettings>;

export const PairRule = z.object({ hostCityId: z.uuid(), visitorCityId: z.uuid(), rule: z.enum(['locked', 'forbidden']) });
export type PairRule = z.infer<typeof PairRule>;

export const MatchingSettings = z.object({
  weights: MatchingWeights,
  rules: MatchingRuleSettings,
  pairRules: z.array(PairRule),
  version: z.number().int().min(0),
});
export type MatchingSettings = z.infer<typeof MatchingSettings>;

export const UpdateMatchingSettingsBody = z.object({
  weights: MatchingWeights,
  rules: MatchingRuleSettings,
  /** The settings version the change starts from (a stale one answers 409). */
  version: z.number().int().min(0),
});
export type UpdateMatchingSettingsBody = z.infer<typeof UpdateMatchingSettingsBody>;

export const PairRuleBody = z.object({
  hostCityId: z.uuid(),
  visitorCityId: z.uuid(),
  /** `none` removes the pair's rule (undo). */
  rule: z.enum(['locked', 'forbidden', 'none']),
});
export type PairRuleBody = z.infer<typeof PairRuleBody>;

export const StartRunBody = z.object({
  /** The settings version the manager sees; a stale one answers 409 so nobody runs settings they have not seen. */
  settingsVersion: z.number().int().min(0),
});

export const PublishRunBody = z.object({
  /** The manager confirmed: the cities are emailed and the study visits created. */
  confirm: z.literal(true, 'Confirm the publication.'),
});

export const CandidateCity = z.object({
  id: z.uuid(),
  slug: text(),
  name: text(),
  country: text(),
  latitude: z.number(),
  longitude: z.number(),
  languages: z.array(text()),
  sectors: z.array(text()),
  /** Evaluation score 0–100 of the city's application; null before any evaluation. */
  evaluationScore: z.number().nullable(),
});
export type CandidateCity = z.infer<typeof CandidateCity>;

export const FacilitatorSummary = z.object({ id: z.uuid(), name: text(), languages: z.array(text()), maxVisits: z.number().int(), daysOff: z.number().int() });

export const RunSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  createdAt: z.iso.datetime(),
  createdBy: text().nullable(),
  status: z.enum(['optimal', 'feasible', 'infeasible']),
  objective: z.number().nullable(),
  placed: z.number().int(),
  unplaced: z.number().int(),
  totalCo2Kg: z.number().nullable(),
  published: z.boolean(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const MatchingOverview = z.object({
  programme: z.object({ slug: text(), title: text(), timeZone: text(), visitorsPerHost: z.number().int() }),
  selection: z.object({
    hostsPublished: z.boolean(),
    visitorsPublished: z.boolean(),
    /** Why matching cannot run yet; null when it can. */
    blocker: Reason.nullable(),
    hosts: z.array(CandidateCity),
    visitors: z.array(CandidateCity),
  }),
  settings: MatchingSettings,
  facilitators: z.array(FacilitatorSummary),
  runs: pageOf(RunSummary),
  published: z.object({ runId: z.uuid(), number: z.number().int(), publishedAt: z.iso.datetime(), publishedBy: text().nullable() }).nullable(),
});
export type MatchingOverview = z.infer<typeof MatchingOverview>;

export const FitComponent = z.object({
  key: z.enum(['thematic', 'evaluation', 'likeness', 'language', 'travel', 'priorities']),
  value: z.number(),
  weight: z.number(),
  contribution: z.number(),
  /** What the value rests on, as parts of one list (“same country”, “size similarity 80 %”). */
  reasons: z.array(Reason),
});
export type FitComponent = z.infer<typeof FitComponent>;

export const Travel = z.object({ km: z.number(), mode: z.enum(['rail', 'air']), co2KgReturn: z.number() });

/** A host a visiting city was not given, and why. */
export const Alternative = z.object({ hostCityId: text(), hostName: text(), score: z.number(), totalDrop: z.number().nullable(), reason: Reason });

export const PlacedVisitor = z.object({
  cityId: text(),
  name: text(),
  country: text(),
  score: z.number(),
  locked: z.boolean(),
  components: z.array(FitComponent),
  travel: Travel,
  runnerUp: Alternative.nullable(),
});

export const RunDetail = RunSummary.extend({
  programmeSlug: text(),
  programmeTitle: text(),
  inputsHash: text(),
  settingsVersion: z.number().int(),
  /** Why the run is infeasible; null otherwise. */
  reason: Reason.nullable(),
  /** Why the run can no longer be published; null when it can (or is). */
  stale: Reason.nullable(),
  hosts: z.array(
    z.object({
      cityId: text(),
      name: text(),
      country: text(),
      capacity: z.number().int(),
      facilitator: z.object({ id: text(), name: text() }).nullable(),
      visitors: z.array(PlacedVisitor),
      alternates: z.array(z.object({ cityId: text(), name: text(), score: z.number(), totalDrop: z.number() })),
    }),
  ),
  unplaced: z.array(z.object({ cityId: text(), name: text(), country: text(), reasons: z.array(Alternative) })),
  /** The programme's current locked and forbidden pairs, for the lock and forbid buttons. */
  pairRules: z.array(PairRule),
  facilitatorStage: z.object({ status: z.enum(['optimal', 'infeasible', 'skipped']), reason: Reason.nullable(), warnings: z.array(Reason) }),
  diff: z
    .object({
      previousRunId: z.uuid(),
      previousNumber: z.number().int(),
      objectiveChange: z.number().nullable(),
      moved: z.array(z.object({ cityId: text(), name: text(), from: text().nullable(), to: text().nullable() })),
    })
    .nullable(),
  points: z.array(z.object({ id: text(), name: text(), latitude: z.number(), longitude: z.number(), kind: z.enum(['host', 'visitor']) })),
  lines: z.array(z.object({ from: text(), to: text(), mode: z.enum(['rail', 'air']), km: z.number(), co2Kg: z.number() })),
});
export type RunDetail = z.infer<typeof RunDetail>;

// Stored JSON of a run (the database columns); written by the server only.
// Runs stored before reasons existed hold English text where new runs hold a
// reason; both are read (docs/decisions/0014-reasons.md).

/** A reason as stored: a string is the English text of an older run. */
export type StoredReason = Reason | string;

/** A fit component as stored: `reasons`, or `text` in older runs. */
export type StoredFitComponent = Omit<FitComponent, 'reasons'> & ({ reasons: Reason[] } | { text: string });

/** A host not given, as stored: `why`, or `text` in older runs. */
export type StoredAlternative = { host: string; score: number; totalDrop: number | null } & ({ why: Reason } | { text: string });

export interface StoredInstance {
  hosts: { id: string; capacity: number; country?: string; name?: string }[];
  applicants: { id: string; country?: string; name?: string }[];
  pairs: { applicant: string; host: string; score: number }[];
  rules: {
    maxPerCountryPerHost?: number;
    placeAsManyAsPossible: boolean;
    locked: { applicant: string; host: string }[];
    forbidden: { applicant: string; host: string }[];
    minScore?: number;
  };
}

export interface RunContext {
  cities: Record<string, { name: string; slug: string; country: string; latitude: number; longitude: number; languages: string[] }>;
  fits: { visitor: string; host: string; score: number; components: StoredFitComponent[]; travel: { km: number; mode: 'rail' | 'air'; co2KgReturn: number } }[];
  weights: MatchingWeights;
  rules: MatchingRuleSettings;
  visitWindow: { startsOn: string; endsOn: string } | null;
  facilitatorInput: {
    visits: { id: string; host: string; languages: string[]; start: string; end: string }[];
    facilitators: { id: string; name: string; languages: string[]; availability: { from: string; to: string }[]; maxVisits: number }[];
    sharedLanguages: string[];
    preferences: { facilitator: string; visit: string; score: number }[];
  };
}

export interface StoredResult {
  status: 'optimal' | 'feasible' | 'infeasible';
  objective?: number;
  assignments?: { applicant: string; host: string; score: number }[];
  unassigned?: string[];
  reason?: StoredReason;
  gap?: number;
  explanation?: {
    applicants: {
      applicant: string;
      placement: { host: string; score: number; locked: boolean } | null;
      runnerUp: StoredAlternative | null;
      notGiven: StoredAlternative[];
    }[];
    hosts: { host: string; placed: string[]; alternates: { applicant: string; score: number; totalDrop: number }[] }[];
  };
}

export type FacilitatorStage =
  | { status: 'optimal'; assignments: { visit: string; facilitator: string }[]; objective: number; warnings: StoredReason[] }
  | { status: 'infeasible'; reason: StoredReason }
  | { status: 'skipped'; reason: StoredReason };
