import QRCode from 'qrcode';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import type { TwoFactorEnrolment, TwoFactorStatus } from '../../../shared/two-factor.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { verifyPassword } from '../auth/password.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { currentUserOf, findPersonById } from '../people/people.repository.ts';
import { deleteSession, recordSignInAttempt } from '../session/session.repository.ts';
import { assertNotThrottled, startSession, type ClientInfo } from '../session/session.service.ts';
import {
  claimStep,
  countChallengeFailure,
  countUnusedRecoveryCodes,
  deleteTwoFactor,
  findTwoFactor,
  isEnrolled,
  listDevices,
  replaceRecoveryCodes,
  useRecoveryCode,
} from './two-factor.repository.ts';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUri } from './totp.ts';

/** Limits of two-step sign-in (docs/decisions/0027-two-factor.md). */
export const TWO_FACTOR_POLICY = {
  /** How long the second step waits for a code after the right password. */
  challengeLifetimeMs: 5 * 60 * 1000,
  /** Wrong codes on one pending step before the password is asked again (the account's sign-in throttle counts them too). */
  maxFailuresPerChallenge: 5,
  rememberDeviceMs: 30 * 24 * 60 * 60 * 1000,
} as const;

export const CHALLENGE_COOKIE = 'pc_second_step';
export const DEVICE_COOKIE = 'pc_device';

/** Whether the platform requires two-step sign-in of this person. */
export const isRequiredFor = (user: Pick<CurrentUser, 'roles'>, requiredForManagers: boolean) =>
  requiredForManagers && hasRole(user, 'programme_manager');

export async function statusOf(db: Db, user: CurrentUser, requiredForManagers: boolean, now: Date): Promise<TwoFactorStatus> {
  const row = await findTwoFactor(db, user.id);
  const enabled = Boolean(row?.confirmed_at);
  const devices = enabled ? await listDevices(db, user.id, now) : [];
  return {
    enabled,
    enabledAt: row?.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
    recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(db, user.id) : 0,
    required: isRequiredFor(user, requiredForManagers),
    rememberedDevices: devices.map((d) => ({
      id: d.id,
      createdAt: new Date(d.created_at).toISOString(),
      lastUsedAt: d.last_used_at ? new Date(d.last_used_at).toISOString() : null,
      expiresAt: new Date(d.expires_at).toISOString(),
      userAgent: d.user_agent,
    })),
  };
}

/** A new secret, kept unconfirmed until a code proves the app holds it; shown this once. */
export async function startEnrolment(db: Db, user: CurrentUser): Promise<TwoFactorEnrolment> {
  const existing = await findTwoFactor(db, user.id);
  if (existing?.confirmed_at) throw new AppError('CONFLICT', 'Two-step sign-in is already on. Turn it off first to set up another app.');
  const secret = newTotpSecret();
  await db
    .insertInto('two_factor')
    .values({ person_id: user.id, secret })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ secret, created_at: new Date(), last_used_step: null }))
    .execute();
  const uri = otpauthUri(user.email, secret);
  return { secret, otpauthUri: uri, qrCodeDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 }) };
}

const CODE_WRONG = 'The code is not correct.';
const codeField = [{ field: 'body.code', message: CODE_WRONG }];
const wrongCode = () => new AppError('VALIDATION_FAILED', CODE_WRONG, { errors: codeField });

/** Turns two-step sign-in on with a code from the app; answers the ten recovery codes, shown once. */
export async function confirmEnrolment(db: Db, user: CurrentUser, code: string, ip: string): Promise<string[]> {
  const row = await findTwoFactor(db, user.id);
  if (!row) throw new AppError('CONFLICT', 'Start the set-up first.');
  if (row.confirmed_at) throw new AppError('CONFLICT', 'Two-step sign-in is already on.');
  const step = await checkTotp(row.secret, code, row.last_used_step);
  if (step === null) throw wrongCode();
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('two_factor').set({ confirmed_at: new Date(), last_used_step: step }).where('person_id', '=', user.id).execute();
    await replaceRecoveryCodes(trx, user.id, codes.map(hashRecoveryCode));
    await recordAudit(trx, { actorId: user.id, action: 'person.two_factor_enable', entityType: 'person', entityId: user.id, ip });
  });
  return codes;
}

/** Checks a TOTP code (each accepted once) or a recovery code (each usable once). */
async function acceptCode(db: Db, personId: string, code: string): Promise<'totp' | 'recovery' | null> {
  const row = await findTwoFactor(db, personId);
  if (!row?.confirmed_at) return null;
  if (/^\d{6}$/.test(code)) {
    const step = await checkTotp(row.secret, code, row.last_used_step);
    return step !== null && (await claimStep(db, personId, step)) ? 'totp' : null;
  }
  return (await useRecoveryCode(db, personId, hashRecoveryCode(code), new Date())) ? 'recovery' : null;
}

export async function regenerateRecoveryCodes(db: Db, user: CurrentUser, code: string, ip: string): Promise<string[]> {
  if (!(await isEnrolled(db, user.id))) throw new AppError('CONFLICT', 'Two-step sign-in is off.');
  if ((await acceptCode(db, user.id, code)) !== 'totp') throw wrongCode();
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, user.id, codes.map(hashRecoveryCode));
    await recordAudit(trx, { actorId: user.id, action: 'person.two_factor_recovery_codes', entityType: 'person', entityId: user.id, ip });
  });
  return codes;
}

