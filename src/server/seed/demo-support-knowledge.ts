import { routeRequests } from '../../domain/support/route-requests.ts';
import { firstAnswerDueAt } from '../../domain/support/working-days.ts';
import { englishText } from '../../shared/reason-texts.ts';
import { DEFAULT_FIRST_ANSWER_WORKING_DAYS } from '../../shared/support.schemas.ts';
import type { Db } from '../db/client.ts';
import { SUPPORT_CALENDAR } from '../modules/support/support-calendar.ts';
import { expertsWithProfiles } from '../modules/support/support.repository.ts';
import type { DemoCalendar } from './demo-calendar.ts';

const SEED_NAME = 'demo-support-knowledge-v1';

const REQUEST = {
  at: '2026-11-09T09:00:00Z',
  title: 'Paying for a district heating network that leaves coal',
  question:
    'Kraków’s heat network still burns coal in two plants and must be rebuilt by 2035. Piotr Nowak (piotr.nowak@krakow.pl) asks: how can a city finance the switch to heat pumps and waste heat without raising the heat tariff beyond what households can pay?',
  sectors: ['energy'],
  levers: ['finance-funding'],
  languages: ['pl', 'en'],
  answer: {
    at: '2026-11-12T13:10:00Z',
    html:
      '<p>Piotr, three sources, used together:</p><ul><li>the Modernisation Fund and the national heat programme for the plants (grants up to 50 %);</li><li>a municipal green bond for the pipes, repaid from the savings on coal and carbon allowances;</li><li>an EIB framework loan for the rest, with a tariff path agreed with the regulator over ten years.</li></ul><p>Aarhus and Vilnius phased their tariffs this way; write to me at sofia.rossi@peercities.eu for their models.</p>',
  },
  closedAt: '2026-11-16T08:30:00Z',
  score: 5,
  comment: 'Exactly the mix we needed for the council.',
  consentAt: '2026-11-17T10:00:00Z',
  publishedAt: '2026-11-18T09:00:00Z',
  published: {
    title: 'Financing a district heating network off coal without unaffordable tariffs',
    question:
      'A city’s heat network still burns coal in two plants and must be rebuilt by 2035. How can a city finance the switch to heat pumps and waste heat without raising the heat tariff beyond what households can pay?',
    answer:
      'Three sources, used together:\n\n– the Modernisation Fund and the national heat programme for the plants (grants up to 50 %);\n– a municipal green bond for the pipes, repaid from the savings on coal and carbon allowances;\n– an EIB framework loan for the rest, with a tariff path agreed with the regulator over ten years.\n\nAarhus and Vilnius phased their tariffs this way.',
  },
} as const;

/**
 * Answers become knowledge (issue 21, docs/support.md "Knowledge"): Kraków's
 * question on financing district heating, answered by Sofia Rossi, closed
 * with a rating of 5, published in the library with Kraków's consent and
 * without personal data. Its own seed step (after demo-support-v1), once.
 */
export async function seedSupportKnowledgeDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const city = await trx.selectFrom('cities').select(['id', 'country']).where('slug', '=', 'krakow').executeTakeFirst();
    const people = await trx.selectFrom('people').select(['id', 'email']).where('email', 'in', ['krakow@demo.peercities.eu', 'expert@demo.peercities.eu', 'manager@demo.peercities.eu']).execute();
    const personId = (email: string) => people.find((p) => p.email === email)?.id;
    const [askedBy, sofia, manager] = [personId('krakow@demo.peercities.eu'), personId('expert@demo.peercities.eu'), personId('manager@demo.peercities.eu')];
    if (!city || !askedBy || !sofia || !manager) return false;
    const id = crypto.randomUUID();
    // Routed as the platform would have routed it: Sofia fits best (energy, finance, Polish, covers PL).
    const routed = routeRequests({
      requests: [{ id, cityId: city.id, country: city.country, sectors: [...REQUEST.sectors], levers: [...REQUEST.levers], languages: [...REQUEST.languages], kind: 'answer' }],
      experts: await expertsWithProfiles(trx, { ids: [sofia] }),
    });
    const assignment = routed.assignments[0];
    if (!assignment) return false;
    const at = cal.instant(REQUEST.at);
    await trx
      .insertInto('support_requests')
      .values({
        id,
        city_id: city.id,
        asked_by: askedBy,
        title: REQUEST.title,
        question: REQUEST.question,
        sectors: [...REQUEST.sectors],
        levers: [...REQUEST.levers],
        languages: [...REQUEST.languages],
        kind: 'answer',
        urgency: 'normal',
        state: 'closed',
        expert_id: sofia,
        assigned_by: 'routing',
        assignment_reasons: JSON.stringify(assignment.explanation.reasons),
        assigned_at: at,
        first_answer_due_at: firstAnswerDueAt(at, SUPPORT_CALENDAR, DEFAULT_FIRST_ANSWER_WORKING_DAYS),
        first_answered_at: cal.instant(REQUEST.answer.at),
        rating: REQUEST.score,
        rating_comment: REQUEST.comment,
        closed_at: cal.instant(REQUEST.closedAt),
        created_at: at,
      })
      .execute();
    const text = REQUEST.answer.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    await trx.insertInto('support_answers').values({ request_id: id, author_id: sofia, body_html: REQUEST.answer.html, body_text: text, created_at: cal.instant(REQUEST.answer.at) }).execute();
    await trx
      .insertInto('support_events')
      .values([
        { request_id: id, kind: 'submitted', at, actor_id: askedBy, note: null },
        { request_id: id, kind: 'assigned', at, actor_id: null, note: assignment.explanation.reasons.map(englishText).join('; ') },
        { request_id: id, kind: 'answered', at: cal.instant(REQUEST.answer.at), actor_id: sofia, note: null },
        { request_id: id, kind: 'closed', at: cal.instant(REQUEST.closedAt), actor_id: askedBy, note: `${REQUEST.score}/5: ${REQUEST.comment}` },
      ])
      .execute();
    await trx
      .insertInto('support_publications')
      .values({
        request_id: id,
        city_id: city.id,
        consent_by: askedBy,
        consent_at: cal.instant(REQUEST.consentAt),
        ...REQUEST.published,
        sectors: [...REQUEST.sectors],
        levers: [...REQUEST.levers],
        language: 'en',
        published_by: manager,
        published_at: cal.instant(REQUEST.publishedAt),
        version: 2,
        updated_at: cal.instant(REQUEST.publishedAt),
      })
      .execute();
    return true;
  });
}
