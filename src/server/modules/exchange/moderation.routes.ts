import { z } from 'zod';
import { CityBlockList, DecideReportBody, MessageReport, ReportMessageBody } from '../../../shared/exchange.schemas.ts';
import { PageQuery, pageOf } from '../../../shared/pagination.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { INBOX_HOLDERS } from './conversations.routes.ts';
import { blockCity, decideReport, listBlocks, listOpenReports, reportMessage, unblockCity } from './moderation.service.ts';

const IdParams = z.object({ id: z.uuid() });
const BlockParams = z.object({ cityId: z.uuid(), blockedCityId: z.uuid() });

/** Blocks between cities, and messages reported to the programme team. */
export async function moderationRoutes(app: App) {
  app.get('/api/cities/:cityId/blocks', {
    config: { access: ['city_representative'] },
    schema: { tags: ['exchange'], summary: 'The cities my city takes no new conversations from', params: z.object({ cityId: z.uuid() }), response: { 200: CityBlockList } },
    handler: async (request) => listBlocks(app.db, request.params.cityId, requireUser(request)),
  });

  app.put('/api/cities/:cityId/blocks/:blockedCityId', {
    config: { access: ['city_representative'] },
    schema: { tags: ['exchange'], summary: 'Take no new conversations from a city (audit log); conversations already started go on', params: BlockParams, response: { 200: CityBlockList } },
    handler: async (request) => blockCity(app.db, { ...request.params, user: requireUser(request), ip: request.ip }),
  });

  app.delete('/api/cities/:cityId/blocks/:blockedCityId', {
    config: { access: ['city_representative'] },
    schema: { tags: ['exchange'], summary: 'Take new conversations from a city again (audit log)', params: BlockParams, response: { 200: CityBlockList } },
    handler: async (request) => unblockCity(app.db, { ...request.params, user: requireUser(request), ip: request.ip }),
  });

  app.post('/api/messages/:id/reports', {
    config: { access: [...INBOX_HOLDERS] },
    schema: { tags: ['exchange'], summary: 'Report a message of one of my conversations to the programme team, with the reason', params: IdParams, body: ReportMessageBody, response: { 204: z.null(), 409: Problem } },
    handler: async (request, reply) => {
      await reportMessage(app.db, { messageId: request.params.id, reason: request.body.reason, user: requireUser(request), ip: request.ip, publicUrl: app.config.publicUrl });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/message-reports', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['exchange'], summary: 'Open reports of messages, oldest first, each with the reported message', querystring: PageQuery, response: { 200: pageOf(MessageReport) } },
    handler: async (request) => listOpenReports(app.db, request.query.page, request.query.pageSize),
  });

  app.post('/api/message-reports/:id/decision', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['exchange'], summary: 'Hide the reported message with a reason, or keep it (audit log); settles every open report of that message', params: IdParams, body: DecideReportBody, response: { 204: z.null(), 409: Problem } },
    handler: async (request, reply) => {
      await decideReport(app.db, { reportId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip });
      return reply.status(204).send(null);
    },
  });
}
