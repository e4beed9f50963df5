import { z } from 'zod';
import { pageOf } from './pagination.ts';
import { Instant, text } from './text.ts';

export const AuditQuery = z.object({
  entityType: text().max(40).optional(),
  entityId: text().max(80).optional(),
  action: text().max(80).optional(),
  actorId: z.uuid().optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEvent = z.object({
  id: z.number().int(),
  at: text(),
  actorId: text().nullable(),
  actorName: text().nullable(),
  action: text(),
  entityType: text(),
  entityId: text().nullable(),
  /** What the entity is called (a name, a title), resolved by the server; null when unknown. */
  entityName: text().nullable(),
  ip: text().nullable(),
  details: z.record(text(), z.unknown()),
});
export const AuditPage = pageOf(AuditEvent);

export const ExportFormat = z.enum(['csv', 'xlsx']);
