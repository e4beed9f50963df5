import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { sendDailyDigests } from '../../jobs/daily-digest.ts';
import { reason } from '../../../shared/reason-texts.ts';

let t: TestApp;
let facilitator: TestClient;
let toulouse: TestClient;
let groupId: string;
let threadId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-06-01T10:00:00Z');
  const manager = await t.signedIn('manager@demo.peercities.eu');
  await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Threads edition', format: 'group_study_visits', editionYear: 2027, slug: 'threads' } });
  facilitator = await t.signedIn('facilitator@demo.peercities.eu');
  groupId = (await facilitator.request({ method: 'POST', url: '/api/programmes/threads/groups', payload: { name: 'Mobility in English', sectors: ['mobility'], language: 'en', capacity: 10 } })).json().id;
  const toulouseId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'toulouse').executeTakeFirstOrThrow()).id;
  const hash = (await t.app.db.selectFrom('people').select('password_hash').where('email', '=', 'lahti@demo.peercities.eu').executeTakeFirstOrThrow()).password_hash;
  const person = await t.app.db.insertInto('people').values({ email: 'toulouse@example.org', name: 'Greta Graz', password_hash: hash }).returning('id').executeTakeFirstOrThrow();
  await t.app.db.insertInto('role_grants').values({ person_id: person.id, role: 'city_representative', city_id: toulouseId }).execute();
  toulouse = await t.signedIn('toulouse@example.org');
  await toulouse.request({ method: 'POST', url: `/api/groups/${groupId}/interest`, payload: { cityId: toulouseId } });
  await facilitator.request({ method: 'PUT', url: `/api/groups/${groupId}/members/${toulouseId}`, payload: { status: 'admitted' } });
  // The demo groups' posts are new too: send their digests first, so the test counts only its own.
  await sendDailyDigests(t.app.db, new Date(), 'http://x');
  await t.app.db.deleteFrom('outbox').execute();
});
afterAll(async () => t.close());

describe('discussion threads', () => {
  it('store a post with script or event handlers sanitised', async () => {
    const res = await toulouse.request({
      method: 'POST',
      url: `/api/groups/${groupId}/threads`,
      payload: {
        title: 'Superblocks: where to start?',
        body: '<p onclick="alert(1)">Hello <strong>all</strong><script>alert("x")</script><img src=x onerror=alert(2)> <a href="javascript:alert(3)">bad</a> <a href="https://valencia.es">good</a></p>',
      },
    });
    expect(res.statusCode).toBe(201);
    threadId = res.json().thread.id;
    const body = res.json().posts[0].bodyHtml;
    expect(body).toBe('<p>Hello <strong>all</strong> <a rel="noopener noreferrer nofollow">bad</a> <a href="https://valencia.es" rel="noopener noreferrer nofollow">good</a></p>');
    expect(res.json().posts[0]).toMatchObject({ author: 'Greta Graz', authorCity: 'Toulouse' });
  });

  it('refuse a post that is only unsafe content', async () => {
    const res = await toulouse.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: '<script>alert(1)</script>' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.body');
  });

  it('are private to the group: an outsider sees nothing', async () => {
    const outsider = await t.signedIn('lahti@demo.peercities.eu');
    expect((await outsider.request({ method: 'GET', url: `/api/threads/${threadId}` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'GET', url: `/api/groups/${groupId}/threads` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: 'hi' } })).statusCode).toBe(404);
    const otherFacilitator = await t.signedIn('facilitator2@demo.peercities.eu');
    expect((await otherFacilitator.request({ method: 'GET', url: `/api/threads/${threadId}` })).statusCode).toBe(404);
    const manager = await t.signedIn('manager@demo.peercities.eu');
    expect((await manager.request({ method: 'GET', url: `/api/threads/${threadId}` })).statusCode).toBe(200);
  });

  it('take replies with mentions of cities', async () => {
    const valencia = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'valencia').executeTakeFirstOrThrow()).id;
    const first = (await facilitator.request({ method: 'GET', url: `/api/threads/${threadId}` })).json().posts[0].id;
    const res = await facilitator.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: 'Ask <em>Valencia</em>!', replyTo: first, mentionedCityIds: [valencia] } });
    expect(res.statusCode).toBe(201);
    const reply = res.json().post;
    expect(reply).toMatchObject({ bodyHtml: 'Ask <em>Valencia</em>!', replyTo: first, mentionedCities: [{ name: 'Valencia', slug: 'valencia' }], hidden: null });
    expect(res.json()).toMatchObject({ thread: { id: threadId, postCount: 2 }, page: 1 });
    // The answer is the post as the thread shows it.
    const page = (await toulouse.request({ method: 'GET', url: `/api/threads/${threadId}` })).json();
    expect(page.posts.at(-1)).toEqual(reply);
    expect(page.thread).toEqual(res.json().thread);
  });

  it('let facilitators pin, close and hide, with the reason in the audit log', async () => {
    expect((await toulouse.request({ method: 'PATCH', url: `/api/threads/${threadId}`, payload: { pinned: true } })).statusCode).toBe(403);
    const pinned = await facilitator.request({ method: 'PATCH', url: `/api/threads/${threadId}`, payload: { pinned: true, closed: true } });
    expect(pinned.json().thread).toMatchObject({ pinned: true, closed: true });
    const closed = await toulouse.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: 'One more thing' } });
    expect(closed.statusCode).toBe(409);
    const postId = pinned.json().posts[0].id;
    const hidden = await facilitator.request({ method: 'POST', url: `/api/posts/${postId}/hide`, payload: { reason: 'Off topic' } });
    expect(hidden.json().posts[0]).toMatchObject({ bodyHtml: null, hidden: { reason: 'Off topic' } });
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', postId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'post.hide', details: { reason: 'Off topic' } });
  });
});

