import cluster from 'node:cluster';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { runPrimary } from './processes.ts';
import { DEMO_PASSWORD } from './seed/demo-seed.ts';

// Listens and shuts down gracefully; everything else lives in buildApp.
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const banner = (seconds: string) => {
    const where = config.database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.database.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
    console.log(
      [
        '',
        `peercities is running at ${config.publicUrl} (ready in ${seconds} s)`,
        `  database: ${where}`,
        ...(config.processes > 1 ? [`  processes: ${config.processes} (PROCESSES)`] : []),
        `  email:    ${config.smtpUrl ? 'SMTP (SMTP_URL)' : `development mailbox at ${config.publicUrl}/admin/mailbox`}`,
        `  API docs: ${config.publicUrl}/api/docs`,
        ...(config.seedDemo
          ? ['', 'Sign in to the demo as programme manager:', '  email:    manager@demo.peercities.eu', `  password: ${DEMO_PASSWORD}`, '  (other demo accounts are listed in README.md)']
          : []),
        '',
      ].join('\n'),
    );
  };
  // Several processes sharing the port (decision 0033): the primary only forks and watches them.
  if (config.processes > 1 && cluster.isPrimary) return runPrimary(config, banner);

  const started = performance.now();
  const app = await buildApp(config);
  await app.listen({ host: config.host, port: config.port });
  if (cluster.isPrimary) banner(((performance.now() - started) / 1000).toFixed(1));

  // Graceful shutdown (decision 0028): stop accepting connections, close idle keep-alive
  // connections (and each one that becomes idle: answers made while closing say
  // `Connection: close`), let in-flight requests finish, then stop the jobs, the solver
  // threads and the database (the app's onClose hooks) and exit 0.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const reapIdle = setInterval(() => app.server.closeIdleConnections(), 250);
    reapIdle.unref();
    const force = setTimeout(() => {
      app.log.error(`shutdown took longer than ${config.shutdownTimeoutMs} ms; closing every connection and exiting`);
      app.server.closeAllConnections();
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await app.close();
      clearInterval(reapIdle);
      app.log.info('shut down');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
