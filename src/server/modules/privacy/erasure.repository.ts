import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { MENTION_COLUMNS } from './personal-data-map.ts';

type Q = Kysely<Database>;

/** What an erased account reads as, and what replaces the person's name, email and phone in free text. */
export const FORMER_PARTICIPANT = 'Former participant';

export interface Identity {
  id: string;
  email: string;
  name: string;
  /** Phone numbers of city contacts with the person's email address. */
  phones: string[];
}

const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint } | undefined) => Number(result?.numDeletedRows ?? result?.numUpdatedRows ?? 0n);

/** Locks the person's row for the erasure. */
export function lockPerson(db: Q, id: string) {
  return db.selectFrom('people').select(['id', 'email', 'name', 'erased_at', 'disabled_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function identityOf(db: Q, person: { id: string; email: string; name: string }): Promise<Identity> {
  const phones = await db
    .selectFrom('city_contacts')
    .select('phone')
    .where(sql<string>`lower(email)`, '=', person.email.toLowerCase())
    .where('phone', 'is not', null)
    .execute();
  return { ...person, phones: [...new Set(phones.map((p) => p.phone).filter((p): p is string => Boolean(p && p.trim().length >= 5)))] };
}

/** Deletes the rows that are the person's and that the programme's record does not need; counts by table. */
export async function deletePersonalRows(db: Q, who: Identity): Promise<Record<string, number>> {
  const email = who.email.toLowerCase();
  const byPerson = [
    'sessions', 'password_resets', 'calendar_feeds', 'digest_cursors', 'work_reminders', 'meeting_reminders', 'visit_notices',
    'facilitator_unavailability', 'group_facilitators', 'role_grants', 'data_exports',
    'two_factor', 'two_factor_recovery_codes', 'two_factor_challenges', 'remembered_devices',
    'conversation_reads', 'notifications', 'notification_preferences',
    'expert_profiles', 'expert_conflicts',
    'survey_invitations', 'survey_drafts',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of byPerson) counts[table] = count(await db.deleteFrom(table).where('person_id', '=', who.id).executeTakeFirst());
  counts.invitations = count(
    await db.deleteFrom('invitations').where((eb) => eb.or([eb('email', '=', email), eb('accepted_person_id', '=', who.id)])).executeTakeFirst(),
  );
  counts.registrations = count(
    await db.deleteFrom('registrations').where((eb) => eb.or([eb(sql<string>`lower(email)`, '=', email), eb('person_id', '=', who.id)])).executeTakeFirst(),
  );
  counts.registration_attempts = count(await db.deleteFrom('registration_attempts').where(sql<string>`lower(email)`, '=', email).executeTakeFirst());
  counts.sign_in_attempts = count(await db.deleteFrom('sign_in_attempts').where(sql<string>`lower(email)`, '=', email).executeTakeFirst());
  counts.outbox = count(await db.deleteFrom('outbox').where(sql<string>`lower(to_address)`, '=', email).executeTakeFirst());
  counts.city_contacts = count(await db.deleteFrom('city_contacts').where(sql<string>`lower(email)`, '=', email).executeTakeFirst());
  return counts;
}

/** Overwrites the person's own row and the visit delegate rows with their email address. */
export async function anonymiseRows(db: Q, who: Identity, at: Date): Promise<Record<string, number>> {
  const people = await db
    .updateTable('people')
    .set({
      email: `erased-${who.id}@erased.invalid`,
      name: FORMER_PARTICIPANT,
      password_hash: null,
      locale: 'en',
      last_sign_in_at: null,
      newsletter_opt_in: false,
      directory_opt_in: false,
      digest_opt_out: true,
      approval_pending: false,
      disabled_at: sql<Date>`coalesce(disabled_at, ${at})`,
      erased_at: at,
      updated_at: at,
    })
    .where('id', '=', who.id)
    .executeTakeFirst();
  const delegates = await db
    .updateTable('visit_delegates')
    .set({ name: FORMER_PARTICIPANT, email: null, role_title: '', dietary: '', access_needs: '' })
    .where(sql<string>`lower(email)`, '=', who.email.toLowerCase())
    .executeTakeFirst();
  // Named survey answers stay, without the person (per-person ones lose the key naming them too); the drafts of their cities lose who saved them.
  const responses = await db
    .updateTable('survey_responses')
    .set((eb) => ({ person_id: null, respondent_key: sql<string>`CASE WHEN ${eb.ref('respondent_key')} LIKE 'person:%' THEN 'erased:' || ${eb.ref('id')} ELSE ${eb.ref('respondent_key')} END` }))
    .where('person_id', '=', who.id)
    .executeTakeFirst();
  await db.updateTable('survey_drafts').set({ saved_by: null }).where('saved_by', '=', who.id).execute();
  // The IP addresses the person acted from; the events stay.
  await db.updateTable('audit_events').set({ ip: null }).where('actor_id', '=', who.id).where('ip', 'is not', null).execute();
  return { people: count(people), visit_delegates: count(delegates), survey_responses: count(responses) };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The text as it appears inside a JSON string (quotes and backslashes escaped). */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Replaces the person's name, email address and phone numbers, wherever a
 * free-text column that may mention people holds them (MENTION_COLUMNS),
 * with "Former participant". Case-insensitive; JSON columns are rewritten as
 * text with the JSON-escaped forms, so they stay valid JSON.
 */
export async function scrubMentions(db: Q, who: Identity): Promise<number> {
  const needles = [who.email, who.name, ...who.phones].filter((n) => n.trim().length >= 3);
  if (!needles.length) return 0;
  const types = await sql<{ table_name: string; column_name: string; data_type: string }>`
    SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'`.execute(db);
  const typeOf = new Map(types.rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
  let changed = 0;
  for (const { table, column } of MENTION_COLUMNS) {
    const type = typeOf.get(`${table}.${column}`);
    const json = type === 'jsonb' || type === 'json';
    if (!json && type !== 'text' && type !== 'character varying') continue;
    const col = sql.ref(column);
    const patterns = needles.map((n) => escapeRegex(json ? inJson(n) : n));
    const pattern = patterns.join('|');
    const replacement = json ? inJson(FORMER_PARTICIPANT) : FORMER_PARTICIPANT;
    const value = json
      ? sql`regexp_replace(${col}::text, ${pattern}, ${replacement}, 'gi')::${sql.raw(type)}`
      : sql`regexp_replace(${col}, ${pattern}, ${replacement}, 'gi')`;
    const result = await sql`UPDATE ${sql.table(table)} SET ${col} = ${value} WHERE ${col}::text ~* ${pattern}`.execute(db);
    changed += Number(result.numAffectedRows ?? 0n);
  }
  return changed;
}

/** Rows of the tables kept as the programme's record that point at the person (any foreign key to people). */
export async function keptRowCounts(db: Q, personId: string): Promise<Record<string, number>> {
  const refs = await sql<{ table_name: string; column_name: string }>`
    SELECT c.conrelid::regclass::text AS table_name, a.attname AS column_name
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
     WHERE c.contype = 'f' AND c.confrelid = 'people'::regclass
     ORDER BY 1, 2`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const r of refs.rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  const counts: Record<string, number> = {};
  for (const [table, columns] of byTable) {
    const where = sql.join(columns.map((c) => sql`${sql.ref(c)} = ${personId}`), sql` OR `);
    const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(db);
    const n = row.rows[0]?.n ?? 0;
    if (n > 0) counts[table] = n;
  }
  return counts;
}
