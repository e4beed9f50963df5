import { z } from 'zod';
import { DataExport, DataExportParams } from '../../../shared/personal-data.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { myExportFile, myLatestExport, requestMyData } from './data-export.service.ts';

export async function dataExportRoutes(app: App) {
  app.post('/api/me/data-exports', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: {
      tags: ['account'],
      summary: 'Ask for a download of everything held about me (a ZIP of JSON and CSV, made in the background, kept 24 hours); while one is being made, answers that one',
      response: { 202: DataExport },
    },
    handler: async (request, reply) => {
      const result = await requestMyData(app.db, requireUser(request), app.now());
      app.dataExports.kick();
      reply.header('cache-control', 'no-store');
      return reply.status(202).send(result.export);
    },
  });

  app.get('/api/me/data-exports/latest', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: { tags: ['account'], summary: 'My latest download: its progress, when it is ready and until when (null when I never asked for one)', response: { 200: DataExport.nullable() } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return myLatestExport(app.db, requireUser(request), app.now());
    },
  });

  app.get('/api/me/data-exports/:id/download', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: {
      tags: ['account'],
      summary: 'The ZIP of my data (for 24 hours after it is ready)',
      params: DataExportParams,
      response: { 200: z.any().describe('application/zip'), 404: Problem },
    },
    handler: async (request, reply) => {
      const file = await myExportFile(app.db, requireUser(request), request.params.id, app.now());
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  });
}