describe('daily digest', () => {
  it('emails each member the new visible posts by others once, and respects the opt-out', async () => {
    const now = new Date(Date.now() + 60_000);
    // Toulouse gets the facilitator's reply; the facilitator gets nothing: the only post by someone else was hidden.
    expect(await sendDailyDigests(t.app.db, now, 'http://x')).toBe(1);
    const mails = await t.app.db.selectFrom('outbox').select(['to_address', 'subject', 'text_body']).where('subject', 'like', '%new post%').orderBy('to_address').execute();
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([['toulouse@example.org', 'peercities: 1 new post in your discussion groups']]);
    expect(mails[0]?.text_body).toContain('“Superblocks: where to start?”: 1 new post\n    • Pierre Dubois: Ask Valencia!\n    Read: http://x/discussions/');
    expect(await sendDailyDigests(t.app.db, new Date(now.getTime() + 1000), 'http://x')).toBe(0);

    await toulouse.request({ method: 'PUT', url: '/api/me/digest', payload: { enabled: false } });
    await facilitator.request({ method: 'POST', url: `/api/groups/${groupId}/threads`, payload: { title: 'Next meeting', body: 'See you on Monday' } });
    expect(await sendDailyDigests(t.app.db, new Date(Date.now() + 120_000), 'http://x')).toBe(0);
  });

  it('pages through the members in batches: with one person a batch, each still gets exactly one email', async () => {
    await toulouse.request({ method: 'PUT', url: '/api/me/digest', payload: { enabled: true } });
    // Both digests covered every post so far.
    await sql`INSERT INTO digest_cursors (person_id, sent_until)
      SELECT id, (SELECT max(created_at) FROM group_posts) FROM people WHERE email IN ('toulouse@example.org', 'facilitator@demo.peercities.eu')
      ON CONFLICT (person_id) DO UPDATE SET sent_until = excluded.sent_until`.execute(t.app.db);
    const started = await toulouse.request({ method: 'POST', url: `/api/groups/${groupId}/threads`, payload: { title: 'Bike lanes in winter', body: 'Who clears them first?' } });
    await facilitator.request({ method: 'POST', url: `/api/threads/${started.json().thread.id}/posts`, payload: { body: 'Oulu does, <b>every morning</b>.' } });
    await t.app.db.deleteFrom('outbox').execute();
    expect(await sendDailyDigests(t.app.db, new Date(Date.now() + 180_000), 'http://x', 1)).toBe(2);
    const mails = await t.app.db.selectFrom('outbox').select(['to_address', 'subject', 'text_body']).orderBy('to_address').execute();
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ['facilitator@demo.peercities.eu', 'peercities: 1 new post in your discussion groups'],
      ['toulouse@example.org', 'peercities: 1 new post in your discussion groups'],
    ]);
    expect(mails[1]?.text_body).toContain('Oulu does, every morning.');
    expect(await sendDailyDigests(t.app.db, new Date(Date.now() + 181_000), 'http://x', 1)).toBe(0);
  });

  it('lists each discussion once with all its new posts, even when two were last active at the same moment', async () => {
    await sql`INSERT INTO digest_cursors (person_id, sent_until)
      SELECT id, (SELECT max(created_at) FROM group_posts) FROM people WHERE email IN ('toulouse@example.org', 'facilitator@demo.peercities.eu')
      ON CONFLICT (person_id) DO UPDATE SET sent_until = excluded.sent_until`.execute(t.app.db);
    const start = async (title: string, body: string) => (await facilitator.request({ method: 'POST', url: `/api/groups/${groupId}/threads`, payload: { title, body } })).json().thread.id as string;
    const post = (id: string, body: string) => facilitator.request({ method: 'POST', url: `/api/threads/${id}/posts`, payload: { body } });
    const tram = await start('Tram priority', 'Tram 1');
    const bikes = await start('Cargo bikes', 'Bikes 1');
    await post(tram, 'Tram 2');
    await post(bikes, 'Bikes 2');
    // Their posts alternate in time; only the discussions' order may decide.
    await sql`UPDATE group_threads SET last_post_at = now() WHERE id IN (${tram}, ${bikes})`.execute(t.app.db);
    await t.app.db.deleteFrom('outbox').execute();

    expect(await sendDailyDigests(t.app.db, new Date(Date.now() + 240_000), 'http://x')).toBe(1);
    const mail = await t.app.db.selectFrom('outbox').select(['to_address', 'subject', 'text_body']).executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ to_address: 'toulouse@example.org', subject: 'peercities: 4 new posts in your discussion groups' });
    expect(mail.text_body.match(/“Tram priority”/g)).toHaveLength(1);
    expect(mail.text_body.match(/“Cargo bikes”/g)).toHaveLength(1);
    expect(mail.text_body).toContain('“Tram priority”: 2 new posts\n    • Pierre Dubois: Tram 1\n    • Pierre Dubois: Tram 2\n');
  });
});

