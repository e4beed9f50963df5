import { isInvited } from './peer-sessions.repository.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { SUPPORT_ATTACHMENT_MAX_BYTES, SUPPORT_ATTACHMENTS_MAX, type SupportAttachmentList } from '../../../shared/support-attachment.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { assertPdf, cleanFilename } from '../../lib/pdf-upload.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { seesRequest } from './support-access.ts';
import { requestById, type RequestRow } from './support.repository.ts';
import { viewerOf } from './support.service.ts';

// PDFs on a support request (docs/support.md, "Attachments"): the city
// attaches them while the request is not closed, up to 5; the city, the
// expert and the programme managers download them; to anyone else they do
// not exist (404). The checks of the file are the applications' (pdf-upload.ts).

const notFound = () => new AppError('NOT_FOUND', reason('SUPPORT_REQUEST_NOT_FOUND'));
const noFile = () => new AppError('NOT_FOUND', reason('SUPPORT_ATTACHMENT_NOT_FOUND'));
const mayChange = (row: RequestRow, user: CurrentUser) => viewerOf(user).cityIds.includes(row.city_id) && row.state !== 'closed';

async function visibleRequest(db: Db, id: string, user: CurrentUser, forUpdate = false) {
  const row = await requestById(db, id, forUpdate);
  if (!row || !seesRequest({ cityId: row.city_id, expertId: row.expert_id }, viewerOf(user))) throw notFound();
  return row;
}

/** The parties read the files, and so do the cities invited to the request's peer session (they prepare it). */
async function readsFilesOf(db: Db, row: RequestRow, user: CurrentUser): Promise<boolean> {
  const viewer = viewerOf(user);
  return seesRequest({ cityId: row.city_id, expertId: row.expert_id }, viewer) || isInvited(db, row.id, viewer.cityIds);
}

/** Only the city changes files (to anyone else the request is not theirs: 404), and not once the request is closed (409). */
function assertChangeable(row: RequestRow, user: CurrentUser) {
  if (!viewerOf(user).cityIds.includes(row.city_id)) throw notFound();
  if (!mayChange(row, user)) throw new AppError('CONFLICT', reason('SUPPORT_NOT_NOW', { state: row.state.replace('_', ' ') }));
}

export async function listAttachments(db: Db, input: { id: string; user: CurrentUser }): Promise<SupportAttachmentList> {
  const row = await requestById(db, input.id);
  if (!row || !(await readsFilesOf(db, row, input.user))) throw notFound();
  const items = await db
    .selectFrom('support_request_attachments')
    .select(['id', 'filename', 'size_bytes', 'uploaded_at'])
    .where('request_id', '=', row.id)
    .orderBy('seq')
    .execute();
  return {
    items: items.map((f) => ({ id: f.id, filename: f.filename, sizeBytes: f.size_bytes, uploadedAt: new Date(f.uploaded_at).toISOString() })),
    canChange: mayChange(row, input.user),
  };
}

/** Attaches a PDF (refused as applications refuse: not a PDF 415/422, too large 413), at most 5 per request. */
export async function attachToRequest(
  db: Db,
  input: { id: string; filename: string; contentType: string | undefined; content: Uint8Array; user: CurrentUser; ip: string; now: Date },
): Promise<SupportAttachmentList> {
  assertChangeable(await visibleRequest(db, input.id, input.user), input.user);
  assertPdf({ contentType: input.contentType, content: input.content, maxBytes: SUPPORT_ATTACHMENT_MAX_BYTES });
  const filename = cleanFilename(input.filename);
  await db.transaction().execute(async (trx) => {
    const row = await visibleRequest(trx, input.id, input.user, true);
    assertChangeable(row, input.user);
    const { n } = await trx.selectFrom('support_request_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('request_id', '=', row.id).executeTakeFirstOrThrow();
    if (Number(n) >= SUPPORT_ATTACHMENTS_MAX) throw new AppError('CONFLICT', reason('SUPPORT_ATTACHMENTS_FULL', { max: SUPPORT_ATTACHMENTS_MAX }));
    const file = await trx
      .insertInto('support_request_attachments')
      .values({ request_id: row.id, filename, content_type: 'application/pdf', size_bytes: input.content.byteLength, content: input.content, uploaded_by: input.user.id, uploaded_at: input.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: input.user.id, action: 'support_request.attach', entityType: 'support_request', entityId: row.id, ip: input.ip, details: { attachment: file.id, filename, sizeBytes: input.content.byteLength } });
  });
  return listAttachments(db, input);
}

export async function removeFromRequest(db: Db, input: { id: string; attachmentId: string; user: CurrentUser; ip: string }): Promise<SupportAttachmentList> {
  await db.transaction().execute(async (trx) => {
    const row = await visibleRequest(trx, input.id, input.user, true);
    assertChangeable(row, input.user);
    const gone = await trx.deleteFrom('support_request_attachments').where('id', '=', input.attachmentId).where('request_id', '=', row.id).returning('filename').executeTakeFirst();
    if (!gone) throw noFile();
    await recordAudit(trx, { actorId: input.user.id, action: 'support_request.detach', entityType: 'support_request', entityId: row.id, ip: input.ip, details: { attachment: input.attachmentId, filename: gone.filename } });
  });
  return listAttachments(db, input);
}

/** The file, for whoever sees its request; 404 for anyone else, as for a file that does not exist. */
export async function readRequestAttachment(db: Db, input: { attachmentId: string; user: CurrentUser }) {
  const file = await db.selectFrom('support_request_attachments').select(['request_id', 'filename', 'content_type', 'content']).where('id', '=', input.attachmentId).executeTakeFirst();
  if (!file) throw noFile();
  const row = await requestById(db, file.request_id);
  if (!row || !(await readsFilesOf(db, row, input.user))) throw noFile();
  return file;
}
