import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { MATERIAL_MAX_BYTES, type MeetingMaterial } from '../../../shared/group.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError } from '../../errors.ts';
import { assertPdf, cleanFilename } from '../../lib/pdf-upload.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { mayManage, mayTakePart } from './groups.policy.ts';
import { loadGroup, standingIn } from './groups.service.ts';
import { deleteMaterial, findMaterial, insertMaterial, materialContent, materialsOfGroup } from './meeting-materials.repository.ts';
import { findMeeting } from './meetings.repository.ts';

/**
 * Materials of discussion-group meetings: links and PDF files. Like a
 * meeting's join link they are for the group (members, facilitators,
 * programme managers); facilitators and programme managers add and remove them.
 */

type Listed = Awaited<ReturnType<typeof materialsOfGroup>>[number];

function present(m: Listed): MeetingMaterial {
  return {
    id: m.id,
    meetingId: m.meeting_id,
    title: m.title,
    kind: m.url === null ? 'file' : 'link',
    url: m.url ?? `/api/meeting-materials/${m.id}`,
    filename: m.filename,
    sizeBytes: m.size_bytes,
    createdAt: new Date(m.created_at).toISOString(),
  };
}

const materialNotFound = () => new AppError('NOT_FOUND', reason('MATERIAL_NOT_FOUND'));

async function assertReader(db: Db, groupId: string, user: CurrentUser) {
  const group = await loadGroup(db, groupId);
  if (!mayTakePart(user, await standingIn(db, group.id, user))) {
    throw new AppError('FORBIDDEN', reason('MATERIALS_PARTICIPANTS_ONLY'));
  }
}

async function loadManagedMeeting(db: Db, meetingId: string, user: CurrentUser) {
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) throw new AppError('NOT_FOUND', reason('MEETING_NOT_FOUND'));
  const group = await loadGroup(db, meeting.group_id);
  if (!mayManage(user, await standingIn(db, group.id, user))) throw new AppError('FORBIDDEN', reason('MATERIALS_MANAGERS_ONLY'));
  return meeting;
}

export async function listMaterials(db: Db, groupId: string, user: CurrentUser): Promise<MeetingMaterial[]> {
  await assertReader(db, groupId, user);
  return (await materialsOfGroup(db, groupId)).map(present);
}

async function added(db: Db, id: string): Promise<MeetingMaterial> {
  const row = await findMaterial(db, id);
  if (!row) throw materialNotFound();
  return present(row);
}

export async function addMaterialLink(db: Db, input: { meetingId: string; title: string; url: string; user: CurrentUser; ip: string }) {
  const meeting = await loadManagedMeeting(db, input.meetingId, input.user);
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertMaterial(trx, { meetingId: meeting.id, title: input.title, url: input.url, filename: null, content: null, createdBy: input.user.id });
    await recordAudit(trx, { actorId: input.user.id, action: 'meeting.material_add', entityType: 'meeting', entityId: meeting.id, ip: input.ip, details: { title: input.title, url: input.url } });
    return created;
  });
  return added(db, id);
}

export async function addMaterialFile(
  db: Db,
  input: { meetingId: string; title: string; filename: string; contentType: string | undefined; content: Uint8Array; user: CurrentUser; ip: string },
) {
  const meeting = await loadManagedMeeting(db, input.meetingId, input.user);
  assertPdf({ contentType: input.contentType, content: input.content, maxBytes: MATERIAL_MAX_BYTES });
  const filename = cleanFilename(input.filename);
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertMaterial(trx, { meetingId: meeting.id, title: input.title, url: null, filename, content: input.content, createdBy: input.user.id });
    await recordAudit(trx, {
      actorId: input.user.id,
      action: 'meeting.material_add',
      entityType: 'meeting',
      entityId: meeting.id,
      ip: input.ip,
      details: { title: input.title, filename, sizeBytes: input.content.byteLength },
    });
    return created;
  });
  return added(db, id);
}

export async function downloadMaterial(db: Db, id: string, user: CurrentUser) {
  const row = await findMaterial(db, id);
  if (!row) throw materialNotFound();
  await assertReader(db, row.group_id, user);
  const file = await materialContent(db, id);
  if (!file?.content || !file.filename) throw new AppError('NOT_FOUND', reason('MATERIAL_IS_A_LINK'));
  return { filename: file.filename, contentType: 'application/pdf', content: file.content };
}

export async function removeMaterial(db: Db, input: { id: string; user: CurrentUser; ip: string }) {
  const row = await findMaterial(db, input.id);
  if (!row) throw materialNotFound();
  await loadManagedMeeting(db, row.meeting_id, input.user);
  await db.transaction().execute(async (trx) => {
    await deleteMaterial(trx, row.id);
    await recordAudit(trx, { actorId: input.user.id, action: 'meeting.material_remove', entityType: 'meeting', entityId: row.meeting_id, ip: input.ip, details: { title: row.title } });
  });
}
