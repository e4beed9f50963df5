import { z } from 'zod';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { RoleGrant } from '../../../shared/roles.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashForTimingOnly, verifyPassword } from '../auth/password.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { currentUserOf, findPersonByEmail, markSignedIn } from '../people/people.repository.ts';
import {
  countRecentFailures,
  deleteSession,
  findSessionUser,
  insertSession,
  recordSignInAttempt,
  touchSession,
} from './session.repository.ts';
import type { SessionCache } from './session-cache.ts';
import { SESSION_POLICY } from './session-policy.ts';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

let timingHash: Promise<string> | null = null;

type FailureCounts = Awaited<ReturnType<typeof countRecentFailures>>;

/**
 * Sign-in throttling (decisions 0002, 0026): failures counted per account and
 * address, per account, and per address, each with its own threshold, shared
 * by every process through `sign_in_attempts`. Refused tries are not counted.
 */
export async function assertNotThrottled(db: Db, email: string, ip: string): Promise<FailureCounts> {
  const since = new Date(Date.now() - SESSION_POLICY.failureWindowMs);
  const counts = await countRecentFailures(db, email, ip, since);
  const blockedSince =
    counts.by_email_and_ip >= SESSION_POLICY.maxFailuresPerAccountAndAddress
      ? counts.oldest_by_email_and_ip
      : counts.by_email >= SESSION_POLICY.maxFailuresPerAccount
        ? counts.oldest_by_email
        : counts.by_ip >= SESSION_POLICY.maxFailuresPerAddress
          ? counts.oldest_by_ip
          : null;
  if (blockedSince === null) return counts;
  const retryAt = new Date(new Date(blockedSince).getTime() + SESSION_POLICY.failureWindowMs);
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
  throw new AppError('TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, {
    headers: { 'retry-after': String(seconds) },
  });
}

/** Which limit this failure reached (the failure that makes the count hit a threshold), for the audit log. */
function lockOutReached(before: FailureCounts): 'account_and_address' | 'account' | 'address' | null {
  if (before.by_email_and_ip + 1 === SESSION_POLICY.maxFailuresPerAccountAndAddress) return 'account_and_address';
  if (before.by_email + 1 === SESSION_POLICY.maxFailuresPerAccount) return 'account';
  if (before.by_ip + 1 === SESSION_POLICY.maxFailuresPerAddress) return 'address';
  return null;
}

/** Starts a session for a person; the caller ends any previous one (rotation). */
export async function startSession(db: Db, personId: string, client: ClientInfo): Promise<string> {
  const token = newToken();
  const now = new Date();
  await insertSession(db, {
    tokenHash: hashToken(token),
    personId,
    expiresAt: new Date(now.getTime() + SESSION_POLICY.absoluteLifetimeMs),
    ip: client.ip,
    userAgent: client.userAgent,
  });
  await markSignedIn(db, personId, now);
  return token;
}

/**
 * Checks email and password. The same error whether the account is unknown
 * or the password wrong; unknown accounts cost the same scrypt time. Only
 * the right password learns that its account was deactivated.
 */
export async function signIn(
  db: Db,
  input: {
    email: string;
    password: string;
    passwordHashCost: number;
    previousToken: string | null;
    /** Two-step sign-in (modules/two-factor): after the right password, whether a code is needed before a session. */
    needsSecondStep?: (personId: string) => Promise<boolean>;
  },
  client: ClientInfo,
): Promise<{ token: string; user: CurrentUser } | { secondStepFor: string }> {
  const counts = await assertNotThrottled(db, input.email, client.ip);
  const person = await findPersonByEmail(db, input.email);
  let valid = false;
  if (person?.password_hash) {
    valid = await verifyPassword(input.password, person.password_hash);
  } else {
    timingHash ??= hashForTimingOnly(input.passwordHashCost);
    await verifyPassword(input.password, await timingHash);
  }
  const deactivated = Boolean(person?.disabled_at);
  await recordSignInAttempt(db, { email: input.email, ip: client.ip, succeeded: valid && !deactivated });
  if (!valid || !person || deactivated) {
    // Failed sign-ins and lock-outs in the audit log (decision 0026); the email as typed when no account has it.
    const about = { actorId: null, entityType: 'person', entityId: person?.id ?? null, ip: client.ip };
    const why = !person ? 'unknown_account' : !valid ? 'wrong_password' : 'deactivated';
    await recordAudit(db, { ...about, action: 'session.sign_in_failed', details: { email: input.email, reason: why } });
    const limit = lockOutReached(counts);
    if (limit) {
      const details = { email: input.email, limit, minutes: SESSION_POLICY.failureWindowMs / 60_000 };
      await recordAudit(db, { ...about, entityId: limit === 'address' ? null : about.entityId, action: 'session.lock_out', details });
    }
  }
  if (!valid || !person) {
    throw new AppError('INVALID_CREDENTIALS', 'The email or password is not correct.');
  }
  if (deactivated) throw new AppError('FORBIDDEN', reason('ACCOUNT_DEACTIVATED'));
  if (await input.needsSecondStep?.(person.id)) return { secondStepFor: person.id };
  if (input.previousToken) await deleteSession(db, hashToken(input.previousToken));
  const token = await startSession(db, person.id, client);
  await recordAudit(db, { actorId: person.id, action: 'session.sign_in', entityType: 'person', entityId: person.id, ip: client.ip });
  return { token, user: await currentUserOf(db, person) };
}

/**
 * The person behind a session cookie, or null when absent, expired or idle
 * too long. With a cache, a session checked less than a minute ago is
 * answered from memory (docs/decisions/0010-session-cache.md).
 */
export async function resolveSession(db: Db, token: string, cache?: SessionCache): Promise<{ user: CurrentUser; tokenHash: string } | null> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const cached = cache?.get(tokenHash, now.getTime());
  if (cached) return { tokenHash, user: cached.user };
  const epoch = cache?.epoch ?? 0;
  const row = await findSessionUser(db, tokenHash, now, new Date(now.getTime() - SESSION_POLICY.idleTimeoutMs));
  if (!row) return null;
  let lastSeenAt = new Date(row.last_seen_at).getTime();
  if (now.getTime() - lastSeenAt > SESSION_POLICY.touchIntervalMs) {
    await touchSession(db, tokenHash);
    lastSeenAt = now.getTime();
  }
  const locale = row.locale === 'fr' || row.locale === 'de' ? row.locale : 'en';
  // Shared by the requests the cache answers: nobody may change it.
  const user: CurrentUser = deepFreeze({
    id: row.id,
    email: row.email,
    name: row.name,
    locale,
    roles: z.array(RoleGrant).parse(row.roles),
    ...(row.approval_pending ? { pendingApproval: true as const } : {}),
  });
  cache?.remember(tokenHash, { user, expiresAt: new Date(row.expires_at).getTime(), lastSeenAt }, epoch);
  return { tokenHash, user };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export async function signOut(db: Db, token: string, cache?: SessionCache, ip?: string) {
  const tokenHash = hashToken(token);
  const personId = await deleteSession(db, tokenHash);
  cache?.forgetSession(tokenHash);
  if (personId) await recordAudit(db, { actorId: personId, action: 'session.sign_out', entityType: 'person', entityId: personId, ip: ip ?? null });
}
