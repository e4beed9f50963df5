import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import { AppError } from '../../errors.ts';
import type { App } from '../../route-types.ts';
import { pingDatabase } from './health.repository.ts';

export async function healthRoutes(app: App) {
  app.get('/healthz', {
    config: { access: 'public' },
    logLevel: 'warn',
    schema: { tags: ['operations'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    config: { access: 'public' },
    logLevel: 'warn',
    schema: {
      tags: ['operations'],
      summary: 'The database answers',
      response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }), 503: Problem },
    },
    handler: async () => {
      try {
        await pingDatabase(app.db);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE', 'The database does not answer.');
      }
      return { status: 'ready' as const, database: app.databaseKind };
    },
  });
}
