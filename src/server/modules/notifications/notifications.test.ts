import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDailyDigests } from '../../jobs/daily-digest.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { notify } from './notify.ts';

let t: TestApp;
let valencia: TestClient;
let lahti: TestClient;
let lahti2: TestClient;
let facilitator: TestClient;
let groupId: string;

const personId = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const cityId = async (slug: string) => (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const outboxTo = async (email: string) => t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', email).orderBy('created_at').execute();
const tell = async (email: string, title: string, kind: 'decision' | 'mention' = 'decision') => {
  const id = await personId(email);
  return t.app.db.transaction().execute((trx) => notify(trx, { kind, personIds: [id], title, link: `/applications/${title.length}`, email: () => ({ subject: title, text: title }) }));
};

beforeAll(async () => {
  t = await createTestApp();
  valencia = await t.signedIn('valencia@demo.peercities.eu');
  lahti = await t.signedIn('lahti@demo.peercities.eu');
  lahti2 = await t.signedIn('lahti2@demo.peercities.eu');
  facilitator = await t.signedIn('facilitator@demo.peercities.eu');
  const manager = await t.signedIn('manager@demo.peercities.eu');
  await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Bell edition', format: 'group_study_visits', editionYear: 2027, slug: 'bell' } });
  groupId = (await facilitator.request({ method: 'POST', url: '/api/programmes/bell/groups', payload: { name: 'Heat in English', sectors: ['energy'], language: 'en', capacity: 10 } })).json().id;
  for (const [client, slug] of [[valencia, 'valencia'], [lahti, 'lahti']] as const) {
    const id = await cityId(slug);
    await client.request({ method: 'POST', url: `/api/groups/${groupId}/interest`, payload: { cityId: id } });
    await facilitator.request({ method: 'PUT', url: `/api/groups/${groupId}/members/${id}`, payload: { status: 'admitted' } });
  }
  // The demo groups' posts and notifications are new too: send their digests first, so the test counts only its own.
  await sendDailyDigests(t.app.db, new Date(), 'http://x');
  await t.app.db.deleteFrom('outbox').execute();
  await t.app.db.deleteFrom('notifications').execute();
});
afterAll(async () => t.close());

describe('my notifications', () => {
  it('lists mine newest first, counts the unread, marks one or all read; another person’s id answers 404 and changes nothing', async () => {
    await tell('valencia@demo.peercities.eu', 'First');
    await tell('valencia@demo.peercities.eu', 'Second');
    await tell('lahti@demo.peercities.eu', 'Not Valencia’s');
    const list = (await valencia.request({ method: 'GET', url: '/api/me/notifications' })).json();
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(list.items.map((n: { title: string }) => n.title)).toEqual(['Second', 'First']);
    expect(list.items[0]).toMatchObject({ kind: 'decision', body: '', link: '/applications/6', read: false });
    expect((await valencia.request({ method: 'GET', url: '/api/me/notifications/unread-count' })).json()).toEqual({ count: 2, more: false });

    const [second] = list.items;
    expect((await valencia.request({ method: 'POST', url: `/api/me/notifications/${second.id}/read` })).statusCode).toBe(204);
    // Again is fine.
    expect((await valencia.request({ method: 'POST', url: `/api/me/notifications/${second.id}/read` })).statusCode).toBe(204);
    expect((await valencia.request({ method: 'GET', url: '/api/me/notifications/unread-count' })).json()).toEqual({ count: 1, more: false });
    const unread = (await valencia.request({ method: 'GET', url: '/api/me/notifications?unread=true' })).json();
    expect(unread.items.map((n: { title: string }) => n.title)).toEqual(['First']);
    expect(unread.total).toBe(1);

    const lahtis = (await lahti.request({ method: 'GET', url: '/api/me/notifications' })).json().items[0];
    const refused = await valencia.request({ method: 'POST', url: `/api/me/notifications/${lahtis.id}/read` });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'NOT_FOUND', reason: { code: 'NOTIFICATION_NOT_FOUND' } });
    expect((await valencia.request({ method: 'POST', url: '/api/me/notifications/00000000-0000-4000-8000-000000000000/read' })).statusCode).toBe(404);
    expect((await lahti.request({ method: 'GET', url: '/api/me/notifications/unread-count' })).json()).toEqual({ count: 1, more: false });

    expect((await valencia.request({ method: 'POST', url: '/api/me/notifications/read-all' })).json()).toEqual({ marked: 1 });
    expect((await valencia.request({ method: 'GET', url: '/api/me/notifications/unread-count' })).json()).toEqual({ count: 0, more: false });
    expect((await lahti.request({ method: 'GET', url: '/api/me/notifications/unread-count' })).json()).toEqual({ count: 1, more: false });
    await lahti.request({ method: 'POST', url: '/api/me/notifications/read-all' });
  });

  it('caps the bell’s count at 99 and says there are more', async () => {
    const expert = await personId('expert@demo.peercities.eu');
    await t.app.db
      .insertInto('notifications')
      .values(Array.from({ length: 120 }, (_, i) => ({ person_id: expert, kind: 'deadline', title: `Deadline ${i}`, link: '/applications', delivery: 'app' })))
      .execute();
    const client = await t.signedIn('expert@demo.peercities.eu');
    expect((await client.request({ method: 'GET', url: '/api/me/notifications/unread-count' })).json()).toEqual({ count: 99, more: true });
    const page = (await client.request({ method: 'GET', url: '/api/me/notifications?page=2&pageSize=100' })).json();
    expect(page).toMatchObject({ total: 120, page: 2 });
    expect(page.items).toHaveLength(20);
    await t.app.db.deleteFrom('notifications').where('person_id', '=', expert).execute();
  });

  it('keeps my choice per kind, says which are defaults, and forgets a choice equal to the default', async () => {
    const before = (await lahti.request({ method: 'GET', url: '/api/me/notification-preferences' })).json();
    expect(before.items).toEqual([
      { kind: 'message', delivery: 'immediate', isDefault: true },
      { kind: 'meeting', delivery: 'immediate', isDefault: true },
      { kind: 'mention', delivery: 'digest', isDefault: true },
      { kind: 'decision', delivery: 'immediate', isDefault: true },
      { kind: 'evaluation_assigned', delivery: 'immediate', isDefault: true },
      { kind: 'deadline', delivery: 'immediate', isDefault: true },
      { kind: 'visit_notice', delivery: 'immediate', isDefault: true },
      { kind: 'support', delivery: 'immediate', isDefault: true },
    ]);
    const changed = await lahti.request({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      payload: { preferences: [{ kind: 'message', delivery: 'digest' }, { kind: 'deadline', delivery: 'app' }] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().items.filter((p: { isDefault: boolean }) => !p.isDefault)).toEqual([
      { kind: 'message', delivery: 'digest', isDefault: false },
      { kind: 'deadline', delivery: 'app', isDefault: false },
    ]);
    expect((await lahti.request({ method: 'GET', url: '/api/me/notification-preferences' })).json()).toEqual(changed.json());
    // Another person's choices are their own.
    expect((await lahti2.request({ method: 'GET', url: '/api/me/notification-preferences' })).json()).toEqual(before);
    await lahti.request({ method: 'PUT', url: '/api/me/notification-preferences', payload: { preferences: [{ kind: 'message', delivery: 'immediate' }, { kind: 'deadline', delivery: 'immediate' }] } });
    expect((await lahti.request({ method: 'GET', url: '/api/me/notification-preferences' })).json()).toEqual(before);
    expect(await t.app.db.selectFrom('notification_preferences').select('kind').where('person_id', '=', await personId('lahti@demo.peercities.eu')).execute()).toEqual([]);

    const twice = await lahti.request({ method: 'PUT', url: '/api/me/notification-preferences', payload: { preferences: [{ kind: 'message', delivery: 'app' }, { kind: 'message', delivery: 'digest' }] } });
    expect(twice.statusCode).toBe(400);
    const unknown = await lahti.request({ method: 'PUT', url: '/api/me/notification-preferences', payload: { preferences: [{ kind: 'gossip', delivery: 'app' }] } });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('mentions of a city in a discussion', () => {
  it('tell the representatives of a mentioned member city, not the author, not a city outside the group; each as they chose', async () => {
    await lahti2.request({ method: 'PUT', url: '/api/me/notification-preferences', payload: { preferences: [{ kind: 'mention', delivery: 'immediate' }] } });
    await t.app.db.deleteFrom('outbox').execute();
    const created = await valencia.request({
      method: 'POST',
      url: `/api/groups/${groupId}/threads`,
      payload: { title: 'District heating: who has tried it?', body: '<p>Lahti, how did you start?</p>', mentionedCityIds: [await cityId('lahti'), await cityId('valencia'), await cityId('krakow')] },
    });
    expect(created.statusCode).toBe(201);
    const threadId = created.json().thread.id;
    const mentions = await t.app.db
      .selectFrom('notifications')
      .innerJoin('people', 'people.id', 'notifications.person_id')
      .select(['people.email', 'notifications.title', 'notifications.body', 'notifications.link', 'notifications.delivery', 'notifications.emailed_at'])
      .where('kind', '=', 'mention')
      .orderBy('people.email')
      .execute();
    expect(mentions.map((m) => [m.email, m.delivery, m.emailed_at !== null])).toEqual([
      ['lahti2@demo.peercities.eu', 'immediate', true],
      ['lahti@demo.peercities.eu', 'digest', false],
      // Valencia's other representative (valencia2@): the author's colleague, not the author.
      ['valencia2@demo.peercities.eu', 'digest', false],
    ]);
    expect(mentions[0]).toMatchObject({ title: 'Lahti was mentioned in “District heating: who has tried it?”', body: expect.stringContaining('Heat in English'), link: `/discussions/${threadId}` });
    const [mail] = await outboxTo('lahti2@demo.peercities.eu');
    expect(mail?.subject).toBe('Heat in English: Lahti mentioned in “District heating: who has tried it?”');
    expect(mail?.text_body).toContain(`/discussions/${threadId}`);
    expect(await outboxTo('lahti@demo.peercities.eu')).toEqual([]);

    // A reply mentioning Lahti again tells them again; Valencia, the author, is never told.
    const replied = await valencia.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: '<p>Lahti?</p>', mentionedCityIds: [await cityId('lahti')], replyTo: null } });
    expect(replied.statusCode).toBe(201);
    expect((await lahti.request({ method: 'GET', url: '/api/me/notifications/unread-count' })).json()).toEqual({ count: 2, more: false });
    expect((await valencia.request({ method: 'GET', url: '/api/me/notifications?unread=true' })).json().total).toBe(0);

    // A refused reply (to a post of no thread) stores no notification.
    const refused = await valencia.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: '<p>Lahti?</p>', mentionedCityIds: [await cityId('lahti')], replyTo: '00000000-0000-4000-8000-000000000000' } });
    expect(refused.statusCode).toBe(400);
    expect((await lahti.request({ method: 'GET', url: '/api/me/notifications/unread-count' })).json()).toEqual({ count: 2, more: false });
  });
});

