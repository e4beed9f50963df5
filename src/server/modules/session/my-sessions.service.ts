import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { MySession } from '../../../shared/sessions.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { deleteSessionById, deleteSessionsOf, listSessionsOf } from './session.repository.ts';
import type { SessionCache } from './session-cache.ts';
import { SESSION_POLICY } from './session-policy.ts';
import { summariseUserAgent } from './user-agent.ts';

/** My live sessions, the one last used first, this one marked (decision 0026). */
export async function listMySessions(db: Db, user: CurrentUser, currentTokenHash: string | null, now: Date): Promise<MySession[]> {
  const rows = await listSessionsOf(db, user.id, now, new Date(now.getTime() - SESSION_POLICY.idleTimeoutMs));
  return rows.map((row) => ({
    id: row.id,
    signedInAt: new Date(row.created_at).toISOString(),
    lastUsedAt: new Date(row.last_seen_at).toISOString(),
    device: summariseUserAgent(row.user_agent),
    ip: row.ip,
    current: row.token_hash === currentTokenHash,
  }));
}

/**
 * Ends one of my sessions (this one too, if I name it: that is signing out).
 * Someone else's session answers 404, as one that does not exist.
 */
export async function endMySession(db: Db, input: { user: CurrentUser; id: string; ip: string; cache?: SessionCache | undefined }) {
  const ended = await db.transaction().execute(async (trx) => {
    const hashes = await deleteSessionById(trx, input.user.id, input.id);
    if (hashes.length === 0) throw new AppError('NOT_FOUND', reason('SESSION_NOT_FOUND'));
    await recordAudit(trx, { actorId: input.user.id, action: 'session.end', entityType: 'person', entityId: input.user.id, ip: input.ip, details: { sessionId: input.id } });
    return hashes;
  });
  for (const hash of ended) input.cache?.forgetSession(hash);
}

/** "Sign out everywhere else": ends every session of mine but this one. */
export async function endMyOtherSessions(db: Db, input: { user: CurrentUser; currentTokenHash: string | null; ip: string; cache?: SessionCache | undefined }) {
  const ended = await db.transaction().execute(async (trx) => {
    const hashes = await deleteSessionsOf(trx, input.user.id, input.currentTokenHash ?? undefined);
    if (hashes.length > 0) {
      await recordAudit(trx, { actorId: input.user.id, action: 'session.end_others', entityType: 'person', entityId: input.user.id, ip: input.ip, details: { ended: hashes.length } });
    }
    return hashes;
  });
  for (const hash of ended) input.cache?.forgetSession(hash);
  return { ended: ended.length };
}
