import { z } from 'zod';
import { AuditPage, AuditQuery, ExportFormat } from '../../../shared/audit.schemas.ts';
import { sendTable } from '../../lib/table-export.ts';
import type { App } from '../../route-types.ts';
import { listAudit } from './audit.repository.ts';

const managers = ['programme_manager'] as const;
/** An export holds at most this many events; narrow the filter for more. */
const EXPORT_LIMIT = 50_000;

export async function auditRoutes(app: App) {
  app.get('/api/audit', {
    config: { access: managers },
    schema: { tags: ['audit'], summary: 'Who did what to which record, when (newest first)', querystring: AuditQuery, response: { 200: AuditPage } },
    handler: async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { rows, total } = await listAudit(app.db, filter, pageSize, (page - 1) * pageSize);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          entityName: r.entity_name,
          ip: r.ip,
          details: r.details,
        })),
        total,
        page,
        pageSize,
      };
    },
  });

  app.get('/api/audit/export.:format', {
    config: { access: managers },
    schema: {
      tags: ['audit'],
      summary: 'The audit log (same filters) as CSV or Excel',
      params: z.object({ format: ExportFormat }),
      querystring: AuditQuery.omit({ page: true, pageSize: true }),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    handler: async (request, reply) => {
      const { rows } = await listAudit(app.db, request.query, EXPORT_LIMIT, 0);
      return sendTable(
        reply,
        {
          sheetName: 'Audit log',
          columns: [
            { header: 'when (UTC)', width: 22 },
            { header: 'who', width: 24 },
            { header: 'action', width: 28 },
            { header: 'record type', width: 14 },
            { header: 'record', width: 32 },
            { header: 'record id', width: 38 },
            { header: 'address', width: 16 },
            { header: 'details', width: 80 },
          ],
          rows: rows.map((r) => [new Date(r.at).toISOString(), r.actor_name ?? '', r.action, r.entity_type, r.entity_name ?? '', r.entity_id ?? '', r.ip ?? '', JSON.stringify(r.details)]),
        },
        request.params.format,
        'peercities-audit-log',
      );
    },
  });
}