/** Turns it off with the password and a code; remembered browsers are forgotten. Refused where it is required. */
export async function disable(
  db: Db,
  user: CurrentUser,
  input: { password: string; code: string; requiredForManagers: boolean; ip: string },
) {
  if (isRequiredFor(user, input.requiredForManagers)) {
    throw new AppError('FORBIDDEN', 'Programme managers must keep two-step sign-in on. Set up a new app by regenerating from a signed-in browser, or ask another manager.');
  }
  if (!(await isEnrolled(db, user.id))) throw new AppError('CONFLICT', 'Two-step sign-in is already off.');
  const person = await findPersonById(db, user.id);
  if (!person?.password_hash || !(await verifyPassword(input.password, person.password_hash))) {
    throw new AppError('INVALID_CREDENTIALS', 'Your password is not correct.');
  }
  if (!(await acceptCode(db, user.id, input.code))) throw wrongCode();
  await db.transaction().execute(async (trx) => {
    await deleteTwoFactor(trx, user.id);
    await recordAudit(trx, { actorId: user.id, action: 'person.two_factor_disable', entityType: 'person', entityId: user.id, ip: input.ip });
  });
}

export async function forgetDevice(db: Db, user: CurrentUser, deviceId: string) {
  const result = await db.deleteFrom('remembered_devices').where('id', '=', deviceId).where('person_id', '=', user.id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND', 'No such remembered browser.');
}

/**
 * After the right password: whether this sign-in needs a code. Not when two-step
 * sign-in is off, nor in a browser the person asked to remember (its cookie).
 */
export async function needsSecondStep(db: Db, personId: string, deviceToken: string | undefined): Promise<boolean> {
  if (!(await isEnrolled(db, personId))) return false;
  if (!deviceToken) return true;
  const now = new Date();
  const result = await db
    .updateTable('remembered_devices')
    .set({ last_used_at: now })
    .where('token_hash', '=', hashToken(deviceToken))
    .where('person_id', '=', personId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 0;
}

/** The pending second step: a random token for the cookie, its hash in the table. */
export async function startChallenge(db: Db, personId: string): Promise<string> {
  const token = newToken();
  await db
    .insertInto('two_factor_challenges')
    .values({ token_hash: hashToken(token), person_id: personId, expires_at: new Date(Date.now() + TWO_FACTOR_POLICY.challengeLifetimeMs) })
    .execute();
  return token;
}

/**
 * The second step: a code for the pending sign-in. A wrong code counts as a
 * failed sign-in of the account (the same throttle as wrong passwords) and
 * against the pending step, which ends after five.
 */
export async function completeSecondStep(
  db: Db,
  input: { challengeToken: string | undefined; code: string; rememberDevice: boolean; previousToken: string | null },
  client: ClientInfo,
): Promise<{ token: string; user: CurrentUser; deviceToken: string | null; usedRecoveryCode: boolean }> {
  const expired = () => new AppError('UNAUTHENTICATED', 'The sign-in took too long. Enter your email and password again.');
  if (!input.challengeToken) throw expired();
  const tokenHash = hashToken(input.challengeToken);
  const challenge = await db
    .selectFrom('two_factor_challenges')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  if (!challenge) throw expired();
  const person = await findPersonById(db, challenge.person_id);
  if (!person || person.disabled_at) throw expired();
  await assertNotThrottled(db, person.email, client.ip);
  const kind = await acceptCode(db, person.id, input.code);
  if (!kind) {
    await recordSignInAttempt(db, { email: person.email, ip: client.ip, succeeded: false });
    const failures = await countChallengeFailure(db, tokenHash);
    if (failures >= TWO_FACTOR_POLICY.maxFailuresPerChallenge) {
      await db.deleteFrom('two_factor_challenges').where('token_hash', '=', tokenHash).execute();
    }
    await recordAudit(db, { actorId: person.id, action: 'session.second_step_failed', entityType: 'person', entityId: person.id, ip: client.ip });
    throw new AppError('INVALID_CREDENTIALS', CODE_WRONG, { errors: codeField });
  }
  await db.deleteFrom('two_factor_challenges').where('token_hash', '=', tokenHash).execute();
  if (input.previousToken) await deleteSession(db, hashToken(input.previousToken));
  const token = await startSession(db, person.id, client);
  let deviceToken: string | null = null;
  if (input.rememberDevice) {
    deviceToken = newToken();
    await db
      .insertInto('remembered_devices')
      .values({
        token_hash: hashToken(deviceToken),
        person_id: person.id,
        expires_at: new Date(Date.now() + TWO_FACTOR_POLICY.rememberDeviceMs),
        user_agent: client.userAgent?.slice(0, 400) ?? null,
      })
      .execute();
  }
  await recordAudit(db, {
    actorId: person.id,
    action: 'session.sign_in',
    entityType: 'person',
    entityId: person.id,
    ip: client.ip,
    details: { secondFactor: kind, rememberDevice: input.rememberDevice },
  });
  return { token, user: await currentUserOf(db, person), deviceToken, usedRecoveryCode: kind === 'recovery' };
}
