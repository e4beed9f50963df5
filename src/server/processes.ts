import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.ts';

/**
 * The primary of PROCESSES > 1 (decision 0033): forks the app processes,
 * which share the listening port (node:cluster hands connections round-robin),
 * replaces one that dies, and on SIGTERM or SIGINT lets each finish its
 * in-flight requests (each shuts down as a single process would) before it
 * exits: 0 when every process closed cleanly. The first process starts alone:
 * it migrates the database and loads the demo data, the others start on it as
 * it is. Jobs, sessions and caches already work across processes (decisions
 * 0010 and 0028).
 */
export async function runPrimary(config: Config, printBanner: (seconds: string) => void): Promise<void> {
  const started = performance.now();
  let stopping = false;

  const listening = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.once('listening', () => resolve());
      worker.once('exit', (code, signal) => reject(new Error(`an app process exited before it listened (${signal ?? code})`)));
    });

  try {
    await listening(cluster.fork());
    await Promise.all(Array.from({ length: config.processes - 1 }, () => listening(cluster.fork())));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(1);
  }
  printBanner(((performance.now() - started) / 1000).toFixed(1));

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`app process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });

  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    const codes = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<number | null>((resolve) => {
            if (worker.isDead()) return resolve(worker.process.exitCode);
            worker.once('exit', (code) => resolve(code));
            worker.process.kill(signal === 'SIGINT' ? 'SIGTERM' : signal);
          }),
      ),
    );
    process.exit(codes.every((code) => code === 0) ? 0 : 1);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
