import { z } from 'zod';
import { LanguageCode, SectorCode } from './city.schemas.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { Reason } from './reason.ts';
import { LeverCode } from './solution.schemas.ts';
import { Instant, text } from './text.ts';

// Expert support (issue 21): cities ask, the right expert answers in time.
// docs/support.md explains the model; src/domain/support/ routes requests
// exactly and counts working days.

/** The kinds of help a city can ask for: a written answer, a one-to-one call with an expert, a peer session with Mission Cities. */
export const SupportKind = z.enum(['answer', 'call', 'peer-session']);
export type SupportKind = z.infer<typeof SupportKind>;

export const SupportUrgency = z.enum(['normal', 'urgent']);
export type SupportUrgency = z.infer<typeof SupportUrgency>;

/**
 * The life of a request: submitted (no expert yet) → assigned → answered
 * (or session_held for a call or peer session) → closed (rated by the city),
 * or reopened by the city (back to assigned).
 */
export const SupportState = z.enum(['submitted', 'assigned', 'answered', 'session_held', 'closed']);
export type SupportState = z.infer<typeof SupportState>;

/** A first answer is due this many working days after the request, unless the programme sets another (SUPPORT_FIRST_ANSWER_DAYS). */
export const DEFAULT_FIRST_ANSWER_WORKING_DAYS = 5;
/** The most requests an expert may take in a week. */
export const WEEKLY_CAPACITY_MAX = 40;

/** What an expert declares: what they know, the languages they work in, the countries they cover, how many requests a week. */
export const ExpertProfile = z.object({
  sectors: z.array(SectorCode).max(6),
  levers: z.array(LeverCode).max(6),
  languages: z.array(LanguageCode).min(1).max(12),
  /** ISO 3166-1 alpha-2, upper case. */
  countries: z.array(text().regex(/^[A-Z]{2}$/, 'Use two-letter country codes, like PL.')).max(50),
  weeklyCapacity: z.number().int().min(0).max(WEEKLY_CAPACITY_MAX),
  /** Cities the expert must never be assigned (a declared conflict of interest). */
  conflictCityIds: z.array(z.uuid()).max(100),
  /** A few lines cities read about the expert. */
  bio: text().trim().max(1000),
});
export type ExpertProfile = z.infer<typeof ExpertProfile>;

/** An expert's profile as the platform shows it, with their load. */
export const ExpertSummary = ExpertProfile.omit({ conflictCityIds: true }).extend({
  id: z.uuid(),
  name: text(),
  /** Requests assigned and not yet closed. */
  openLoad: z.number().int().min(0),
  version: z.number().int().min(1),
});
export type ExpertSummary = z.infer<typeof ExpertSummary>;

export const ExpertProfileWithVersion = ExpertProfile.extend({ version: z.number().int().min(0) });
export const UpdateExpertProfile = ExpertProfile.extend({ version: z.number().int().min(0) });
export type UpdateExpertProfile = z.infer<typeof UpdateExpertProfile>;

/** A city's request, as it sends it. */
export const NewSupportRequest = z.object({
  cityId: z.uuid(),
  title: text().trim().min(5, 'Give the request a title of at least 5 characters.').max(200),
  question: text().trim().min(20, 'Describe the question or challenge in at least 20 characters.').max(5000),
  sectors: z.array(SectorCode).max(6),
  levers: z.array(LeverCode).max(6),
  /** The languages the city can work in, its first language first. */
  languages: z.array(LanguageCode).min(1, 'Name at least one language the city can work in.').max(5),
  kind: SupportKind,
  urgency: SupportUrgency,
});
export type NewSupportRequest = z.infer<typeof NewSupportRequest>;

/** Why a request went to its expert ("shares buildings and finance, speaks Polish, 2 of 5 weekly slots free"), or why none was found. */
export const SupportAssignment = z.object({
  expert: z.object({ id: z.uuid(), name: text() }),
  by: z.enum(['routing', 'manager']),
  reasons: z.array(Reason),
  at: Instant,
});
export type SupportAssignment = z.infer<typeof SupportAssignment>;

export const SupportRequestSummary = z.object({
  id: z.uuid(),
  title: text(),
  city: z.object({ id: z.uuid(), name: text(), slug: text(), country: text() }),
  kind: SupportKind,
  urgency: SupportUrgency,
  state: SupportState,
  sectors: z.array(SectorCode),
  levers: z.array(LeverCode),
  languages: z.array(text()),
  expert: z.object({ id: z.uuid(), name: text() }).nullable(),
  createdAt: Instant,
  /** End of the last working day the first answer is due (programme time zone). */
  firstAnswerDueAt: Instant,
  firstAnsweredAt: Instant.nullable(),
  /** Not answered and past firstAnswerDueAt. */
  overdue: z.boolean(),
});
export type SupportRequestSummary = z.infer<typeof SupportRequestSummary>;

