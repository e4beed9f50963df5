import { firstAnswerDueAt } from '../../domain/support/working-days.ts';
import { routeRequests } from '../../domain/support/route-requests.ts';
import { englishText } from '../../shared/reason-texts.ts';
import { DEFAULT_FIRST_ANSWER_WORKING_DAYS } from '../../shared/support.schemas.ts';
import type { Db } from '../db/client.ts';
import { expertsWithProfiles } from '../modules/support/support.repository.ts';
import { SUPPORT_CALENDAR } from '../modules/support/support-calendar.ts';
import type { DemoCalendar } from './demo-calendar.ts';

const SEED_NAME = 'demo-support-sessions-v1';

const REQUEST = {
  city: 'lahti',
  askedBy: 'lahti2@demo.peercities.eu',
  at: '2026-12-04T11:15:00Z',
  title: 'Peer session: financing heat networks with other Mission Cities',
  question:
    'Lahti is studying a new district-heating network fed by a sewage heat pump. We would like to hear, in one session, from Mission Cities that already financed such a network: which funds, which tariffs, which mistakes to avoid.',
  sectors: ['energy'] as const,
  levers: ['finance-funding'] as const,
  languages: ['fi', 'en'],
  kind: 'peer-session' as const,
};

/**
 * Peer sessions' demo (issue 21): Lahti (Aino Korhonen, lahti2@) asks for a peer session on
 * financing heat networks; routing gives it to Sofia Rossi (expert@), who
 * sees on its page the three Mission Cities the platform proposes, to
 * confirm. A set of its own (after demo-support-v1), applied once.
 */
export async function seedSupportSessionsDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const city = await trx.selectFrom('cities').select(['id', 'country']).where('slug', '=', REQUEST.city).executeTakeFirst();
    const asker = await trx.selectFrom('people').select('id').where('email', '=', REQUEST.askedBy).executeTakeFirst();
    if (!city || !asker) return false;
    const id = crypto.randomUUID();
    const at = cal.instant(REQUEST.at);
    const routed = routeRequests({
      requests: [{ id, cityId: city.id, country: city.country, sectors: [...REQUEST.sectors], levers: [...REQUEST.levers], languages: REQUEST.languages, kind: REQUEST.kind }],
      experts: await expertsWithProfiles(trx),
    });
    const assignment = routed.assignments[0];
    if (!assignment) return false;
    await trx
      .insertInto('support_requests')
      .values({
        id,
        city_id: city.id,
        asked_by: asker.id,
        title: REQUEST.title,
        question: REQUEST.question,
        sectors: [...REQUEST.sectors],
        levers: [...REQUEST.levers],
        languages: REQUEST.languages,
        kind: REQUEST.kind,
        urgency: 'normal',
        state: 'assigned',
        expert_id: assignment.expertId,
        assigned_by: 'routing',
        assignment_reasons: JSON.stringify(assignment.explanation.reasons),
        assigned_at: at,
        first_answer_due_at: firstAnswerDueAt(at, SUPPORT_CALENDAR, DEFAULT_FIRST_ANSWER_WORKING_DAYS),
        created_at: at,
      })
      .execute();
    await trx
      .insertInto('support_events')
      .values([
        { request_id: id, kind: 'submitted', at, actor_id: asker.id, note: null },
        { request_id: id, kind: 'assigned', at, actor_id: null, note: assignment.explanation.reasons.map(englishText).join('; ') },
      ])
      .execute();
    return true;
  });
}
