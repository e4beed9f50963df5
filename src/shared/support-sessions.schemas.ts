import { z } from 'zod';
import { Reason } from './reason.ts';
import { SupportKind } from './support.schemas.ts';
import { Instant, text, webAddress } from './text.ts';

// Peer sessions and calls on request (issue 21; docs/support.md, "Peer
// sessions and calls"): the Mission Cities proposed for a peer session, their
// invitations and answers, the times the expert proposes and the one the city
// picks, and what the city takes away.

/** How many Mission Cities the platform proposes, and how many the expert may invite. */
export const PEER_CITIES = { proposed: 3, min: 1, max: 5 } as const;
/** Sessions last two hours unless the expert says otherwise. */
export const SESSION_DURATION = { min: 30, max: 480, default: 120 } as const;
export const SESSION_SLOTS = { min: 2, max: 5 } as const;
/** The time zone of the times proposed and shown (the programme's). */
export const SESSION_TIME_ZONE = 'Europe/Brussels';
export const TAKEAWAY_LENGTH = { min: 10, max: 4000 } as const;

const CityRef = z.object({ id: z.uuid(), name: text(), slug: text(), country: text() });

/** A Mission City proposed for the session, with why, as reasons and as readable English text. */
export const PeerCityProposal = z.object({
  city: CityRef,
  score: z.number().int(),
  reasons: z.array(Reason),
  /** The reasons in plain English ("planned solutions in energy; works in Polish, English"). */
  why: text(),
});
export type PeerCityProposal = z.infer<typeof PeerCityProposal>;

export const PeerCityChoice = z.object({
  /** The three best Mission Cities, best first; never the asking city. */
  proposed: z.array(PeerCityProposal),
  /** Every other Mission City, by name, for the expert to edit the choice. */
  missionCities: z.array(CityRef),
});
export type PeerCityChoice = z.infer<typeof PeerCityChoice>;

export const ConfirmPeerCities = z.object({
  cityIds: z
    .array(z.uuid())
    .min(PEER_CITIES.min, `Invite at least ${PEER_CITIES.min} city.`)
    .max(PEER_CITIES.max, `Invite at most ${PEER_CITIES.max} cities.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Choose each city once.'),
  version: z.number().int().min(1),
});
export type ConfirmPeerCities = z.infer<typeof ConfirmPeerCities>;

export const InvitationAnswer = z.enum(['pending', 'accepted', 'declined']);
export type InvitationAnswer = z.infer<typeof InvitationAnswer>;

export const AnswerInvitation = z.object({ cityId: z.uuid(), answer: z.enum(['accepted', 'declined']), version: z.number().int().min(1) });
export type AnswerInvitation = z.infer<typeof AnswerInvitation>;

export const PeerInvitation = z.object({
  city: CityRef,
  /** Among the three the platform proposed (else added by the expert). */
  proposed: z.boolean(),
  reasons: z.array(Reason),
  answer: InvitationAnswer,
  answeredBy: text().nullable(),
  answeredAt: Instant.nullable(),
});
export type PeerInvitation = z.infer<typeof PeerInvitation>;

const JoinUrl = webAddress({ protocol: /^https$/, error: 'Give the https:// link people use to join the session.' }).max(2000);

export const ProposeSessionSlots = z.object({
  slots: z
    .array(Instant)
    .min(SESSION_SLOTS.min, `Propose at least ${SESSION_SLOTS.min} times.`)
    .max(SESSION_SLOTS.max, `Propose at most ${SESSION_SLOTS.max} times.`),
  durationMinutes: z.number().int().min(SESSION_DURATION.min).max(SESSION_DURATION.max).default(SESSION_DURATION.default),
  /** Optional: the link to join online. */
  joinUrl: z.union([JoinUrl, z.literal('')]).default(''),
  version: z.number().int().min(1),
});
export type ProposeSessionSlots = z.input<typeof ProposeSessionSlots>;

export const PickSessionSlot = z.object({ slotId: z.uuid(), version: z.number().int().min(1) });

export const WriteTakeaway = z.object({
  text: text()
    .trim()
    .min(TAKEAWAY_LENGTH.min, `Write at least ${TAKEAWAY_LENGTH.min} characters.`)
    .max(TAKEAWAY_LENGTH.max, `Write at most ${TAKEAWAY_LENGTH.max} characters.`),
  version: z.number().int().min(1),
});
export type WriteTakeaway = z.infer<typeof WriteTakeaway>;

/** A call or peer session of a request, as its page shows it, with what the caller may do now. */
export const SupportSession = z.object({
  requestId: z.uuid(),
  kind: SupportKind,
  /** The request's version: every change carries it. */
  version: z.number().int().min(1),
  invitations: z.array(PeerInvitation),
  durationMinutes: z.number().int().nullable(),
  joinUrl: text().nullable(),
  slots: z.array(z.object({ id: z.uuid(), startsAt: Instant })),
  /** The time the city picked. */
  scheduledAt: Instant.nullable(),
  /** Where the caller downloads the .ics once a time is picked. */
  icsPath: text().nullable(),
  takeaway: z.object({ text: text(), by: text().nullable(), at: Instant }).nullable(),
  /** The invited cities the caller answers for. */
  myInvitedCityIds: z.array(z.uuid()),
  can: z.object({
    confirmPeers: z.boolean(),
    answerInvitation: z.boolean(),
    proposeSlots: z.boolean(),
    pickSlot: z.boolean(),
    downloadIcs: z.boolean(),
    writeTakeaway: z.boolean(),
  }),
});
export type SupportSession = z.infer<typeof SupportSession>;

/*
 * The API (all JSON; errors are problem+json):
 *   GET  /api/support-requests/:id/peer-cities          → PeerCityChoice (who sees the request; a peer session only)
 *   POST /api/support-requests/:id/peer-cities          ConfirmPeerCities → SupportSession (the assigned expert; invites them)
 *   GET  /api/support-requests/:id/session              → SupportSession (who sees the request, and the invited cities)
 *   POST /api/support-requests/:id/session/answer       AnswerInvitation → SupportSession (an invited city's representatives)
 *   POST /api/support-requests/:id/session/slots        ProposeSessionSlots → SupportSession (the assigned expert)
 *   POST /api/support-requests/:id/session/pick         PickSessionSlot → SupportSession (the asking city's representatives)
 *   GET  /api/support-requests/:id/session.ics          → text/calendar (everyone taking part, once a time is picked)
 *   POST /api/support-requests/:id/takeaway             WriteTakeaway → SupportSession (the asking city, once held)
 */
