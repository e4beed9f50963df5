import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * A conversation between cities (and optionally the programme team), written
 * straight into the tables: for tests of features that live in a
 * conversation (meeting requests) without going through the conversation API.
 */
export async function insertConversation(
  db: Kysely<Database>,
  c: { citySlugs: readonly string[]; subject?: string; withProgrammeTeam?: boolean; aboutSolutionId?: string | null; createdAt?: Date },
): Promise<{ id: string; parties: Record<string, string>; cityIds: Record<string, string> }> {
  const cities = await db.selectFrom('cities').select(['id', 'slug']).where('slug', 'in', [...c.citySlugs]).execute();
  if (cities.length !== c.citySlugs.length) throw new Error(`unknown city among ${c.citySlugs.join(', ')}`);
  const createdAt = c.createdAt ?? new Date();
  const { id } = await db
    .insertInto('conversations')
    .values({
      subject: c.subject ?? 'Heat pumps in schools',
      about_kind: c.aboutSolutionId ? 'solution' : 'topic',
      about_solution_id: c.aboutSolutionId ?? null,
      created_at: createdAt,
      last_message_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const parties: Record<string, string> = {};
  for (const city of cities) {
    const p = await db.insertInto('conversation_parties').values({ conversation_id: id, kind: 'city', city_id: city.id }).returning('id').executeTakeFirstOrThrow();
    parties[city.slug] = p.id;
  }
  if (c.withProgrammeTeam) {
    const p = await db.insertInto('conversation_parties').values({ conversation_id: id, kind: 'programme_team' }).returning('id').executeTakeFirstOrThrow();
    parties.programme_team = p.id;
  }
  return { id, parties, cityIds: Object.fromEntries(cities.map((x) => [x.slug, x.id])) };
}
