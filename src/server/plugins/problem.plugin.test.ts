import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { problemPlugin, problemServerOptions } from './problem.plugin.ts';

// Every error the server sends is problem+json (issue 19): PostgreSQL's
// refusals of the input as 400/404/409 with the field, never a 500 with a
// stack trace; and the router's and HTTP parser's own answers too.

const isProblem = (res: { headers: Record<string, unknown> }) => expect(String(res.headers['content-type'])).toContain('application/problem+json');

describe('PostgreSQL refusing the input (last line of defence)', () => {
  const logs: { level: number; msg: string }[] = [];
  const pg = new PGlite();
  const app = Fastify({ ...problemServerOptions, logger: { level: 'info', stream: new Writable({ write: (chunk, _e, done) => (logs.push(JSON.parse(String(chunk))), done()) }) } });

  beforeAll(async () => {
    await pg.exec(`CREATE TABLE parent (id uuid PRIMARY KEY, name text, day date, at time, n int);
      CREATE TABLE child (parent_id uuid REFERENCES parent (id));
      INSERT INTO parent (id) VALUES ('00000000-0000-4000-8000-00000000000a');
      INSERT INTO child VALUES ('00000000-0000-4000-8000-00000000000a');`);
    await app.register(problemPlugin);
    // Each route hands its body to the database as it came, as a schema that let something through would.
    app.post('/name', async (req) => pg.query('INSERT INTO parent (id, name) VALUES (gen_random_uuid(), $1)', [(req.body as { name: string }).name]));
    app.post('/json', async (req) => pg.query('SELECT $1::jsonb', [(req.body as { doc: string }).doc]));
    app.post('/id', async (req) => pg.query('SELECT * FROM parent WHERE id = $1', [(req.body as { id: string }).id]));
    app.post('/day', async (req) => pg.query('INSERT INTO parent (id, day) VALUES (gen_random_uuid(), $1)', [(req.body as { day: string }).day]));
    app.post('/at', async (req) => pg.query('INSERT INTO parent (id, at) VALUES (gen_random_uuid(), $1)', [(req.body as { at: string }).at]));
    app.post('/number', async (req) => pg.query('INSERT INTO parent (id, n) VALUES (gen_random_uuid(), $1)', [(req.body as { n: number }).n]));
    app.post('/child', async (req) => pg.query('INSERT INTO child (parent_id) VALUES ($1)', [(req.body as { parentId: string }).parentId]));
    app.delete('/parent', async () => pg.query(`DELETE FROM parent WHERE id = '00000000-0000-4000-8000-00000000000a'`));
    app.post('/ours', async () => pg.query('SELECT * FROM no_such_table'));
  });
  afterAll(async () => {
    await app.close();
    await pg.close();
  });

  it.each([
    ['22021 (NUL in text)', '/name', { name: 'a\u0000b' }],
    ['22P05 (NUL in JSON)', '/json', { doc: '"a\\u0000b"' }],
    ['22P02 (not a uuid)', '/id', { id: 'nope' }],
    ['22008 (no such day)', '/day', { day: '2027-02-30' }],
    ['22008 (no such time)', '/at', { at: '99:99' }],
    ['22007 (not a date)', '/day', { day: 'not a date' }],
    ['22003 (out of range)', '/number', { n: 9007199254740991 }],
  ])('%s is a 400 problem+json', async (_name, url, payload) => {
    const res = await app.inject({ method: 'POST', url, payload });
    expect(res.statusCode).toBe(400);
    isProblem(res);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
  });

  it('a foreign key to a missing row is a 404 naming the field; deleting a row still referred to a 409', async () => {
    const missing = await app.inject({ method: 'POST', url: '/child', payload: { parentId: '00000000-0000-4000-8000-0000000000ff' } });
    expect(missing.statusCode).toBe(404);
    isProblem(missing);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', errors: [{ field: 'body.parentId' }] });
    const referenced = await app.inject({ method: 'DELETE', url: '/parent' });
    expect(referenced.statusCode).toBe(409);
    expect(referenced.json()).toMatchObject({ code: 'CONFLICT' });
  });

  it('logs these as warnings without a stack; an error of our own is still a 500 at error level', async () => {
    logs.length = 0;
    await app.inject({ method: 'POST', url: '/name', payload: { name: 'a\u0000b' } });
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
    expect(logs.find((l) => l.msg === 'database refused the input')).toMatchObject({ level: 40 });
    const ours = await app.inject({ method: 'POST', url: '/ours', payload: {} });
    expect(ours.statusCode).toBe(500);
    expect(logs.some((l) => l.level === 50)).toBe(true);
  });
});

describe("the router's and the HTTP parser's own errors", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('answers a bad %-escape (400), a too long path part (414) and an unknown route (404) as problem+json', async () => {
    const c = await t.client();
    for (const [url, status, code] of [
      ['/api/cities/%ED%A0%80', 400, 'BAD_REQUEST'],
      ['/api/cities/%E0%A4%A', 400, 'BAD_REQUEST'],
      [`/api/cities/${'a'.repeat(300)}`, 414, 'URI_TOO_LONG'],
      ['/api/no-such-route', 404, 'ROUTE_NOT_FOUND'],
    ] as const) {
      const res = await c.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      isProblem(res);
      expect(res.json().code, url).toBe(code);
    }
  });

  it('answers bad JSON (400), a wrong content type (415) and a body too large (413) as problem+json', async () => {
    const c = await t.client();
    const cases = [
      [{ 'content-type': 'application/json' }, '{"email":', 400],
      [{ 'content-type': 'application/xml' }, '<a/>', 415],
      [{ 'content-type': 'application/json' }, JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }), 413],
    ] as const;
    for (const [headers, payload, status] of cases) {
      const res = await c.request({ method: 'POST', url: '/api/session', headers, payload });
      expect(res.statusCode).toBe(status);
      isProblem(res);
    }
  });

  it('answers what the HTTP parser refuses (bad request line 400, headers too large 431) as problem+json', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
        let answer = '';
        socket.on('data', (d) => (answer += String(d)));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toContain('application/problem+json');
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    const huge = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 'HEADERS_TOO_LARGE' });
  });
});

describe('a request that arrives while the server closes', () => {
  it('is answered 503 problem+json with Retry-After, not Fastify’s plain JSON', async () => {
    const app = Fastify({ ...problemServerOptions, logger: false });
    await app.register(problemPlugin);
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let closingStarted: () => void = () => {};
    const closing = new Promise<void>((resolve) => (closingStarted = resolve));
    app.addHook('preClose', async () => closingStarted());
    let slowStarted: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => (slowStarted = resolve));
    app.get('/slow', async () => {
      slowStarted();
      await released;
      return { done: true };
    });
    app.get('/fast', async () => ({ fast: true }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };

    // A keep-alive connection busy with /slow is not closed by server.close(); the next
    // request on it arrives while the server closes.
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += String(chunk)));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('GET /slow HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    await inFlight;
    const closed = app.close();
    await closing;
    socket.write('GET /fast HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await ended;
    await closed;

    const answers = received.split(/(?=HTTP\/1\.1 )/);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200/);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503/);
    expect(answers[1]).toMatch(/content-type: application\/problem\+json/i);
    expect(answers[1]).toMatch(/retry-after: 5/i);
    expect(answers[1]).toMatch(/connection: close/i);
    expect(JSON.parse(answers[1]!.split('\r\n\r\n')[1]!)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });
});
