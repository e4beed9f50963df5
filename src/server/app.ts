import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seedDemoData } from './seed/demo-seed.ts';
import { SessionCache } from './modules/session/session-cache.ts';
import { PersonLabels } from './modules/people/person-labels.ts';
import type { AnnouncedChanges } from './lib/person-cache.ts';
import { sendDeadlineReminders } from './jobs/deadline-reminders.ts';
import { mailboxTransport, smtpTransport, startMailWorker, type MailWorker } from './jobs/mail-worker.ts';
import { startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { sendMeetingReminders } from './jobs/meeting-reminders.ts';
import { sendMeetingRequestReminders } from './jobs/meeting-request-reminders.ts';
import { sendVisitNotices } from './jobs/visit-notices.ts';
import { sendDailyDigests } from './jobs/daily-digest.ts';
import { sendWorkReminders } from './jobs/work-reminders.ts';
import { sendSupportReminders } from './jobs/support-reminders.ts';
import { sendSupportSessionReminders } from './jobs/support-session-reminders.ts';
import { sendSurveyReminders } from './jobs/survey-reminders.ts';
import { applicationRoutes } from './modules/applications/applications.routes.ts';
import { attachmentRoutes } from './modules/applications/attachments.routes.ts';
import { cityRoutes } from './modules/cities/cities.routes.ts';
import { cityPriorityRoutes } from './modules/cities/city-priorities.routes.ts';
import { proposedCityRoutes } from './modules/groups/proposed-cities.routes.ts';
import { mailboxRoutes } from './modules/email/mailbox.routes.ts';
import { matchingRoutes } from './modules/matching/matching.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { invitationRoutes } from './modules/invitations/invitations.routes.ts';
import { programmeRoutes } from './modules/programmes/programmes.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { groupRoutes } from './modules/groups/groups.routes.ts';
import { threadRoutes } from './modules/groups/threads.routes.ts';
import { meetingRoutes } from './modules/groups/meetings.routes.ts';
import { meetingMaterialFileRoutes, meetingMaterialRoutes } from './modules/groups/meeting-materials.routes.ts';
import { followUpRoutes } from './modules/visits/follow-up.routes.ts';
import { outcomeRoutes } from './modules/visits/outcomes.routes.ts';
import { visitRoutes } from './modules/visits/visits.routes.ts';
import { meetingRequestRoutes } from './modules/exchange/meeting-requests.routes.ts';
import { reviewRoutes } from './modules/review/review.routes.ts';
import { passwordResetRoutes } from './modules/password-resets/password-resets.routes.ts';
import { meRoutes } from './modules/account/me.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { consentRoutes } from './modules/consent/consent.routes.ts';
import { deactivationRoutes } from './modules/account/deactivation.routes.ts';
import { erasureRoutes } from './modules/privacy/erasure.routes.ts';
import { dataExportRoutes } from './modules/privacy/data-export.routes.ts';
import { exportRunner, processPendingExports } from './modules/privacy/data-export.service.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { representativeRoutes } from './modules/invitations/representatives.routes.ts';
import { sessionRoutes } from './modules/session/session.routes.ts';
import { mySessionsRoutes } from './modules/session/my-sessions.routes.ts';
import { secondStepHook, twoFactorRoutes } from './modules/two-factor/two-factor.routes.ts';
import { twoFactorPlugin } from './plugins/two-factor.plugin.ts';
import { solutionRoutes } from './modules/solutions/solutions.routes.ts';
import { workRoutes } from './modules/work/work.routes.ts';
import { registrationRoutes } from './modules/registration/registration.routes.ts';
import { conversationRoutes } from './modules/exchange/conversations.routes.ts';
import { messageAttachmentRoutes } from './modules/exchange/message-attachments.routes.ts';
import { moderationRoutes } from './modules/exchange/moderation.routes.ts';
import { supportRoutes } from './modules/support/support.routes.ts';
import { publishedAnswerRoutes } from './modules/support/published-answers.routes.ts';
import { supportAttachmentRoutes } from './modules/support/support-attachments.routes.ts';
import { peerSessionRoutes } from './modules/support/peer-sessions.routes.ts';
import { surveyRoutes } from './modules/surveys/surveys.routes.ts';
import { mySurveyRoutes } from './modules/surveys/my-surveys.routes.ts';
import { surveyResultsRoutes } from './modules/surveys/results.routes.ts';
import { expireRegistrations } from './jobs/registration-expiry.ts';
import { runRetention } from './jobs/retention.ts';
import { authPlugin } from './plugins/auth.plugin.ts';
import { metricsPlugin } from './plugins/metrics.plugin.ts';
import { problemPlugin, problemServerOptions } from './plugins/problem.plugin.ts';
import { securityHeadersPlugin } from './plugins/security-headers.plugin.ts';
import { webPlugin } from './plugins/web.plugin.ts';
import { trustProxyOption } from './lib/trust-proxy.ts';
import { SolverPool } from './modules/matching/solver-pool.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    databaseKind: 'pglite' | 'postgres';
    mailWorker: MailWorker;
    scheduler: Scheduler;
    /** Makes requested downloads of people's data in the background (modules/privacy). */
    dataExports: { kick(): void; idle(): Promise<void> };
    /** Sessions checked in the last minute (docs/decisions/0010-session-cache.md). */
    sessionCache: SessionCache;
    /** The names and cities shown beside posts, remembered like the sessions. */
    personLabels: PersonLabels;
    /** Resolves once every change announced on session_changes before the call reached the caches of sessions and labels. */
    sessionChangesHeard: () => Promise<void>;
    /** The current time; tests replace it to walk a programme through its timeline. */
    now: () => Date;
    /** Worker threads solving POST /api/matching/solve (decision 0028). */
    solverPool: SolverPool;
  }
}

