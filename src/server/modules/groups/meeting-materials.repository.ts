import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

const listed = ['m.id', 'm.meeting_id', 'm.title', 'm.url', 'm.filename', 'm.size_bytes', 'm.created_at'] as const;

/** Every material of every meeting of a group, without file contents, in meeting then upload order. */
export function materialsOfGroup(db: Q, groupId: string) {
  return db
    .selectFrom('meeting_materials as m')
    .innerJoin('group_meetings as mt', 'mt.id', 'm.meeting_id')
    .select(listed)
    .where('mt.group_id', '=', groupId)
    .orderBy('mt.starts_at')
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

export function findMaterial(db: Q, id: string) {
  return db
    .selectFrom('meeting_materials as m')
    .innerJoin('group_meetings as mt', 'mt.id', 'm.meeting_id')
    .select([...listed, 'mt.group_id'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export function materialContent(db: Q, id: string) {
  return db.selectFrom('meeting_materials').select(['filename', 'content']).where('id', '=', id).executeTakeFirst();
}

export async function insertMaterial(
  db: Q,
  m: { meetingId: string; title: string; url: string | null; filename: string | null; content: Uint8Array | null; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('meeting_materials')
    .values({
      meeting_id: m.meetingId,
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
  await db.deleteFrom('meeting_materials').where('id', '=', id).execute();
}