describe('pages and replies', () => {
  it('come in pages of 50, oldest first, and a reply answers the page that holds it', async () => {
    const started = await toulouse.request({ method: 'POST', url: `/api/groups/${groupId}/threads`, payload: { title: 'Heat pumps in old buildings', body: 'Post 0' } });
    const id: string = started.json().thread.id;
    const author = (await t.app.db.selectFrom('people').select('id').where('email', '=', 'toulouse@example.org').executeTakeFirstOrThrow()).id;
    // Posts 1–50, after the first and before any reply.
    await sql`UPDATE group_posts SET created_at = now() - interval '1 hour' WHERE thread_id = ${id}`.execute(t.app.db);
    await sql`INSERT INTO group_posts (thread_id, author_id, body_html, created_at)
      SELECT ${id}, ${author}, '<p>Post ' || n || '</p>', now() - interval '1 hour' + n * interval '1 second' FROM generate_series(1, 50) n`.execute(t.app.db);
    await sql`UPDATE group_threads SET post_count = 51 WHERE id = ${id}`.execute(t.app.db);

    const first = (await toulouse.request({ method: 'GET', url: `/api/threads/${id}` })).json();
    expect(first).toMatchObject({ total: 51, page: 1, pageSize: 50 });
    expect(first.posts).toHaveLength(50);
    expect(first.posts[0]).toMatchObject({ bodyHtml: 'Post 0', author: 'Greta Graz', authorCity: 'Toulouse', mentionedCities: [], hidden: null });
    expect(first.posts[49].bodyHtml).toBe('<p>Post 49</p>');
    const times = first.posts.map((p: { createdAt: string }) => p.createdAt);
    expect(times.every((at: string) => new Date(at).toISOString() === at)).toBe(true);
    expect([...times].sort()).toEqual(times);

    const second = (await toulouse.request({ method: 'GET', url: `/api/threads/${id}?page=2` })).json();
    expect(second.posts.map((p: { bodyHtml: string }) => p.bodyHtml)).toEqual(['<p>Post 50</p>']);
    expect((await toulouse.request({ method: 'GET', url: `/api/threads/${id}?page=3` })).json().posts).toEqual([]);

    const replied = await facilitator.request({ method: 'POST', url: `/api/threads/${id}/posts`, payload: { body: 'Post 51' } });
    expect(replied.statusCode).toBe(201);
    expect(replied.json()).toMatchObject({ page: 2, thread: { postCount: 52 }, post: { bodyHtml: 'Post 51', author: 'Pierre Dubois', authorCity: null } });
    const last = (await toulouse.request({ method: 'GET', url: `/api/threads/${id}?page=2` })).json();
    expect(last.posts.map((p: { bodyHtml: string }) => p.bodyHtml)).toEqual(['<p>Post 50</p>', 'Post 51']);
    expect(last.posts[1]).toEqual(replied.json().post);
  });

  it('refuse a reply to a post of another discussion, or by an outsider, and store nothing; a programme manager may reply', async () => {
    const threadId = (await toulouse.request({ method: 'POST', url: `/api/groups/${groupId}/threads`, payload: { title: 'Solar on schools', body: 'Who did it?' } })).json().thread.id;
    const other = await toulouse.request({ method: 'POST', url: `/api/groups/${groupId}/threads`, payload: { title: 'Another discussion', body: 'Elsewhere' } });
    const elsewhere: string = other.json().posts[0].id;
    const count = async () => (await t.app.db.selectFrom('group_posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const wrongParent = await toulouse.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: 'Re', replyTo: elsewhere } });
    expect(wrongParent.statusCode).toBe(400);
    expect(wrongParent.json().errors).toEqual([{ field: 'body.replyTo', message: 'Not a post of this discussion.', reason: reason('REPLY_NOT_IN_THREAD') }]);
    const outsider = await t.signedIn('lahti@demo.peercities.eu');
    expect((await outsider.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: 'Let me in' } })).statusCode).toBe(404);
    expect((await toulouse.request({ method: 'POST', url: `/api/threads/00000000-0000-4000-8000-000000000000/posts`, payload: { body: 'Hello?' } })).statusCode).toBe(404);
    expect(await count()).toBe(before);
    const thread = (await toulouse.request({ method: 'GET', url: `/api/threads/${threadId}` })).json().thread;
    expect(thread.postCount).toBe(1);

    const manager = await t.signedIn('manager@demo.peercities.eu');
    const managerName = (await t.app.db.selectFrom('people').select('name').where('email', '=', 'manager@demo.peercities.eu').executeTakeFirstOrThrow()).name;
    const res = await manager.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: 'The programme team reads along.' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ thread: { postCount: 2 }, page: 1, post: { bodyHtml: 'The programme team reads along.', author: managerName } });
  });
});