export const SupportEventKind = z.enum(['submitted', 'assigned', 'reassigned', 'unassigned', 'answered', 'session_held', 'closed', 'reopened', 'reminded', 'escalated',
  // Peer sessions and calls (support-sessions.schemas.ts)
  'peers_invited', 'peer_accepted', 'peer_declined', 'slots_proposed', 'session_scheduled', 'takeaway']);
export const SupportEvent = z.object({
  at: Instant,
  kind: SupportEventKind,
  /** Who did it; null for the platform (routing, reminders). */
  actor: text().nullable(),
  note: text().nullable(),
});
export type SupportEvent = z.infer<typeof SupportEvent>;

export const SupportAnswer = z.object({
  id: z.uuid(),
  author: text().nullable(),
  /** Sanitised HTML, as messages are. */
  bodyHtml: text(),
  createdAt: Instant,
});
export type SupportAnswer = z.infer<typeof SupportAnswer>;

export const SupportRequestDetail = SupportRequestSummary.extend({
  question: text(),
  /** The current assignment with its reasons; when none, why (in `unassignedReason`). */
  assignment: SupportAssignment.nullable(),
  unassignedReason: Reason.nullable(),
  answers: z.array(SupportAnswer),
  events: z.array(SupportEvent),
  rating: z.object({ score: z.number().int().min(1).max(5), comment: text() }).nullable(),
  /** What the caller may do now. */
  can: z.object({ answer: z.boolean(), markSessionHeld: z.boolean(), close: z.boolean(), reopen: z.boolean(), reassign: z.boolean(), seePublication: z.boolean() }),
  version: z.number().int().min(1),
});
export type SupportRequestDetail = z.infer<typeof SupportRequestDetail>;

export const SupportRequestPage = pageOf(SupportRequestSummary);
export type SupportRequestPage = z.infer<typeof SupportRequestPage>;

/** mine: my cities' requests; assigned: those assigned to me (experts); all: every request (managers). */
export const SupportScope = z.enum(['mine', 'assigned', 'all']);
export const SupportListQuery = PageQuery.extend({
  scope: SupportScope.default('mine'),
  state: SupportState.optional(),
  overdue: z.stringbool().optional(),
});
export type SupportListQuery = z.infer<typeof SupportListQuery>;

export const SupportRequestParams = z.object({ id: text().uuid() });

export const NewSupportAnswer = z.object({ body: text().trim().min(1, 'Write the answer.').max(20_000), version: z.number().int().min(1) });
export type NewSupportAnswer = z.infer<typeof NewSupportAnswer>;

export const MarkSessionHeld = z.object({ note: text().trim().max(2000), version: z.number().int().min(1) });
export const CloseSupportRequest = z.object({
  score: z.number().int().min(1, 'Rate from 1 to 5.').max(5, 'Rate from 1 to 5.'),
  comment: text().trim().max(2000),
  version: z.number().int().min(1),
});
export type CloseSupportRequest = z.infer<typeof CloseSupportRequest>;
export const ReopenSupportRequest = z.object({ reason: text().trim().min(5, 'Say in a few words what is still open.').max(2000), version: z.number().int().min(1) });
export const ReassignSupportRequest = z.object({ expertId: z.uuid(), reason: text().trim().min(5, 'Say why in a few words.').max(500), version: z.number().int().min(1) });
export type ReassignSupportRequest = z.infer<typeof ReassignSupportRequest>;

export const ExpertList = z.object({ items: z.array(ExpertSummary) });
export type ExpertList = z.infer<typeof ExpertList>;

/*
 * The API (all JSON; errors are problem+json):
 *   GET  /api/support-requests?scope=&state=&overdue=&page=&pageSize=  SupportListQuery → SupportRequestPage
 *        (mine: city representatives; assigned: experts; all: programme managers)
 *   POST /api/support-requests                      NewSupportRequest → 201 SupportRequestDetail (routed at once)
 *   GET  /api/support-requests/:id                  → SupportRequestDetail (404 when not the caller's to see)
 *   POST /api/support-requests/:id/answers          NewSupportAnswer → SupportRequestDetail (the assigned expert)
 *   POST /api/support-requests/:id/session-held     MarkSessionHeld → SupportRequestDetail (the assigned expert; call or peer session)
 *   POST /api/support-requests/:id/close            CloseSupportRequest → SupportRequestDetail (the city's representatives)
 *   POST /api/support-requests/:id/reopen           ReopenSupportRequest → SupportRequestDetail (the city's representatives)
 *   POST /api/support-requests/:id/assignment       ReassignSupportRequest → SupportRequestDetail (programme managers)
 *   GET  /api/experts                               → ExpertList (programme managers)
 *   GET  /api/me/expert-profile                     → ExpertProfileWithVersion (experts; version 0 before the first save)
 *   PUT  /api/me/expert-profile                     UpdateExpertProfile → ExpertProfileWithVersion (experts)
 */
