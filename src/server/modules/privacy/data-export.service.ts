import archiver from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from '../../../domain/cities/city-csv.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { DataExport } from '../../../shared/personal-data.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  claimPendingExport,
  failExport,
  finishExport,
  latestExportOf,
  readyExportContent,
  requestExport,
  sectionQueries,
  setProgress,
  type ExportRow,
} from './data-export.repository.ts';

/** How long a download stays available once ready. */
export const EXPORT_KEPT_MS = 24 * 60 * 60 * 1000;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentExport(row: ExportRow, now: Date): DataExport {
  const expired = row.status === 'ready' && row.expires_at !== null && new Date(row.expires_at) <= now;
  return {
    id: row.id,
    status: expired ? 'expired' : (row.status as DataExport['status']),
    progress: row.progress,
    requestedAt: iso(row.requested_at)!,
    readyAt: iso(row.ready_at),
    expiresAt: iso(row.expires_at),
    sizeBytes: row.size_bytes,
  };
}

/** Asks for a download of my data; while one is being made, answers that one. */
export async function requestMyData(db: Db, user: CurrentUser, now: Date): Promise<{ export: DataExport; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const { row, created } = await requestExport(trx, user.id, now);
    if (created) await recordAudit(trx, { actorId: user.id, action: 'person.data_export_request', entityType: 'person', entityId: user.id });
    return { export: presentExport(row, now), created };
  });
}

/** My latest download, or null when I never asked for one (not an error: the account page asks on every visit). */
export async function myLatestExport(db: Db, user: CurrentUser, now: Date): Promise<DataExport | null> {
  const row = await latestExportOf(db, user.id);
  return row ? presentExport(row, now) : null;
}

export async function myExportFile(db: Db, user: CurrentUser, id: string, now: Date): Promise<{ content: Uint8Array; filename: string }> {
  const row = await readyExportContent(db, user.id, id, now);
  if (!row?.content) throw new AppError('NOT_FOUND', reason('DATA_EXPORT_NOT_FOUND'));
  const day = new Date(row.ready_at ?? now).toISOString().slice(0, 10);
  return { content: row.content, filename: `peercities-my-data-${day}.zip` };
}

type Row = Record<string, unknown>;

const cellOf = (value: unknown): string | number | boolean | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return escapeFormula(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return escapeFormula(JSON.stringify(value));
};

/** One section as CSV: a column per field, objects as JSON text, never a formula (UTF-8 with BOM, for spreadsheets). */
export function rowsToCsv(rows: readonly Row[]): string {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return stringify([headers, ...rows.map((r) => headers.map((h) => cellOf(r[h])))], { bom: true, cast: { boolean: (b) => (b ? 'true' : 'false') } });
}

const README = `Your data on peercities
========================

Everything the platform holds about you, as it was when this file was made.
Each part is in two forms: JSON (complete) and CSV (for a spreadsheet).

account         your account: name, email address, language, choices
roles           the roles you hold and the cities you represent
invitations     invitations sent to you
registrations   your sign-ups
posts, threads  what you wrote in discussion groups
direct_messages, conversations_started, conversation_reads
                your messages to other cities, the conversations you started,
                up to where you read each one and whether you archived it
group_requests  your requests (and messages) to join groups for your city
messages        the emails the platform sent you
evaluations     the evaluations you wrote
visit_feedback  your feedback after study visits
meeting_attendance, visit_delegations, city_contacts  where you are named
consents        the versions of the privacy notice you accepted
sign_ins        your sign-in attempts (when, from which address, whether they succeeded)
sessions        where you are signed in now
my_actions      what you did, as the audit log records it

docs/privacy.md on the platform's site says why each is kept and for how long.
`;

/** Makes the ZIP of one person's data, reporting progress after each section. */
export async function buildExportZip(db: Db, person: { id: string; email: string }, onProgress: (percent: number) => Promise<void>): Promise<Uint8Array> {
  const sections = Object.entries(sectionQueries(db, person));
  const archive = archiver('zip', { zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', resolve);
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  archive.append(README, { name: 'README.txt' });
  let index = 0;
  for (const [name, query] of sections) {
    const rows = (await query()) as Row[];
    archive.append(`${JSON.stringify(rows, null, 2)}\n`, { name: `json/${name}.json` });
    archive.append(rowsToCsv(rows), { name: `csv/${name}.csv` });
    index += 1;
    await onProgress(Math.min(95, Math.round((index / sections.length) * 95)));
  }
  await archive.finalize();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The background job: makes every pending download, one at a time, and
 * stores it for 24 hours. Run right after a request (in the process that got
 * it) and by the scheduler (a request left by a process that stopped). A row
 * is claimed with SKIP LOCKED, so two processes never make the same one.
 */
export async function processPendingExports(db: Db, now: () => Date): Promise<number> {
  let made = 0;
  for (;;) {
    const claimed = await claimPendingExport(db);
    if (!claimed) return made;
    try {
      const person = await db.selectFrom('people').select(['id', 'email']).where('id', '=', claimed.person_id).executeTakeFirstOrThrow();
      const zip = await buildExportZip(db, person, (p) => setProgress(db, claimed.id, p));
      await finishExport(db, claimed.id, zip, now(), EXPORT_KEPT_MS);
      made += 1;
    } catch (err) {
      await failExport(db, claimed.id, err instanceof Error ? err.message : String(err));
    }
  }
}

/** Runs the job in the background of this process, one run at a time; `idle()` waits for it (tests, shutdown). */
export function exportRunner(db: Db, now: () => Date, onError: (err: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> =>
    processPendingExports(db, now)
      .then(() => undefined, onError)
      .then(() => {
        if (again) {
          again = false;
          return run();
        }
        running = null;
      });
  return {
    kick() {
      if (running) again = true;
      else running = run();
    },
    async idle() {
      while (running) await running;
    },
  };
}
