import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-support/test-app.ts';

/**
 * Bad input never reaches a 500 (issue 19). The route × role idea of
 * authorization-matrix.test.ts, with hostile values: every operation of the
 * API (its OpenAPI document), called by someone it admits, gets NUL bytes
 * and lone surrogates in every path, query and body string, impossible
 * dates and times in its date and time fields, and unknown ids and huge
 * integers in its id and number fields. Every answer is a 4xx problem+json
 * (or a 2xx where the value is legitimately fine, such as an unknown id in a
 * filter), and a refused request changes no row of any table.
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
};
type Parameter = { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } };
type Route = { method: string; path: string; key: string; params: Parameter[]; body: JsonSchema | null };

const NUL = 'fu\u0000zz';
const LONE_SURROGATE = 'fu\ud800zz';
// A lone surrogate cannot be UTF-8: in a URL it is the bytes an encoder that did not check would send.
const URL_NUL = 'fu%00zz';
const URL_LONE_SURROGATE = 'fu%ED%A0%80zz';
const IMPOSSIBLE_TIMES = ['2027-02-30', '0000-00-00', '99:99', '24:00', '2027-02-30T25:61', '2027-02-30T10:00:00Z', '2027-13-01T10:00:00+01:00'];
const HUGE_INTEGERS = [2147483648, 9007199254740991];

const isDateLike = (name: string, s: JsonSchema) =>
  ['date-time', 'date', 'time'].includes(s.format ?? '') || /\\d\{(2|4)\}[-:]\\d\{2\}|-02-29|2\[0-3\]\):/.test(s.pattern ?? '') || /(date|Date|time|Time|At|AtLocal|^from|^to|day|Day)$/.test(name);
const isIdLike = (name: string, s: JsonSchema) => s.format === 'uuid' || /(^id|Id|Ids)$/.test(name);

function nonNull(s: JsonSchema): JsonSchema {
  const options = s.anyOf ?? s.oneOf;
  if (options) return nonNull(options.find((o) => o.type !== 'null') ?? options[0] ?? {});
  if (s.allOf?.length) return nonNull(Object.assign({}, ...s.allOf) as JsonSchema);
  if (Array.isArray(s.type)) return { ...s, type: s.type.find((t) => t !== 'null') ?? 'string' };
  return s;
}

/** A plausible valid value for a schema, so that one bad field at a time reaches as deep as it can. */
function example(raw: JsonSchema): unknown {
  const s = nonNull(raw);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, example(v)]));
    case 'array':
      return s.maxItems === 0 ? [] : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => example(s.items ?? {}));
    case 'integer':
    case 'number':
      return s.minimum !== undefined && s.minimum > -1e9 ? Math.max(s.minimum, Math.min(1, s.maximum ?? 1)) : Math.min(1, s.maximum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      return exampleString(s);
    default:
      return null;
  }
}

function exampleString(s: JsonSchema): string {
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'email') return 'fuzz@example.org';
  if (s.format === 'uri') return 'https://example.org/';
  if (s.format === 'date-time') return '2027-05-20T10:00:00+02:00';
  const p = s.pattern ?? '';
  if (p.includes('T\\d{2}:\\d{2}') || (p.includes('-02-29') && p.includes('T(?:'))) return '2027-05-20T10:00';
  if (p.startsWith('^(?:[01]\\d|2[0-3])')) return '09:30';
  if (p.includes('\\d{4}-\\d{2}-\\d{2}') || p.startsWith('^(?:(?:\\d\\d[2468]')) return '2027-05-20';
  if (p.includes('\\d{2}:\\d{2}')) return '09:30';
  if (p === '^[A-Z]{2}$') return 'BE';
  if (p === '^[a-z]{2}$') return 'en';
  if (p.startsWith('^[a-z0-9]+(-')) return 'fuzz-slug';
  if (p.startsWith('^[a-z0-9_]')) return 'fuzz_id';
  const base = 'fuzz value';
  return base.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? Infinity);
}

type Leaf = { path: (string | number)[]; name: string; schema: JsonSchema };
function leaves(raw: JsonSchema, path: (string | number)[] = [], name = ''): Leaf[] {
  const s = nonNull(raw);
  if (s.type === 'object') return Object.entries(s.properties ?? {}).flatMap(([k, v]) => leaves(v, [...path, k], k));
  if (s.type === 'array') return s.maxItems === 0 ? [] : leaves(s.items ?? {}, [...path, 0], name);
  return [{ path, name, schema: s }];
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
  return copy;
}

