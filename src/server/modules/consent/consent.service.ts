import type { CurrentUser, Me } from '../../../shared/account.schemas.ts';
import type { ConsentContext, OptIns, PrivacyNotice, PrivacyNoticeVersions, PrivacyStatus, PublishPrivacyNoticeBody } from '../../../shared/privacy.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCurrentNotice, findNoticeByVersion, insertConsent, insertNotice, listNotices, privacyStanding, updateOptIns } from './consent.repository.ts';

/** The field a consent's version comes in, in every form that asks for it. */
const VERSION_FIELD = 'body.privacyNoticeVersion';

export async function currentNotice(db: Db): Promise<PrivacyNotice> {
  const row = await findCurrentNotice(db);
  // Migration 0023 publishes the first version; the table is never emptied.
  if (!row) throw new Error('no privacy notice: migration 0023 publishes the first one');
  return { version: row.version, publishedAt: new Date(row.published_at).toISOString(), changes: row.changes, body: row.body };
}

/** The label of the version in force (an invitation's preview names it). */
export async function currentNoticeVersion(db: Db): Promise<string> {
  return (await currentNotice(db)).version;
}

/**
 * Records that a person accepted a version of the privacy notice. Call it in
 * the transaction of the change that asks for it (accepting an invitation,
 * registering, accepting again); it refuses a version that is not the one in
 * force — unknown, or replaced while the form was open — with a field error
 * on `privacyNoticeVersion`, and then writes nothing.
 */
export async function recordConsent(trx: Db, input: { personId: string; noticeVersion: string; context: ConsentContext }): Promise<void> {
  await checkNoticeVersion(trx, input.noticeVersion);
  await insertConsent(trx, input);
}

/**
 * Records a consent given before the account existed (a registration is
 * accepted at sign-up, the account made when the email is verified). The
 * version was checked then; one published since is asked for after sign-in.
 */
export async function recordEarlierConsent(trx: Db, input: { personId: string; noticeVersion: string; context: ConsentContext; acceptedAt: Date }): Promise<void> {
  await insertConsent(trx, input);
}

/** Refuses a version that is not the one in force, as recordConsent does; a service may check before its other work. */
export async function checkNoticeVersion(db: Db, version: string): Promise<void> {
  const current = await findCurrentNotice(db);
  if (current?.version === version) return;
  const known = current ? await findNoticeByVersion(db, version) : undefined;
  const why = known && current ? reason('PRIVACY_NOTICE_OUTDATED', { current: current.version }) : reason('PRIVACY_NOTICE_UNKNOWN', { version });
  throw new AppError('VALIDATION_FAILED', why, { errors: [fieldError(VERSION_FIELD, why)] });
}

async function standingOf(db: Db, personId: string) {
  const row = await privacyStanding(db, personId);
  if (!row) throw new AppError('NOT_FOUND', reason('PERSON_NOT_FOUND'));
  const privacy: PrivacyStatus = { currentVersion: row.current_version, acceptedVersion: row.accepted_version, needsAcceptance: !row.accepted_current };
  const optIns: OptIns = { newsletter: row.newsletter_opt_in, directory: row.directory_opt_in };
  return { privacy, optIns };
}

/** GET /api/me: the signed-in person, where they stand with the notice, their opt-ins. */
export async function meOf(db: Db, user: CurrentUser): Promise<Me> {
  return { ...user, ...(await standingOf(db, user.id)) };
}

/** A signed-in person accepts the version in force after it changed. */
export async function acceptAgain(db: Db, input: { user: CurrentUser; version: string; ip: string }): Promise<Me> {
  await db.transaction().execute(async (trx) => {
    await recordConsent(trx, { personId: input.user.id, noticeVersion: input.version, context: 're-accept' });
    await recordAudit(trx, { actorId: input.user.id, action: 'privacy_notice.accept', entityType: 'person', entityId: input.user.id, ip: input.ip, details: { version: input.version } });
  });
  return meOf(db, input.user);
}

export async function setOptIns(db: Db, input: { user: CurrentUser; optIns: OptIns; ip: string }): Promise<Me> {
  await db.transaction().execute(async (trx) => {
    const before = await standingOf(trx, input.user.id);
    await updateOptIns(trx, input.user.id, input.optIns);
    await recordAudit(trx, {
      actorId: input.user.id,
      action: 'person.opt_ins',
      entityType: 'person',
      entityId: input.user.id,
      ip: input.ip,
      details: { before: before.optIns, after: input.optIns },
    });
  });
  return meOf(db, input.user);
}

export async function noticeVersions(db: Db): Promise<PrivacyNoticeVersions> {
  const rows = await listNotices(db);
  return {
    items: rows.map((row, i) => ({
      version: row.version,
      publishedAt: new Date(row.published_at).toISOString(),
      changes: row.changes,
      publishedBy: row.published_by_name,
      acceptances: row.acceptances ?? 0,
      current: i === 0,
    })),
  };
}

/** A programme manager publishes a new version: in force at once, so everyone signed in is asked to accept it. */
export async function publishNotice(db: Db, input: { body: PublishPrivacyNoticeBody; actor: CurrentUser; ip: string }): Promise<PrivacyNotice> {
  await db.transaction().execute(async (trx) => {
    if (await findNoticeByVersion(trx, input.body.version)) {
      const why = reason('PRIVACY_NOTICE_VERSION_TAKEN', { version: input.body.version });
      throw new AppError('CONFLICT', why, { errors: [fieldError('body.version', why)] });
    }
    const before = await findCurrentNotice(trx);
    const id = await insertNotice(trx, { ...input.body, publishedBy: input.actor.id });
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'privacy_notice.publish',
      entityType: 'privacy_notice',
      entityId: id,
      ip: input.ip,
      details: { before: { version: before?.version ?? null }, after: { version: input.body.version }, changes: input.body.changes },
    });
  });
  return currentNotice(db);
}
