import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_FIRST_ANSWER_WORKING_DAYS } from '../shared/support.schemas.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Names proxy-addr (fastify's trustProxy) knows for address ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies to believe about the client's address and protocol
 * (`X-Forwarded-For`, `X-Forwarded-Proto`): none (`false`), a number of hops
 * in front of the server, or the proxies' addresses and CIDR ranges. Never
 * every hop: then any client sets its own address (decision 0025).
 */
const TrustProxy = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (/^(true|yes)$/i.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message:
          '"true" would trust every hop, so any client could set its own address with X-Forwarded-For. Give the number of proxies in front of the server (e.g. 1), or their addresses or CIDR ranges separated by commas (e.g. 10.0.0.1,10.1.0.0/16); "false" trusts none',
      });
      return;
    }
    if (/^(false|no)$/i.test(v) || /^\d+$/.test(v)) return;
    const bad = v.split(',').map((x) => x.trim()).filter((x) => !isProxyAddress(x));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `not a number of hops, nor IP addresses or CIDR ranges: ${bad.join(', ')}` });
  })
  .transform((v): false | number | string[] => {
    if (/^(false|no)$/i.test(v)) return false;
    if (/^\d+$/.test(v)) return Number(v) === 0 ? false : Number(v);
    return v.split(',').map((x) => x.trim());
  });

/**
 * Every environment variable the platform reads, with its default.
 * README.md lists the same table; keep them together.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_CACHE: booleanFlag.default(true),
  DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('peercities <no-reply@peercities.localhost>'),
  CONTACT_EMAIL: z.email().default('programme-team@demo.peercities.eu'),
  SEED_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TRUST_PROXY: TrustProxy.default(false),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (a long random secret)').optional(),
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
  MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  WEB_DIST_DIR: z.string().min(1).default('dist/web'),
  SOLVER_THREADS: z.coerce.number().int().min(1).max(64).default(Math.max(1, os.availableParallelism() - 1)),
  SOLVER_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(30_000),
  SOLVER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(6),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  RETENTION_SIGN_IN_ATTEMPTS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  RETENTION_SENT_EMAIL_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RETENTION_UNSELECTED_ATTACHMENTS_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  RETENTION_NOTIFICATIONS_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  SECOND_FACTOR_FOR_MANAGERS: booleanFlag.optional(),
  SUPPORT_FIRST_ANSWER_DAYS: z.coerce.number().int().min(1).max(60).default(DEFAULT_FIRST_ANSWER_WORKING_DAYS),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  /** Base URL used in links sent by email. */
  publicUrl: string;
  database:
    // `snapshot`: a dump (PGlite dumpDataDir) to start an in-memory database
    // from instead of an empty one; the test suites use it to skip initdb.
    | { kind: 'pglite'; dataDir: string; snapshot?: Blob }
    | { kind: 'postgres'; url: string; poolSize: number };
  /** Remember checked sessions for up to a minute (docs/decisions/0010); off where LISTEN/NOTIFY cannot work. */
  sessionCache: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  /** Where people write to the programme team: the home page and the footer show it. */
  contactEmail: string;
  seedDemo: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  /** `false`, a hop count, or the proxies' addresses/CIDR ranges (fastify's `trustProxy`); never `true`. */
  trustProxy: false | number | string[];
  /** Bearer token that opens /metrics from other addresses than the loopback one; null: loopback only. */
  metricsToken: string | null;
  passwordHashCost: number;
  mailWorkerIntervalMs: number;
  /** How often the scheduler looks for due reminders and digests. */
  schedulerIntervalMs: number;
  webDistDir: string;
  /** Worker threads, time limit and per-person rate of POST /api/matching/solve (decision 0028). */
  solver: { threads: number; timeoutMs: number; perPersonPerMinute: number };
  /** How long a shutdown waits for in-flight requests before it gives up (decision 0028). */
  shutdownTimeoutMs: number;
  /** App processes sharing the port (node:cluster, decision 0033); more than one needs DATABASE_URL. */
  processes: number;
  /** What the retention job keeps, in days (docs/privacy.md). */
  retention: { signInAttemptsDays: number; sentEmailDays: number; unselectedAttachmentsDays: number; notificationsDays: number };
  /** Programme managers must use two-step sign-in (docs/decisions/0027); default: on, except with the demo data. */
  secondFactorForManagers: boolean;
  /** Expert support (docs/support.md): working days for a first answer (Europe/Brussels, Belgian public holidays off). */
  support: { firstAnswerWorkingDays: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; a wrong value names the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.PROCESSES > 1 && !e.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  PROCESSES: more than one process needs a PostgreSQL server (DATABASE_URL); the embedded database lives in one process');
  }
  const dataDir = e.DATA_DIR.startsWith('memory://') ? e.DATA_DIR : path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir },
    sessionCache: e.SESSION_CACHE,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    contactEmail: e.CONTACT_EMAIL,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN ?? null,
    passwordHashCost: e.PASSWORD_HASH_COST,
    mailWorkerIntervalMs: e.MAIL_WORKER_INTERVAL_MS,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    solver: { threads: e.SOLVER_THREADS, timeoutMs: e.SOLVER_TIMEOUT_MS, perPersonPerMinute: e.SOLVER_RATE_PER_MINUTE },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    processes: e.PROCESSES,
    retention: {
      signInAttemptsDays: e.RETENTION_SIGN_IN_ATTEMPTS_DAYS,
      sentEmailDays: e.RETENTION_SENT_EMAIL_DAYS,
      unselectedAttachmentsDays: e.RETENTION_UNSELECTED_ATTACHMENTS_DAYS,
      notificationsDays: e.RETENTION_NOTIFICATIONS_DAYS,
    },
    secondFactorForManagers: e.SECOND_FACTOR_FOR_MANAGERS ?? !e.SEED_DEMO,
    support: { firstAnswerWorkingDays: e.SUPPORT_FIRST_ANSWER_DAYS },
  };
}