/** The hostile values for one field, and whether a 2xx is a fine answer to them. */
function hostile(name: string, s: JsonSchema, inUrl: boolean): { label: string; value: unknown; mayPass: boolean }[] {
  const out: { label: string; value: unknown; mayPass: boolean }[] = [];
  if (s.type === 'string') {
    out.push({ label: 'NUL', value: inUrl ? URL_NUL : NUL, mayPass: false });
    out.push({ label: 'lone surrogate', value: inUrl ? URL_LONE_SURROGATE : LONE_SURROGATE, mayPass: false });
    if (isDateLike(name, s)) for (const v of IMPOSSIBLE_TIMES) out.push({ label: `impossible ${v}`, value: v, mayPass: false });
    if (isIdLike(name, s)) out.push({ label: 'unknown id', value: randomUUID(), mayPass: true });
  }
  if (s.type === 'integer' || s.type === 'number') {
    // Beyond PostgreSQL's integer, where the schema does not say a maximum: a legitimate value may still be refused, never a 500.
    for (const v of HUGE_INTEGERS) if ((s.maximum ?? Infinity) >= v) out.push({ label: `integer ${v}`, value: inUrl ? String(v) : v, mayPass: true });
  }
  return out;
}

let t: TestApp;
let routes: Route[];
const real: Record<string, string> = {};

async function first(query: string): Promise<string> {
  const row = (await sql.raw<{ v: string }>(query).execute(t.app.db)).rows[0];
  if (!row) throw new Error(`No demo row for ${query}`);
  return String(row.v);
}

beforeAll(async () => {
  t = await createTestApp();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      key: `${method.toUpperCase()} ${path}`,
      params: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  );
  // Real rows of the demo, so that a bad field reaches as deep as a good request would.
  Object.assign(real, {
    programmes: await first(`SELECT slug AS v FROM programmes ORDER BY created_at LIMIT 1`),
    cities: await first(`SELECT slug AS v FROM cities WHERE slug = 'valencia' UNION ALL SELECT slug FROM cities LIMIT 1`),
    cityId: await first(`SELECT id AS v FROM cities WHERE slug = 'valencia' UNION ALL SELECT id FROM cities LIMIT 1`),
    groups: await first(`SELECT id AS v FROM discussion_groups LIMIT 1`),
    meetings: await first(`SELECT id AS v FROM group_meetings LIMIT 1`),
    sessions: await first(`SELECT id AS v FROM group_meetings LIMIT 1`),
    applications: await first(`SELECT id AS v FROM applications LIMIT 1`),
    visits: await first(`SELECT id AS v FROM study_visits LIMIT 1`),
    threads: await first(`SELECT id AS v FROM group_threads LIMIT 1`),
    posts: await first(`SELECT id AS v FROM group_posts LIMIT 1`),
    solutions: await first(`SELECT id AS v FROM solutions LIMIT 1`),
    people: await first(`SELECT id AS v FROM people WHERE email = 'expert@demo.peercities.eu'`),
    evaluatorId: await first(`SELECT id AS v FROM people WHERE email = 'evaluator@demo.peercities.eu'`),
    personId: await first(`SELECT id AS v FROM people WHERE email = 'valencia@demo.peercities.eu'`),
  });
});
afterAll(async () => t?.close());

/** The path with real or stand-in values; `override` replaces one parameter. */
function fillPath(route: Route, override?: { name: string; value: string }): string {
  let prefix = '';
  return route.path.replace(/\/([^/{}]*)\{(\w+)\}/g, (_m, before: string, name: string) => {
    const collection = before === '' ? prefix : before.replace(/\/$/, '');
    prefix = collection;
    const value =
      override?.name === name
        ? override.value
        : ({ slug: real[collection], id: real[collection], cityId: real.cityId, personId: real.personId, evaluatorId: real.evaluatorId, questionId: 'motivation', token: 'x'.repeat(43), kind: 'host', format: 'csv', role: 'facilitator' } as Record<string, string | undefined>)[name];
    return `/${before}${value ?? randomUUID()}`;
  });
}

const PRINCIPALS = ['manager@demo.peercities.eu', 'valencia@demo.peercities.eu', 'facilitator@demo.peercities.eu', 'evaluator@demo.peercities.eu', 'expert@demo.peercities.eu'];

/** Every table's row count and an order-free checksum of its rows. */
async function checksums(): Promise<Record<string, string>> {
  // A download of my data asked for by an accepted request is made in the background: let it finish first.
  await t.app.dataExports.idle();
  const tables = (
    await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(t.app.db)
  ).rows.map((r) => r.name);
  // A session's last_seen_at moves on any request now and then (session.repository.ts): sessions are counted, not summed.
  const sum = (name: string) => (name === 'sessions' ? `''` : `coalesce(sum(hashtext(x::text)::bigint), 0)`);
  const union = tables.map((name) => `SELECT '${name}' AS name, count(*) || ':' || ${sum(name)} AS sum FROM "${name}" x`).join(' UNION ALL ');
  // Without parallel workers: over some 60 tables PostgreSQL plans a Parallel Append, and starting its workers
  // for each of the ~1,300 checksums took the test from 42 s to 205 s.
  const rows = await t.app.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
    return (await sql.raw<{ name: string; sum: string }>(union).execute(trx)).rows;
  });
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

