import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import type { DemoCalendar } from './demo-calendar.ts';

const SEED_NAME = 'demo-exchange-v1';

/** Two accounts of the direct exchange's demo (issue 20): an aspiring city's officer, and Valencia's second representative. */
export const DEMO_EXCHANGE_PEOPLE = [
  { email: 'tartu@demo.peercities.eu', name: 'Kadri Tamm', citySlug: 'tartu', primaryContact: true },
  { email: 'valencia2@demo.peercities.eu', name: 'Jorge Ferrer', citySlug: 'valencia', primaryContact: false },
] as const;

const CONVERSATION = {
  subject: 'Energy renovation one-stop-shop: how did you staff it?',
  solutionTitle: 'Energy renovation one-stop-shop',
  messages: [
    {
      from: 'lahti',
      author: 'lahti@demo.peercities.eu',
      at: '2026-12-02T08:40:00Z',
      html: '<p>Hello Valencia,</p><p>we read about your one-stop-shop for energy renovation. Lahti is planning a similar service for housing companies next year. How many people staff it, and who pays for the advisers?</p><p>Best regards, Mikko</p>',
    },
    {
      from: 'valencia',
      author: 'valencia@demo.peercities.eu',
      at: '2026-12-03T15:05:00Z',
      html: '<p>Hello Mikko,</p><p>we started with four advisers financed by the city and the regional energy agency; today there are nine, one in each district office. Our <a href="https://www.valencia.es">energy office</a> can share the job descriptions. Would a short call help?</p>',
    },
  ],
};

/**
 * The direct exchange's demo: tartu@ and valencia2@ (the accounts of the
 * issue's walk-through) and one conversation between Lahti and Valencia, so
 * that an inbox is not empty on the first visit. The accounts share the demo
 * password (the hash of an existing demo account) and accepted the privacy
 * notice in force, as the other demo accounts did.
 */
export async function seedExchangeDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const template = await trx.selectFrom('people').select('password_hash').where('email', '=', 'valencia@demo.peercities.eu').executeTakeFirst();
    if (!template?.password_hash) return false;
    const cities = await trx.selectFrom('cities').select(['id', 'slug']).where('slug', 'in', ['tartu', 'valencia', 'lahti']).execute();
    const cityId = (slug: string) => cities.find((c) => c.slug === slug)?.id;

    for (const person of DEMO_EXCHANGE_PEOPLE) {
      const city = cityId(person.citySlug);
      if (!city) continue;
      const existing = await trx.selectFrom('people').select('id').where('email', '=', person.email).executeTakeFirst();
      if (existing) continue;
      const { id } = await trx.insertInto('people').values({ email: person.email, name: person.name, password_hash: template.password_hash }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('role_grants').values({ person_id: id, role: 'city_representative', city_id: city, primary_contact: person.primaryContact }).execute();
      await sql`
        INSERT INTO privacy_consents (person_id, notice_version, context)
        SELECT ${id}, version, 'invitation' FROM privacy_notices ORDER BY published_at DESC, id DESC LIMIT 1
        ON CONFLICT (person_id, notice_version) DO NOTHING`.execute(trx);
    }

    const lahti = cityId('lahti');
    const valencia = cityId('valencia');
    const solution = valencia ? await trx.selectFrom('solutions').select('id').where('city_id', '=', valencia).where('title', '=', CONVERSATION.solutionTitle).executeTakeFirst() : undefined;
    const people = await trx.selectFrom('people').select(['id', 'email']).where('email', 'in', CONVERSATION.messages.map((m) => m.author)).execute();
    if (!lahti || !valencia || !solution || people.length < 2) return true;
    const first = CONVERSATION.messages[0];
    const last = CONVERSATION.messages.at(-1);
    if (!first || !last) return true;
    const startedBy = people.find((p) => p.email === first.author)?.id ?? null;
    const { id: conversationId } = await trx
      .insertInto('conversations')
      .values({ subject: CONVERSATION.subject, about_kind: 'solution', about_solution_id: solution.id, started_by: startedBy, created_at: cal.instant(first.at), last_message_at: cal.instant(last.at) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const partyOf = new Map<string, string>();
    for (const [slug, city] of [['lahti', lahti], ['valencia', valencia]] as const) {
      const { id } = await trx
        .insertInto('conversation_parties')
        .values({ conversation_id: conversationId, kind: 'city', city_id: city, last_message_at: cal.instant(last.at), joined_at: cal.instant(first.at) })
        .returning('id')
        .executeTakeFirstOrThrow();
      partyOf.set(slug, id);
    }
    for (const m of CONVERSATION.messages) {
      const author = people.find((p) => p.email === m.author)?.id ?? null;
      const text = m.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
      await trx
        .insertInto('messages')
        .values({ conversation_id: conversationId, party_id: partyOf.get(m.from) ?? '', author_id: author, body_html: m.html, body_text: text, created_at: cal.instant(m.at) })
        .execute();
      // Each author has read up to their own message.
      if (author) {
        await trx
          .insertInto('conversation_reads')
          .values({ conversation_id: conversationId, person_id: author, read_up_to: cal.instant(m.at) })
          .onConflict((oc) => oc.columns(['person_id', 'conversation_id']).doUpdateSet({ read_up_to: cal.instant(m.at) }))
          .execute();
      }
    }
    return true;
  });
}
