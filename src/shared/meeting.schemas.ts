import { z } from 'zod';
import { Instant, text, webAddress } from './text.ts';

/** Meeting requests in a conversation (issue 20): a short online meeting with two to five proposed slots. */

export const MeetingStatus = z.enum(['proposed', 'accepted', 'declined', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const MEETING_DURATION = { min: 15, max: 240, default: 60 } as const;
export const MEETING_SLOTS = { min: 2, max: 5 } as const;
/** How far ahead a proposed slot must start. */
export const MEETING_LEAD_MINUTES = 60;

const JoinUrl = webAddress({ protocol: /^https$/, error: 'Give the https:// link people use to join the online meeting.' }).max(2000);
const Slots = (min: number) =>
  z
    .array(Instant)
    .min(min, min === 1 ? 'Give the new time.' : `Propose at least ${min} times.`)
    .max(MEETING_SLOTS.max, `Propose at most ${MEETING_SLOTS.max} times.`);

export const ProposeMeetingBody = z.object({
  title: text().trim().min(1, 'Give the meeting a title.').max(200),
  durationMinutes: z.number().int().min(MEETING_DURATION.min).max(MEETING_DURATION.max).default(MEETING_DURATION.default),
  joinUrl: JoinUrl,
  slots: Slots(MEETING_SLOTS.min),
  /** The city the proposer acts for, when they represent several in the conversation. */
  asCityId: z.uuid().nullable().default(null),
});
export type ProposeMeetingBody = z.input<typeof ProposeMeetingBody>;

export const AcceptMeetingBody = z.object({ slotId: z.uuid(), version: z.number().int().min(1) });
export const DeclineMeetingBody = z.object({ reason: text().trim().max(1000).default(''), version: z.number().int().min(1) });
export const CancelMeetingBody = z.object({ version: z.number().int().min(1) });
/**
 * Before acceptance the proposer replaces the slots (two to five); after
 * acceptance either side sets the new time directly (one slot, agreed in
 * the conversation).
 */
export const MoveMeetingBody = z.object({ slots: Slots(1), version: z.number().int().min(1) });

export const MeetingParty = z.object({
  partyId: z.uuid(),
  kind: z.enum(['city', 'programme_team', 'expert']),
  cityId: z.uuid().nullable(),
  /** The city's name, "Programme team", or the expert's name. */
  name: text(),
  /** IANA zone in which the party's local times are shown. */
  timeZone: text(),
});
export type MeetingParty = z.infer<typeof MeetingParty>;

export const MeetingSlot = z.object({ id: z.uuid(), startsAt: text() });

export const MeetingRequest = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  title: text(),
  durationMinutes: z.number().int(),
  joinUrl: text(),
  status: MeetingStatus,
  proposedByPartyId: z.uuid(),
  /** Null when the account was erased; "(deactivated)" is shown from `proposedByActive`. */
  proposedByName: text().nullable(),
  proposedByActive: z.boolean(),
  decidedByName: text().nullable(),
  decidedAt: text().nullable(),
  declineReason: text().nullable(),
  slots: z.array(MeetingSlot),
  acceptedSlotId: z.uuid().nullable(),
  /** The agreed start (kept after a cancellation). */
  scheduledAt: text().nullable(),
  icsSequence: z.number().int(),
  version: z.number().int(),
  createdAt: text(),
  updatedAt: text(),
  /** What the caller may do now. */
  can: z.object({ accept: z.boolean(), decline: z.boolean(), cancel: z.boolean(), move: z.boolean(), downloadIcs: z.boolean() }),
});
export type MeetingRequest = z.infer<typeof MeetingRequest>;

export const MeetingRequestList = z.object({
  /** The party the caller acts for. */
  myPartyId: z.uuid(),
  parties: z.array(MeetingParty),
  items: z.array(MeetingRequest),
});
export type MeetingRequestList = z.infer<typeof MeetingRequestList>;
