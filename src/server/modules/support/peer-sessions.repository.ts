import { sql, type Kysely } from 'kysely';
import type { MissionCityProfile } from '../../../domain/support/suggest-peer-cities.ts';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import type { LeverCode } from '../../../shared/solution.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export interface MissionCityRow extends MissionCityProfile {
  name: string;
  slug: string;
  country: string;
}

/**
 * Every Mission City as the peer proposal sees it: its languages, the
 * solutions of its action plan published in the library (every stage: a
 * measure under way or done was planned first), and the peer sessions it
 * hosted before (invitations it accepted of requests whose session was held).
 */
export async function missionCityProfiles(db: Q): Promise<MissionCityRow[]> {
  const [cities, solutions, hosted] = await Promise.all([
    db.selectFrom('cities').select(['id', 'name', 'slug', 'country', 'languages']).where('kind', '=', 'mission').orderBy('id').execute(),
    db.selectFrom('solutions').select(['city_id', 'sectors', 'lever']).where('status', '=', 'published').where('city_kind', '=', 'mission').execute(),
    db
      .selectFrom('support_peer_invitations as i')
      .innerJoin('support_requests as r', 'r.id', 'i.request_id')
      .select(['i.city_id', sql<number>`count(*)::int`.as('n')])
      .where('i.answer', '=', 'accepted')
      .where(sql<boolean>`EXISTS (SELECT 1 FROM support_events v WHERE v.request_id = r.id AND v.kind = 'session_held')`)
      .groupBy('i.city_id')
      .execute(),
  ]);
  const byCity = new Map<string, { sectors: SectorCode[]; lever: LeverCode }[]>();
  for (const s of solutions) byCity.set(s.city_id, [...(byCity.get(s.city_id) ?? []), { sectors: s.sectors as SectorCode[], lever: s.lever as LeverCode }]);
  const hostedBy = new Map(hosted.map((h) => [h.city_id, h.n]));
  return cities.map((c) => ({
    id: c.id,
    name: c.name,
    slug: c.slug,
    country: c.country,
    languages: c.languages,
    plannedSolutions: byCity.get(c.id) ?? [],
    peerSessionsHosted: hostedBy.get(c.id) ?? 0,
  }));
}

export interface InvitationRow {
  city_id: string;
  city_name: string;
  city_slug: string;
  city_country: string;
  position: number;
  proposed: boolean;
  reasons: Reason[];
  answer: 'pending' | 'accepted' | 'declined';
  answered_by_name: string | null;
  answered_at: Date | null;
}

export function invitationsOf(db: Q, requestId: string): Promise<InvitationRow[]> {
  return db
    .selectFrom('support_peer_invitations as i')
    .innerJoin('cities as c', 'c.id', 'i.city_id')
    .leftJoin('people as p', 'p.id', 'i.answered_by')
    .select(['i.city_id', 'c.name as city_name', 'c.slug as city_slug', 'c.country as city_country', 'i.position', 'i.proposed', 'i.reasons', 'i.answer', 'p.name as answered_by_name', 'i.answered_at'])
    .where('i.request_id', '=', requestId)
    .orderBy('i.position')
    .execute();
}

/** Whether one of the viewer's cities is invited to the request's peer session (its representatives then see the request). */
export async function isInvited(db: Q, requestId: string, cityIds: readonly string[]): Promise<boolean> {
  if (!cityIds.length) return false;
  const row = await db.selectFrom('support_peer_invitations').select('city_id').where('request_id', '=', requestId).where('city_id', 'in', [...cityIds]).executeTakeFirst();
  return row !== undefined;
}

export function sessionOf(db: Q, requestId: string) {
  return db.selectFrom('support_sessions').selectAll().where('request_id', '=', requestId).executeTakeFirst();
}

export function slotsOfSession(db: Q, requestId: string) {
  return db.selectFrom('support_session_slots').select(['id', 'starts_at']).where('request_id', '=', requestId).orderBy('starts_at').execute();
}

export async function heldBefore(db: Q, requestId: string): Promise<boolean> {
  const row = await db.selectFrom('support_events').select('id').where('request_id', '=', requestId).where('kind', '=', 'session_held').executeTakeFirst();
  return row !== undefined;
}

export function takeawayAuthor(db: Q, personId: string | null) {
  if (!personId) return Promise.resolve(undefined);
  return db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirst();
}

/** Scheduled sessions starting after `from` and up to `until`, not yet reminded of. */
export function dueSessionReminders(db: Q, from: Date, until: Date) {
  return db
    .selectFrom('support_sessions as s')
    .innerJoin('support_requests as r', 'r.id', 's.request_id')
    .select(['s.request_id', 's.scheduled_at'])
    .where('s.scheduled_at', 'is not', null)
    .where('s.reminder_sent_at', 'is', null)
    .where('s.scheduled_at', '>', from)
    .where('s.scheduled_at', '<=', until)
    .where('r.state', 'in', ['assigned', 'answered'])
    .orderBy('s.scheduled_at')
    .execute();
}

/** Marks the reminder sent, unless another run did first (false then). */
export async function claimSessionReminder(db: Q, requestId: string, scheduledAt: Date, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('support_sessions')
    .set({ reminder_sent_at: now })
    .where('request_id', '=', requestId)
    .where('scheduled_at', '=', scheduledAt)
    .where('reminder_sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
