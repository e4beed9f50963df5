import { sql, type Kysely } from 'kysely';
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

/**
 * What an event's entity is called (a person's or city's name, a programme's
 * title, "city — programme" for an application…), read in the same statement
 * as the page of events: one correlated look-up per row, no query per row.
 * Read-only over the other features' tables; null when the thing is gone or
 * the kind has no name worth showing.
 */
const entityName = sql<string | null>`case e.entity_type
  when 'person' then (select x.name from people x where x.id::text = e.entity_id)
  when 'city' then (select x.name from cities x where x.id::text = e.entity_id)
  when 'programme' then (select x.title from programmes x where x.id::text = e.entity_id)
  when 'call' then (select pr.title from calls x join programmes pr on pr.id = x.programme_id where x.id::text = e.entity_id)
  when 'application' then (
    select c.name || ' — ' || pr.title from applications x
    join cities c on c.id = x.city_id join calls ca on ca.id = x.call_id join programmes pr on pr.id = ca.programme_id
    where x.id::text = e.entity_id)
  when 'solution' then (select x.title from solutions x where x.id::text = e.entity_id)
  when 'group' then (select x.name from discussion_groups x where x.id::text = e.entity_id)
  when 'meeting' then (select x.title from group_meetings x where x.id::text = e.entity_id)
  when 'invitation' then (select x.name || ' <' || x.email || '>' from invitations x where x.id::text = e.entity_id)
  when 'support_request' then (select c.name || ': ' || x.title from support_requests x join cities c on c.id = x.city_id where x.id::text = e.entity_id)
end`;

/** Audit events, newest first, with the actor's name and what the entity is called. */
export async function listAudit(db: Kysely<Database>, f: AuditFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .leftJoin('people as p', 'p.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'e.actor_id', 'p.name as actor_name', 'e.action', 'e.entity_type', 'e.entity_id', 'e.ip', 'e.details'])
      .select(entityName.as('entity_name'))
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
