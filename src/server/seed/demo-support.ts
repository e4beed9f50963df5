import { sql } from 'kysely';
import { firstAnswerDueAt } from '../../domain/support/working-days.ts';
import { routeRequests } from '../../domain/support/route-requests.ts';
import { englishText } from '../../shared/reason-texts.ts';
import type { SectorCode } from '../../shared/city.schemas.ts';
import type { LeverCode } from '../../shared/solution.schemas.ts';
import { DEFAULT_FIRST_ANSWER_WORKING_DAYS, type SupportKind } from '../../shared/support.schemas.ts';
import type { Db } from '../db/client.ts';
import { expertsWithProfiles } from '../modules/support/support.repository.ts';
import { SUPPORT_CALENDAR } from '../modules/support/support-calendar.ts';
import type { DemoCalendar } from './demo-calendar.ts';

const SEED_NAME = 'demo-support-v1';

/** An English-only energy expert, so that routing has a real choice to make. */
export const DEMO_SUPPORT_PEOPLE = [{ email: 'expert2@demo.peercities.eu', name: 'Aoife Byrne' }] as const;

interface DemoProfile {
  email: string;
  sectors: SectorCode[];
  levers: LeverCode[];
  languages: string[];
  countries: string[];
  weeklyCapacity: number;
  bio: string;
}

const PROFILES: DemoProfile[] = [
  {
    email: 'expert@demo.peercities.eu',
    sectors: ['energy'],
    levers: ['finance-funding'],
    languages: ['pl', 'en', 'it'],
    countries: ['PL', 'IT'],
    weeklyCapacity: 5,
    bio: 'Climate finance adviser: district heating, energy communities, blending EU funds with municipal bonds.',
  },
  {
    email: 'facilitator3@demo.peercities.eu',
    sectors: ['buildings'],
    levers: ['governance-policy'],
    languages: ['it', 'en'],
    countries: ['IT'],
    weeklyCapacity: 3,
    bio: 'Architect and facilitator: deep renovation programmes and how cities govern them.',
  },
  {
    email: 'expert2@demo.peercities.eu',
    sectors: ['energy'],
    levers: ['technology-infrastructure'],
    languages: ['en'],
    countries: ['IE', 'GB'],
    weeklyCapacity: 4,
    bio: 'Energy engineer: heat networks, heat pumps and grid planning.',
  },
];

interface DemoRequest {
  city: string;
  askedBy: string;
  at: string;
  title: string;
  question: string;
  sectors: SectorCode[];
  levers: LeverCode[];
  languages: string[];
  kind: SupportKind;
  answer?: { at: string; html: string; closedAt: string; score: number; comment: string };
}

const REQUESTS: DemoRequest[] = [
  {
    city: 'lahti',
    askedBy: 'lahti@demo.peercities.eu',
    at: '2026-12-03T09:30:00Z',
    title: 'Who should run a renovation programme for housing companies?',
    question:
      'Lahti wants to renovate 200 apartment buildings of housing companies by 2030. Should the city run the programme itself, give it to the regional energy agency, or set up a company with the housing associations? What have other cities learnt about the governance of such programmes?',
    sectors: ['buildings'],
    levers: ['governance-policy'],
    languages: ['en'],
    kind: 'answer',
  },
  {
    city: 'valencia',
    askedBy: 'valencia@demo.peercities.eu',
    at: '2026-11-16T10:00:00Z',
    title: 'Financing an energy community in a social housing district',
    question:
      'We plan a solar energy community in a district of social housing. Tenants cannot invest. Which financing models let the community start without their money, and keep the savings with the tenants?',
    sectors: ['energy'],
    levers: ['finance-funding'],
    languages: ['es', 'en'],
    kind: 'answer',
    answer: {
      at: '2026-11-19T14:20:00Z',
      html: '<p>Three models work without the tenants’ money:</p><ul><li>the housing company invests and passes the savings on through lower service charges;</li><li>a cooperative financed by a municipal guarantee and an ELENA grant for the preparation;</li><li>a third-party investor under an energy performance contract, with a social clause on the savings.</li></ul><p>Lisbon and Milan have used the second; I can share their statutes.</p>',
      closedAt: '2026-11-24T08:45:00Z',
      score: 5,
      comment: 'Clear and practical: the cooperative model is what we will propose to the council.',
    },
  },
];

/**
 * Expert support's demo (issue 21): profiles for the demo experts (Sofia
 * Rossi: finance and energy, Polish, English and Italian; Giulia Bianchi:
 * buildings and governance, Italian and English) and a third, English-only
 * energy expert (expert2@); an open request of Lahti routed to Giulia, and a
 * request of Valencia answered by Sofia and closed with a rating of 5.
 */