export interface BuildOptions {
  now?: () => Date;
  /** Plugins on the database handle the routes and jobs use (tests count queries with one). */
  dbPlugins?: readonly KyselyPlugin[];
}

export const API_VERSION = '0.1.0';

/**
 * Builds the whole platform: database (migrated, demo data when configured),
 * plugins, routes and the mail worker. It never listens; main.ts and the
 * tests decide that. Closing the app stops the worker and the database.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'], remove: true },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    ...problemServerOptions,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // While closing (decision 0028), answers close their connection: a keep-alive connection
  // whose request was in flight would otherwise hold the server open until its idle timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  const now = options.now ?? (() => new Date());
  const database = await openDatabase(config.database, (err) => app.log.warn({ err }, 'idle database connection lost'));
  try {
    const applied = await migrate(database.db);
    if (applied.length) app.log.info({ applied }, 'database migrated');
    // The demo's dates are relative to the first start, on the platform's clock.
    if (config.seedDemo && (await seedDemoData(database.db, config.passwordHashCost, now()))) app.log.info('demo data loaded');
  } catch (err) {
    await database.close();
    throw err;
  }
  const db = (options.dbPlugins ?? []).reduce((withPlugins, plugin) => withPlugins.withPlugin(plugin), database.db);
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('databaseKind', database.kind);
  const sessionCache = new SessionCache();
  const personLabels = new PersonLabels();
  const peopleCaches: AnnouncedChanges[] = [sessionCache, personLabels];
  // Off: the caches never go live, and every request asks the database.
  const sessionChanges = config.sessionCache
    ? await database.listen('session_changes', {
        onMessage: (personId) => peopleCaches.forEach((cache) => cache.forgetPerson(personId)),
        onReady: () => peopleCaches.forEach((cache) => cache.goLive()),
        onLost: (err) => {
          peopleCaches.forEach((cache) => cache.goDark());
          app.log.warn({ err }, 'not hearing session changes: every request asks the database until the connection is back');
        },
      })
    : { sync: async () => {}, close: async () => {} };
  app.decorate('sessionCache', sessionCache);
  app.decorate('personLabels', personLabels);
  app.decorate('sessionChangesHeard', () => sessionChanges.sync());
  app.decorate('now', now);

  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : mailboxTransport;
  const mailWorker = startMailWorker(db, transport, config.mailWorkerIntervalMs, app.log);
  app.decorate('mailWorker', mailWorker);
  const scheduler = startScheduler(
    db,
    [
      { name: 'deadline-reminders', everyMs: 10 * 60_000, run: (at) => sendDeadlineReminders(db, at, config.publicUrl) },
      { name: 'meeting-reminders', everyMs: 10 * 60_000, run: (at) => sendMeetingReminders(db, at, config.publicUrl) },
      { name: 'meeting-request-reminders', everyMs: 10 * 60_000, run: (at) => sendMeetingRequestReminders(db, at, config.publicUrl) },
      { name: 'support-reminders', everyMs: 10 * 60_000, run: (at) => sendSupportReminders(db, at, config.publicUrl) },
      { name: 'support-session-reminders', everyMs: 10 * 60_000, run: (at) => sendSupportSessionReminders(db, at, config.publicUrl) },
      { name: 'survey-reminders', everyMs: 60 * 60_000, run: (at) => sendSurveyReminders(db, at, config.publicUrl) },
      { name: 'visit-notices', everyMs: 60 * 60_000, run: (at) => sendVisitNotices(db, at, config.publicUrl) },
      { name: 'daily-digest', everyMs: 24 * 60 * 60_000, run: (at) => sendDailyDigests(db, at, config.publicUrl) },
      { name: 'work-reminders', everyMs: 24 * 60 * 60_000, run: (at) => sendWorkReminders(db, at, config.publicUrl) },
      { name: 'registration-expiry', everyMs: 60 * 60_000, run: (at) => expireRegistrations(db, at) },
      { name: 'retention', everyMs: 60 * 60_000, run: (at) => runRetention(db, at, config.retention) },
      // Requests left by a process that stopped before making them.
      { name: 'data-exports', everyMs: 60_000, run: () => processPendingExports(db, now) },
    ],
    now,
    config.schedulerIntervalMs,
    app.log,
  );
  app.decorate('scheduler', scheduler);
  const solverPool = new SolverPool(config.solver);
  app.decorate('solverPool', solverPool);
  const dataExports = exportRunner(db, now, (err) => app.log.error({ err }, 'making a data download failed'));
  app.decorate('dataExports', dataExports);
  app.addHook('onClose', async () => {
    await solverPool.close();
    await scheduler.stop();
    await dataExports.idle();
    await mailWorker.stop();
    await sessionChanges.close();
    await database.close();
  });

  await app.register(fastifyCookie);
  await app.register(securityHeadersPlugin);
  await app.register(problemPlugin);
  await app.register(authPlugin);
  await app.register(twoFactorPlugin);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'peercities API',
        version: API_VERSION,
        description:
          'City-to-city peer-learning programmes for climate neutrality. Errors are RFC 9457 problem+json with a stable `code`. ' +
          'Changes need the `X-CSRF-Token` header holding the token from GET /api/session.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pc_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(metricsPlugin, { token: config.metricsToken });
  await app.register(healthRoutes);
  await app.register(sessionRoutes, { secondStep: secondStepHook });
  await app.register(twoFactorRoutes);
  await app.register(meRoutes);
  await app.register(mySessionsRoutes);
  await app.register(consentRoutes);
  await app.register(invitationRoutes);
  await app.register(peopleRoutes);
  await app.register(deactivationRoutes);
  await app.register(erasureRoutes);
  await app.register(dataExportRoutes);
  await app.register(representativeRoutes);
  await app.register(passwordResetRoutes);
  // The development mailbox exists only where no SMTP server delivers the mail (decision 0025).
  if (!config.smtpUrl) await app.register(mailboxRoutes);
  await app.register(cityRoutes);
  await app.register(cityPriorityRoutes);
  await app.register(solutionRoutes);
  await app.register(programmeRoutes);
  await app.register(applicationRoutes);
  await app.register(attachmentRoutes);
  await app.register(reviewRoutes);
  await app.register(auditRoutes);
  await app.register(groupRoutes);
  await app.register(proposedCityRoutes);
  await app.register(meetingRoutes);
  await app.register(threadRoutes);
  await app.register(meetingMaterialRoutes);
  await app.register(meetingMaterialFileRoutes);
  await app.register(visitRoutes);
  await app.register(followUpRoutes);
  await app.register(meetingRequestRoutes);
  await app.register(matchingRoutes);
  await app.register(conversationRoutes);
  await app.register(messageAttachmentRoutes);
  await app.register(moderationRoutes);
  await app.register(supportRoutes);
  await app.register(publishedAnswerRoutes);
  await app.register(supportAttachmentRoutes);
  await app.register(peerSessionRoutes);
  await app.register(surveyRoutes);
  await app.register(mySurveyRoutes);
  await app.register(surveyResultsRoutes);
  await app.register(outcomeRoutes);
  await app.register(workRoutes);
  await app.register(registrationRoutes);
  await app.register(notificationRoutes);
  await app.register(webPlugin, { distDir: config.webDistDir });

  await app.ready();
  return app;
}
