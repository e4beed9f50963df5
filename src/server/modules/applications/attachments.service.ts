import { ATTACHMENT_MAX_BYTES } from '../../../shared/attachment.schemas.ts';
import { assertPdf, cleanFilename } from '../../lib/pdf-upload.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Application, Question } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { CallContext } from '../programmes/calls.service.ts';
import { findApplicationForUpdate } from './applications.repository.ts';
import { loadChangeable, loadReadable, presentCurrent } from './applications.service.ts';
import { deleteAttachment, findAttachment, setFileAnswer, upsertAttachment } from './attachments.repository.ts';

function fileQuestion(ctx: CallContext, questionId: string): Question {
  const question = ctx.call.questions.find((q) => q.id === questionId);
  if (!question || question.type !== 'file') throw new AppError('NOT_FOUND', reason('ATTACHMENT_NO_FILE_QUESTION', { question: questionId }));
  return question;
}

/**
 * Attaches a PDF to a file question (replacing the earlier one) and records
 * its name as the question's answer. The same checks as changing the answers:
 * the city's own application, the call open, not withdrawn.
 */
export async function uploadAttachment(
  db: Db,
  input: { id: string; questionId: string; filename: string; contentType: string | undefined; content: Uint8Array; user: CurrentUser; ip: string; now: Date },
): Promise<Application> {
  const { ctx } = await loadChangeable(db, input.id, input.user, input.now);
  fileQuestion(ctx, input.questionId);
  assertPdf({ contentType: input.contentType, content: input.content, maxBytes: ATTACHMENT_MAX_BYTES });
  const filename = cleanFilename(input.filename);
  await db.transaction().execute(async (trx) => {
    const locked = await findApplicationForUpdate(trx, input.id);
    if (!locked) throw new AppError('NOT_FOUND', reason('APPLICATION_NOT_FOUND'));
    await upsertAttachment(trx, { applicationId: input.id, questionId: input.questionId, filename, content: input.content, uploadedBy: input.user.id });
    await setFileAnswer(trx, input.id, { ...locked.answers, [input.questionId]: filename });
    await recordAudit(trx, {
      actorId: input.user.id,
      action: 'application.attach',
      entityType: 'application',
      entityId: input.id,
      ip: input.ip,
      details: { questionId: input.questionId, before: locked.answers[input.questionId] ?? null, after: filename, sizeBytes: input.content.byteLength },
    });
  });
  return presentCurrent(db, input.id, input.user, ctx);
}

/** Removes a file until the deadline; a submitted application keeps its required files (replace them instead). */
export async function removeAttachment(db: Db, input: { id: string; questionId: string; user: CurrentUser; ip: string; now: Date }): Promise<Application> {
  const { row, ctx } = await loadChangeable(db, input.id, input.user, input.now);
  const question = fileQuestion(ctx, input.questionId);
  if (row.status === 'submitted' && question.required) {
    throw new AppError('INCOMPLETE_APPLICATION', reason('ATTACHMENT_REQUIRED_REPLACE', { label: question.label }), {
      errors: [fieldError(`body.answers.${question.id}`, reason('ATTACHMENT_REPLACE_NOT_REMOVE'))],
    });
  }
  await db.transaction().execute(async (trx) => {
    const locked = await findApplicationForUpdate(trx, input.id);
    if (!locked) throw new AppError('NOT_FOUND', reason('APPLICATION_NOT_FOUND'));
    if (!(await deleteAttachment(trx, input.id, input.questionId))) throw new AppError('NOT_FOUND', reason('ATTACHMENT_NONE'));
    const { [input.questionId]: removed, ...answers } = locked.answers;
    await setFileAnswer(trx, input.id, answers);
    await recordAudit(trx, { actorId: input.user.id, action: 'application.detach', entityType: 'application', entityId: input.id, ip: input.ip, details: { questionId: input.questionId, before: removed ?? null } });
  });
  return presentCurrent(db, input.id, input.user, ctx);
}

/** The file, for whoever may read the application. */
export async function readAttachment(db: Db, input: { id: string; questionId: string; user: CurrentUser }) {
  await loadReadable(db, input.id, input.user);
  const file = await findAttachment(db, input.id, input.questionId);
  if (!file) throw new AppError('NOT_FOUND', reason('ATTACHMENT_NONE'));
  return file;
}
