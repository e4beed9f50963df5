import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { MESSAGE_ATTACHMENTS_MAX, MESSAGE_ATTACHMENT_MAX_BYTES, type Message } from '../../../shared/exchange.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { assertPdf, cleanFilename } from '../../lib/pdf-upload.ts';
import { actingParty } from './conversation-access.ts';
import { presentOne } from './conversations.service.ts';

/** How long after sending its author may still add files to a message. */
export const ATTACH_WINDOW_MS = 30 * 60 * 1000;

const notFound = () => new AppError('NOT_FOUND', reason('CONVERSATION_NOT_FOUND'));

/**
 * Adds a PDF to one's own message, soon after sending it (the checks and
 * limits of application attachments: a real PDF, at most 5 MB). A file with
 * the same name replaces the earlier one, so sending it again changes nothing.
 */
export async function attachToMessage(db: Db, input: { messageId: string; filename: string; contentType: string | undefined; content: Uint8Array; user: CurrentUser; now: Date }): Promise<Message> {
  const message = await db.selectFrom('messages').select(['id', 'conversation_id', 'author_id', 'created_at', 'hidden_at']).where('id', '=', input.messageId).executeTakeFirst();
  if (!message) throw notFound();
  await actingParty(db, message.conversation_id, input.user);
  if (message.author_id !== input.user.id) throw new AppError('CONFLICT', reason('ATTACH_OWN_MESSAGE_ONLY'));
  if (message.hidden_at || input.now.getTime() - new Date(message.created_at).getTime() > ATTACH_WINDOW_MS) throw new AppError('CONFLICT', reason('ATTACH_WINDOW_CLOSED'));
  assertPdf({ contentType: input.contentType, content: input.content, maxBytes: MESSAGE_ATTACHMENT_MAX_BYTES });
  const filename = cleanFilename(input.filename);
  await db.transaction().execute(async (trx) => {
    // One upload at a time per message, so the count below holds.
    await trx.selectFrom('messages').select('id').where('id', '=', input.messageId).forUpdate().executeTakeFirst();
    await trx.deleteFrom('message_attachments').where('message_id', '=', input.messageId).where('filename', '=', filename).execute();
    const { n } = await trx.selectFrom('message_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('message_id', '=', input.messageId).executeTakeFirstOrThrow();
    if (Number(n) >= MESSAGE_ATTACHMENTS_MAX) throw new AppError('CONFLICT', reason('ATTACH_TOO_MANY', { max: MESSAGE_ATTACHMENTS_MAX }));
    await trx
      .insertInto('message_attachments')
      .values({ message_id: input.messageId, filename, content_type: 'application/pdf', size_bytes: input.content.byteLength, content: input.content })
      .execute();
  });
  return presentOne(db, input.messageId, input.user);
}

/** The file, for the parties of its conversation (not when its message is hidden, except for the programme team). */
export async function readMessageAttachment(db: Db, input: { attachmentId: string; user: CurrentUser }) {
  const file = await db
    .selectFrom('message_attachments as f')
    .innerJoin('messages as m', 'm.id', 'f.message_id')
    .select(['f.filename', 'f.content_type', 'f.content', 'm.conversation_id', 'm.hidden_at'])
    .where('f.id', '=', input.attachmentId)
    .executeTakeFirst();
  if (!file) throw notFound();
  await actingParty(db, file.conversation_id, input.user);
  if (file.hidden_at && !hasRole(input.user, 'programme_manager')) throw notFound();
  return file;
}
