import { localDateAt } from '../../../domain/time/zoned-time.ts';
import { Problem } from '../../../shared/problem.ts';
import { RouteSupportRequest, SupportDashboard, SupportDashboardExportParams, SupportDashboardQuery } from '../../../shared/support-dashboard.schemas.ts';
import { SupportRequestDetail, SupportRequestParams } from '../../../shared/support.schemas.ts';
import { sendTable } from '../../lib/table-export.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { SUPPORT_CALENDAR } from './support-calendar.ts';
import { supportDashboard, supportRequestsTable } from './support-dashboard.service.ts';
import { routeRequestAgain } from './support-rerouting.ts';

/** The managers' support dashboard, its export, and "Route again" (docs/support.md, "Dashboard" and "Re-routing"). */
export async function supportDashboardRoutes(app: App) {
  app.get('/api/support/dashboard', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['support'],
      summary: 'Support requests submitted in a period (days in Brussels): by state, sector and country, time to a first answer, overdue, experts’ load, satisfaction',
      querystring: SupportDashboardQuery,
      response: { 200: SupportDashboard, 400: Problem },
    },
    handler: async (request) => supportDashboard(app.db, { query: request.query, now: app.now() }),
  });

  app.get('/api/support/dashboard/requests.:format', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['support'],
      summary: 'The support requests of the period, one row each, as CSV or Excel',
      params: SupportDashboardExportParams,
      querystring: SupportDashboardQuery,
      response: { 400: Problem },
    },
    handler: async (request, reply) =>
      sendTable(reply, await supportRequestsTable(app.db, { query: request.query, now: app.now() }), request.params.format, `support-requests-${request.query.from ?? 'start'}-${request.query.to ?? localDateAt(app.now(), SUPPORT_CALENDAR.timeZone)}`),
  });

  app.post('/api/support-requests/:id/route', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['support'],
      summary: 'A programme manager routes a request that found no expert again; it stays submitted, with the reason, when none fits yet',
      params: SupportRequestParams,
      body: RouteSupportRequest,
      response: { 200: SupportRequestDetail, 404: Problem, 409: Problem },
    },
    handler: async (request) => routeRequestAgain(app.db, { id: request.params.id, user: requireUser(request), body: request.body, now: app.now(), publicUrl: app.config.publicUrl }),
  });
}