export async function seedSupportDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const template = await trx.selectFrom('people').select('password_hash').where('email', '=', 'expert@demo.peercities.eu').executeTakeFirst();
    if (!template?.password_hash) return false;

    for (const person of DEMO_SUPPORT_PEOPLE) {
      if (await trx.selectFrom('people').select('id').where('email', '=', person.email).executeTakeFirst()) continue;
      const { id } = await trx.insertInto('people').values({ email: person.email, name: person.name, password_hash: template.password_hash }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('role_grants').values({ person_id: id, role: 'expert', city_id: null, primary_contact: false }).execute();
      await sql`
        INSERT INTO privacy_consents (person_id, notice_version, context)
        SELECT ${id}, version, 'invitation' FROM privacy_notices ORDER BY published_at DESC, id DESC LIMIT 1
        ON CONFLICT (person_id, notice_version) DO NOTHING`.execute(trx);
    }

    const people = await trx.selectFrom('people').select(['id', 'email']).where('email', 'in', [...PROFILES.map((p) => p.email), ...REQUESTS.map((r) => r.askedBy)]).execute();
    const personId = (email: string) => people.find((p) => p.email === email)?.id;
    for (const p of PROFILES) {
      const id = personId(p.email);
      if (!id) continue;
      await trx
        .insertInto('expert_profiles')
        .values({ person_id: id, sectors: p.sectors, levers: p.levers, languages: p.languages, countries: p.countries, weekly_capacity: p.weeklyCapacity, bio: p.bio, updated_at: cal.instant('2026-11-02T09:00:00Z') })
        .onConflict((oc) => oc.column('person_id').doNothing())
        .execute();
    }

    const cities = await trx.selectFrom('cities').select(['id', 'slug', 'country']).where('slug', 'in', REQUESTS.map((r) => r.city)).execute();
    // Oldest first, each routed as the platform would have routed it then.
    for (const r of [...REQUESTS].sort((a, b) => a.at.localeCompare(b.at))) {
      const city = cities.find((c) => c.slug === r.city);
      const askedBy = personId(r.askedBy);
      if (!city || !askedBy) continue;
      const at = cal.instant(r.at);
      const id = crypto.randomUUID();
      const routed = routeRequests({
        requests: [{ id, cityId: city.id, country: city.country, sectors: r.sectors, levers: r.levers, languages: r.languages, kind: r.kind }],
        experts: await expertsWithProfiles(trx),
      });
      const assignment = routed.assignments[0];
      if (!assignment) continue;
      const answer = r.answer;
      await trx
        .insertInto('support_requests')
        .values({
          id,
          city_id: city.id,
          asked_by: askedBy,
          title: r.title,
          question: r.question,
          sectors: r.sectors,
          levers: r.levers,
          languages: r.languages,
          kind: r.kind,
          urgency: 'normal',
          state: answer ? 'closed' : 'assigned',
          expert_id: assignment.expertId,
          assigned_by: 'routing',
          assignment_reasons: JSON.stringify(assignment.explanation.reasons),
          assigned_at: at,
          first_answer_due_at: firstAnswerDueAt(at, SUPPORT_CALENDAR, DEFAULT_FIRST_ANSWER_WORKING_DAYS),
          first_answered_at: answer ? cal.instant(answer.at) : null,
          rating: answer ? answer.score : null,
          rating_comment: answer ? answer.comment : '',
          closed_at: answer ? cal.instant(answer.closedAt) : null,
          created_at: at,
        })
        .execute();
      const events: { kind: 'submitted' | 'assigned' | 'answered' | 'closed'; at: Date; actor_id: string | null; note: string | null }[] = [
        { kind: 'submitted', at, actor_id: askedBy, note: null },
        { kind: 'assigned', at, actor_id: null, note: assignment.explanation.reasons.map(englishText).join('; ') },
      ];
      if (answer) {
        const text = answer.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
        await trx.insertInto('support_answers').values({ request_id: id, author_id: assignment.expertId, body_html: answer.html, body_text: text, created_at: cal.instant(answer.at) }).execute();
        events.push({ kind: 'answered', at: cal.instant(answer.at), actor_id: assignment.expertId, note: null });
        events.push({ kind: 'closed', at: cal.instant(answer.closedAt), actor_id: askedBy, note: `${answer.score}/5: ${answer.comment}` });
      }
      await trx.insertInto('support_events').values(events.map((e) => ({ request_id: id, ...e }))).execute();
    }
    return true;
  });
}
