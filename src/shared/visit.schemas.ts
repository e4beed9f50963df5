import { z } from 'zod';
import { Reason } from './reason.ts';
import { because } from './issue-reason.ts';
import { LocalDate, LocalTime, text, webAddress } from './text.ts';

export const AgendaItem = z.object({
  id: z.uuid(),
  day: z.number().int(),
  startsAt: text(),
  endsAt: text(),
  kind: z.enum(['site_visit', 'talk', 'workshop', 'meal', 'other']),
  title: text(),
  place: text(),
  solutionId: z.uuid().nullable(),
});

export const Delegate = z.object({
  id: z.uuid(),
  cityId: z.uuid(),
  name: text(),
  roleTitle: text(),
  email: text().nullable(),
  dietary: text(),
  accessNeeds: text(),
});

export const VisitSummary = z.object({
  id: z.uuid(),
  programmeSlug: text(),
  host: z.object({ id: z.uuid(), name: text(), slug: text(), country: text() }),
  visitors: z.array(z.object({ id: z.uuid(), name: text(), slug: text(), country: text() })),
  facilitator: text().nullable(),
  startsOn: text().nullable(),
  endsOn: text().nullable(),
  confirmed: z.boolean(),
  co2Kg: z.number(),
});
export type VisitSummary = z.infer<typeof VisitSummary>;

export const Visit = VisitSummary.extend({
  agenda: z.array(AgendaItem),
  travel: z.array(z.object({ cityId: z.uuid(), mode: z.enum(['rail', 'air']), distanceKm: z.number(), travellers: z.number().int(), co2Kg: z.number() })),
  /** Personal data: only for the host, the facilitator, programme managers (all) and a visiting city (its own). */
  delegates: z.array(Delegate).nullable(),
  hostUnavailable: z.array(text()).nullable(),
  viewer: z.object({ canPlan: z.boolean(), visitingCityIds: z.array(z.uuid()), isHost: z.boolean() }),
  version: z.number().int(),
});
export type Visit = z.infer<typeof Visit>;

export const ScheduleBody = z.object({
  /** Start dates fixed by the programme manager; the planner chooses the others. */
  fixed: z.array(z.object({ visitId: z.uuid(), startsOn: LocalDate })).max(500).default([]),
  /** Write the proposal to the visits (still unconfirmed) instead of only showing it. */
  apply: z.boolean(),
});
export const ScheduleAnswer = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('scheduled'),
    visits: z.array(z.object({ id: z.uuid(), host: text(), start: text(), end: text() })),
    applied: z.boolean(),
    /** Days in the window no visit took, and why: the hosts' public holidays, the programme's days without visits. */
    avoided: z.array(Reason),
  }),
  z.object({ status: z.literal('conflict'), visitId: z.uuid().nullable(), reason: Reason }),
]);

export const HostUnavailableBody = z.object({ dates: z.array(LocalDate).max(100) });
export const CreateAgendaItemBody = z
  .object({
    day: z.number().int().min(1).max(10),
    startsAt: LocalTime,
    endsAt: LocalTime,
    kind: z.enum(['site_visit', 'talk', 'workshop', 'meal', 'other']),
    title: text().trim().min(1).max(200),
    place: text().max(300).default(''),
    solutionId: z.uuid().nullable().default(null),
  })
  .refine((b) => b.endsAt > b.startsAt, { message: 'The end must come after the start.', path: ['endsAt'], ...because('END_NOT_AFTER_START') });

export const DelegationBody = z.object({
  mode: z.enum(['rail', 'air']),
  delegates: z
    .array(
      z.object({
        name: text().trim().min(1, 'Enter the name.').max(120),
        roleTitle: text().max(120).default(''),
        email: z.email().nullable().default(null),
        dietary: text().max(500).default(''),
        accessNeeds: text().max(500).default(''),
      }),
    )
    .max(20),
});

export const FeedbackBody = z.object({
  cityId: z.uuid(),
  ratings: z.object({ overall: z.number().int().min(1).max(5), relevance: z.number().int().min(1).max(5), organisation: z.number().int().min(1).max(5) }),
  comments: text().max(5000).default(''),
});
export const FeedbackSummary = z.object({
  responses: z.number().int(),
  averages: z.object({ overall: z.number().nullable(), relevance: z.number().nullable(), organisation: z.number().nullable() }),
  comments: z.array(z.object({ role: z.enum(['visitor', 'host']), city: text(), text: text() })),
});

export const ReplicationStatus = z.enum(['not_started', 'in_progress', 'done', 'dropped']);
export const ReplicationPlan = z.object({
  id: z.uuid(),
  visitId: z.uuid(),
  cityId: z.uuid(),
  cityName: text(),
  solutionId: z.uuid().nullable(),
  solutionTitle: text().nullable(),
  title: text(),
  steps: z.array(z.object({ text: text(), owner: text(), targetDate: text().nullable() })),
  owner: text(),
  targetDate: text().nullable(),
  updates: z.array(z.object({ checkpoint: z.number().int(), status: ReplicationStatus, evidenceText: text(), evidenceUrl: text().nullable(), createdAt: text() })),
  status: ReplicationStatus,
});
export const CreateReplicationPlanBody = z.object({
  cityId: z.uuid(),
  solutionId: z.uuid().nullable().default(null),
  title: text().trim().min(3, 'Use at least 3 characters.').max(200),
  steps: z.array(z.object({ text: text().trim().min(1).max(500), owner: text().max(200).default(''), targetDate: LocalDate.nullable().default(null) })).max(30).default([]),
  owner: text().max(200).default(''),
  targetDate: LocalDate.nullable().default(null),
});
export const ReplicationUpdateBody = z.object({
  checkpoint: z.union([z.literal(3), z.literal(6), z.literal(12)]),
  status: ReplicationStatus,
  evidenceText: text().max(5000).default(''),
  evidenceUrl: webAddress({ protocol: /^https?$/ }).nullable().default(null),
});

const Tally = z.object({ name: text(), plans: z.number().int(), replicated: z.number().int(), inProgress: z.number().int(), tco2e: z.number() });
export const Impact = z.object({
  plans: z.number().int(),
  replicated: z.number().int(),
  inProgress: z.number().int(),
  expectedTco2ePerYear: z.number(),
  bySector: z.array(Tally),
  byCountry: z.array(Tally),
});

const MeetingTally = z.object({ name: text(), requests: z.number().int(), accepted: z.number().int() });
/** Online meetings requested with Mission Cities during the programme (issue 20; docs/exchange.md). */
export const MissionMeetings = z.object({
  requests: z.number().int(),
  accepted: z.number().int(),
  bySector: z.array(MeetingTally),
  byCountry: z.array(MeetingTally),
});

export const Dashboard = z.object({
  funnel: z.array(z.object({ step: z.enum(['in_groups', 'completed_phases', 'applied', 'selected', 'visited', 'replicating']), cities: z.number().int() })),
  travelCo2Kg: z.number(),
  impact: Impact,
  missionMeetings: MissionMeetings,
});

export const CreateVisitsBody = z.object({
  placements: z
    .array(z.object({ hostCityId: z.uuid(), visitorCityIds: z.array(z.uuid()).min(1).max(50), facilitatorId: z.uuid().nullable().default(null) }))
    .min(1, 'Place at least one host.')
    .max(500),
});
