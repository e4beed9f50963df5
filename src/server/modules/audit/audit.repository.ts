import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Appends who did what to which record; call it inside the change's transaction. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry) {
  await db
    .insertInto('audit_events')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_events as e');
  if (f.entityType) q = q.where('e.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('e.entity_id', '=', f.entityId);
  if (f.action) q = q.where('e.action', '=', f.action);
  if (f.actorId) q = q.where('e.actor_id', '=', f.actorId);
  if (f.from) q = q.where('e.at', '>=', new Date(f.from));
  if (f.to) q = q.where('e.at', '<', new Date(f.to));
  return q;
}

/** Audit events, newest first, with the actor's name. */
export async function listAudit(db: Kysely<Database>, f: AuditFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .leftJoin('people as p', 'p.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'e.actor_id', 'p.name as actor_name', 'e.action', 'e.entity_type', 'e.entity_id', 'e.ip', 'e.details'])
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