describe('hostile input', () => {
  it('answers every operation 4xx problem+json (never 5xx) and a refused request changes nothing', async () => {
    const clients = new Map<string, TestClient>();
    for (const email of PRINCIPALS) clients.set(email, await t.signedIn(email));
    const failures: string[] = [];
    const serverErrors = new Map<string, number>();
    let requests = 0;
    let state = await checksums();

    for (const route of routes) {
      // Signing out or changing a password would end the session the next requests need: a fresh one each time.
      const ownSession = route.path === '/api/session' || route.path.startsWith('/api/me/password');
      const baseBody = route.body ? example(route.body) : undefined;
      const requiredQuery = route.params.filter((p) => p.in === 'query' && p.required);
      const baseQuery = Object.fromEntries(requiredQuery.map((p) => [p.name, String(example(p.schema))]));

      // Who may call it: the first demo person the route does not refuse (probed with unknown ids, so nothing changes).
      let principal = PRINCIPALS[0] as string;
      for (const email of PRINCIPALS) {
        const c = ownSession ? await t.signedIn(email) : (clients.get(email) as TestClient);
        const probe = await c.request({ method: route.method as 'GET', url: route.path.replace(/\{\w+\}/g, randomUUID()), query: baseQuery, ...(route.body ? { payload: {} } : {}) });
        const code = String(probe.headers['content-type'] ?? '').includes('problem+json') ? probe.json().code : null;
        if (code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED') {
          principal = email;
          break;
        }
      }

      // A probe may have been a valid request (an empty PATCH): measure from after it.
      state = await checksums();
      const cases: { label: string; url: string; query: Record<string, string>; body: unknown; mayPass: boolean }[] = [];
      for (const p of route.params.filter((p) => p.in === 'path')) {
        for (const h of hostile(p.name, { ...nonNull(p.schema), type: 'string' }, true)) {
          cases.push({ label: `path ${p.name}: ${h.label}`, url: fillPath(route, { name: p.name, value: String(h.value) }), query: baseQuery, body: baseBody, mayPass: h.mayPass });
        }
      }
      for (const p of route.params.filter((p) => p.in === 'query')) {
        for (const h of hostile(p.name, nonNull(p.schema), true)) {
          // The query parser keeps an undecodable %-escape as it came (the text "%ED%A0%80"): a search for it is fine.
          const mayPass = h.mayPass || h.label === 'lone surrogate';
          cases.push({ label: `query ${p.name}: ${h.label}`, url: fillPath(route), query: { ...baseQuery, [p.name]: String(h.value) }, body: baseBody, mayPass });
        }
      }
      if (route.body) {
        for (const leaf of leaves(route.body)) {
          for (const h of hostile(leaf.name, leaf.schema, false)) {
            cases.push({ label: `body ${leaf.path.join('.')}: ${h.label}`, url: fillPath(route), query: baseQuery, body: withValue(baseBody, leaf.path, h.value), mayPass: h.mayPass });
          }
        }
      }

      for (const c of cases) {
        const client = ownSession ? await t.signedIn(principal) : (clients.get(principal) as TestClient);
        // Signing in the fresh session wrote rows: measure from after it.
        if (ownSession) state = await checksums();
        // Query strings are written out by hand: the hostile ones are already percent-encoded.
        const qs = Object.entries(c.query)
          .map(([k, v]) => `${k}=${/%[0-9A-F]{2}/.test(v) ? v : encodeURIComponent(v)}`)
          .join('&');
        const res = await client.request({ method: route.method as 'GET', url: qs ? `${c.url}?${qs}` : c.url, ...(c.body !== undefined ? { payload: c.body as object } : {}) });
        requests++;
        const where = `${route.key} ${c.label}`;
        const status = res.statusCode;
        if (status >= 500) {
          serverErrors.set(route.key, (serverErrors.get(route.key) ?? 0) + 1);
          failures.push(`${where}: ${status} ${res.body.slice(0, 160)}`);
          state = await checksums();
          continue;
        }
        if (status >= 200 && status < 300) {
          if (!c.mayPass) failures.push(`${where}: accepted with ${status}`);
          state = await checksums();
          continue;
        }
        if (status >= 400 && !String(res.headers['content-type']).includes('application/problem+json')) failures.push(`${where}: ${status} is not problem+json`);
        const after = await checksums();
        const changed = Object.keys(after).filter((k) => after[k] !== state[k]);
        if (changed.length) failures.push(`${where}: refused with ${status} yet changed ${changed.join(', ')}`);
        state = after;
      }
    }
    const serverErrorCount = [...serverErrors.values()].reduce((a, b) => a + b, 0);
    console.info(`input fuzz: ${requests} requests on ${routes.length} operations; ${serverErrorCount} server errors on ${serverErrors.size} operations; ${failures.length} failures`);
    expect(failures).toEqual([]);
    // About 1,100 requests, each followed by a checksum of every table: minutes on a busy machine.
  }, 900_000);
});
