import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import { SiteInfo } from '../../../shared/site.schemas.ts';
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

  app.get('/api/site', {
    config: { access: 'public' },
    schema: { tags: ['operations'], summary: 'Facts about this platform every page may show (the programme team’s contact)', response: { 200: SiteInfo } },
    handler: async (_request, reply) => {
      // Configuration changes only with a restart; browsers may keep it a while.
      void reply.header('cache-control', 'public, max-age=300');
      return { contactEmail: app.config.contactEmail, devMailbox: app.config.smtpUrl === null };
    },
  });
}