describe('the daily digest', () => {
  it('sends one email with the new posts and "What happened", marks the notifications emailed, and a second run sends nothing', async () => {
    const now = new Date(Date.now() + 60_000);
    // The expert is in no group: a digest of notifications only.
    await tell('expert@demo.peercities.eu', 'Valencia was mentioned somewhere', 'mention');
    expect(await sendDailyDigests(t.app.db, now, 'http://x')).toBeGreaterThanOrEqual(2);
    const [digest, ...more] = await outboxTo('lahti@demo.peercities.eu');
    expect(more).toEqual([]);
    expect(digest?.subject).toBe('peercities: 2 new posts in your discussion groups, 2 notifications');
    expect(digest?.text_body).toContain('What happened\n  • Lahti was mentioned in “District heating: who has tried it?”\n    http://x/discussions/');
    expect(digest?.text_body).toContain('District heating: who has tried it?”: 2 new posts');
    const [expertDigest] = await outboxTo('expert@demo.peercities.eu');
    expect(expertDigest?.subject).toBe('peercities: 1 notification since the last digest');
    expect(expertDigest?.text_body).toContain('  • Valencia was mentioned somewhere\n    http://x/applications/');
    const waiting = await t.app.db.selectFrom('notifications').select('id').where('delivery', '=', 'digest').where('emailed_at', 'is', null).execute();
    expect(waiting).toEqual([]);
    // lahti2 heard of the mention at once: not again in the digest.
    expect((await outboxTo('lahti2@demo.peercities.eu')).filter((m) => m.text_body.includes('What happened'))).toEqual([]);

    expect(await sendDailyDigests(t.app.db, new Date(now.getTime() + 1000), 'http://x')).toBe(0);
  });

  it('sends digest notifications to a person who opted out of the group posts, without the posts', async () => {
    const lahtiId = await personId('lahti@demo.peercities.eu');
    await t.app.db.updateTable('people').set({ digest_opt_out: true }).where('id', '=', lahtiId).execute();
    try {
      await valencia.request({ method: 'POST', url: `/api/groups/${groupId}/threads`, payload: { title: 'Another one', body: '<p>Lahti!</p>', mentionedCityIds: [await cityId('lahti')] } });
      await t.app.db.deleteFrom('outbox').execute();
      await sendDailyDigests(t.app.db, new Date(Date.now() + 120_000), 'http://x');
      const [digest, ...more] = await outboxTo('lahti@demo.peercities.eu');
      expect(more).toEqual([]);
      expect(digest?.subject).toBe('peercities: 1 notification since the last digest');
      expect(digest?.text_body).not.toContain('new post');
    } finally {
      await t.app.db.updateTable('people').set({ digest_opt_out: false }).where('id', '=', lahtiId).execute();
    }
  });

  it('puts a notification in one email only, even when two runs overlap', async () => {
    await t.app.db.deleteFrom('outbox').execute();
    await tell('expert@demo.peercities.eu', 'Twice? No.', 'mention');
    const at = new Date(Date.now() + 180_000);
    const runs = await Promise.all([sendDailyDigests(t.app.db, at, 'http://x'), sendDailyDigests(t.app.db, at, 'http://x')]);
    const mails = (await outboxTo('expert@demo.peercities.eu')).filter((m) => m.text_body.includes('Twice? No.'));
    expect(mails).toHaveLength(1);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
