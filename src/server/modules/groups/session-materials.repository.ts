import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

const listed = ['m.id', 'm.session_id', 'm.title', 'm.url', 'm.filename', 'm.size_bytes', 'm.created_at'] as const;

/** Every material of every session of a group, without file contents, in session then upload order. */
export function materialsOfGroup(db: Q, groupId: string) {
  return db
    .selectFrom('session_materials as m')
    .innerJoin('group_sessions as s', 's.id', 'm.session_id')
    .select(listed)
    .where('s.group_id', '=', groupId)
    .orderBy('s.starts_at')
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

export function findMaterial(db: Q, id: string) {
  return db
    .selectFrom('session_materials as m')
    .innerJoin('group_sessions as s', 's.id', 'm.session_id')
    .select([...listed, 's.group_id'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export function materialContent(db: Q, id: string) {
  return db.selectFrom('session_materials').select(['filename', 'content']).where('id', '=', id).executeTakeFirst();
}

export async function insertMaterial(
  db: Q,
  m: { sessionId: string; title: string; url: string | null; filename: string | null; content: Uint8Array | null; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('session_materials')
    .values({
      session_id: m.sessionId,
      title: m.title,
      url: m.url,
      filename: m.filename,
      content: m.content,
      size_bytes: m.content ? m.content.byteLength : null,
      created_by: m.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteMaterial(db: Q, id: string): Promise<void> {
  await db.deleteFrom('session_materials').where('id', '=', id).execute();
}