describe('authors beside posts', () => {
  async function firstPost(threadId: string) {
    const res = await facilitator.request({ method: 'GET', url: `/api/threads/${threadId}` });
    expect(res.statusCode).toBe(200);
    return res.json().posts[0] as { author: string | null; authorCity: string | null };
  }

  it('show the author’s current name and city: a rename, a renamed city and a new primary city written directly in the database apply to the next read', async () => {
    const id = (await toulouse.request({ method: 'POST', url: `/api/groups/${groupId}/threads`, payload: { title: 'Names beside posts', body: 'Who wrote this?' } })).json().thread.id;
    const person = await t.app.db.selectFrom('people').select(['id', 'name']).where('email', '=', 'toulouse@example.org').executeTakeFirstOrThrow();
    expect(await firstPost(id)).toEqual(expect.objectContaining({ author: person.name, authorCity: 'Toulouse' }));
    try {
      await t.app.db.updateTable('people').set({ name: 'Greta Grün' }).where('id', '=', person.id).execute();
      expect((await firstPost(id)).author).toBe('Greta Grün');
      await t.app.db.updateTable('cities').set({ name: 'Tolosa' }).where('slug', '=', 'toulouse').execute();
      expect((await firstPost(id)).authorCity).toBe('Tolosa');
      const other = await t.app.db.selectFrom('cities').select(['id', 'name']).where('slug', '!=', 'toulouse').orderBy('name').executeTakeFirstOrThrow();
      await t.app.db.insertInto('role_grants').values({ person_id: person.id, role: 'city_representative', city_id: other.id, primary_contact: true }).execute();
      expect((await firstPost(id)).authorCity).toBe(other.name);
      await t.app.db.deleteFrom('role_grants').where('person_id', '=', person.id).where('city_id', '=', other.id).execute();
      expect((await firstPost(id)).authorCity).toBe('Tolosa');
    } finally {
      await t.app.db.updateTable('cities').set({ name: 'Toulouse' }).where('slug', '=', 'toulouse').execute();
      await t.app.db.updateTable('people').set({ name: person.name }).where('id', '=', person.id).execute();
    }
    expect(await firstPost(id)).toEqual(expect.objectContaining({ author: person.name, authorCity: 'Toulouse' }));
  });

  it('come from memory once read: a rename without its announcement shows only when the person is forgotten', async () => {
    const id = (await toulouse.request({ method: 'POST', url: `/api/groups/${groupId}/threads`, payload: { title: 'Remembered names', body: 'Hello' } })).json().thread.id;
    const person = await t.app.db.selectFrom('people').select(['id', 'name']).where('email', '=', 'toulouse@example.org').executeTakeFirstOrThrow();
    expect((await firstPost(id)).author).toBe(person.name);
    const renameUnannounced = (name: string) =>
      t.app.db.transaction().execute(async (trx) => {
        await sql`ALTER TABLE people DISABLE TRIGGER people_announce`.execute(trx);
        await trx.updateTable('people').set({ name }).where('id', '=', person.id).execute();
        await sql`ALTER TABLE people ENABLE TRIGGER people_announce`.execute(trx);
      });
    await renameUnannounced('Unannounced Name');
    try {
      // Still the remembered label: which is why every change is announced.
      expect((await firstPost(id)).author).toBe(person.name);
      t.app.personLabels.forgetPerson(person.id);
      expect((await firstPost(id)).author).toBe('Unannounced Name');
    } finally {
      await t.app.db.updateTable('people').set({ name: person.name }).where('id', '=', person.id).execute();
    }
  });

  it('are looked up on every read with SESSION_CACHE=false', async () => {
    const uncached = await createTestApp({ SESSION_CACHE: 'false' });
    try {
      const manager = await uncached.signedIn('manager@demo.peercities.eu');
      const thread = await uncached.app.db.selectFrom('group_threads').select('id').orderBy('created_at').executeTakeFirstOrThrow();
      const page = (await manager.request({ method: 'GET', url: `/api/threads/${thread.id}` })).json();
      expect(page.posts.length).toBeGreaterThan(0);
      expect(page.posts.every((p: { author: string | null }) => typeof p.author === 'string' && p.author.length > 0)).toBe(true);
      expect(uncached.app.personLabels.size).toBe(0);
    } finally {
      await uncached.close();
    }
  });
});
