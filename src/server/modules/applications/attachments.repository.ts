import type { Kysely } from 'kysely';
import type { Answers } from '../../../shared/programme.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export interface NewAttachment {
  applicationId: string;
  questionId: string;
  filename: string;
  content: Uint8Array;
  uploadedBy: string;
}

/** Stores the file, replacing an earlier one for the same question. */
export async function upsertAttachment(db: Q, a: NewAttachment) {
  const values = {
    application_id: a.applicationId,
    question_id: a.questionId,
    filename: a.filename,
    content_type: 'application/pdf' as const,
    size_bytes: a.content.byteLength,
    content: a.content,
    uploaded_by: a.uploadedBy,
    uploaded_at: new Date(),
  };
  await db
    .insertInto('application_attachments')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['application_id', 'question_id']).doUpdateSet({
        filename: values.filename,
        size_bytes: values.size_bytes,
        content: values.content,
        uploaded_by: values.uploaded_by,
        uploaded_at: values.uploaded_at,
      }),
    )
    .execute();
}

export function findAttachment(db: Q, applicationId: string, questionId: string) {
  return db
    .selectFrom('application_attachments')
    .select(['filename', 'content_type', 'size_bytes', 'content', 'uploaded_at'])
    .where('application_id', '=', applicationId)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
}

/** True when there was a file to delete. */
export async function deleteAttachment(db: Q, applicationId: string, questionId: string) {
  const r = await db.deleteFrom('application_attachments').where('application_id', '=', applicationId).where('question_id', '=', questionId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The answer to a file question is the attached file's name; it moves the application's version on. */
export async function setFileAnswer(db: Q, applicationId: string, answers: Answers) {
  await db
    .updateTable('applications')
    .set((eb) => ({ answers: JSON.stringify(answers), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', applicationId)
    .execute();
}
