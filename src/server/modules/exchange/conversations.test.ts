import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let tartu: TestClient;
let valencia: TestClient;
let valencia2: TestClient;
let lahti: TestClient;
let manager: TestClient;
let ids: { tartu: string; valencia: string; lahti: string; solution: string; tartuRep: string; valenciaRep: string; valencia2Rep: string };
let conversationId: string;
let firstMessageId: string;
let replyId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

const personId = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const cityId = async (slug: string) => (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const inbox = async (c: TestClient, query = '') => (await c.request({ method: 'GET', url: `/api/conversations${query}` })).json();
const notificationsOf = async (id: string) => t.app.db.selectFrom('notifications').select(['kind', 'title', 'link']).where('person_id', '=', id).orderBy('created_at').execute();

beforeAll(async () => {
  t = await createTestApp();
  [tartu, valencia, valencia2, lahti, manager] = await Promise.all(
    ['tartu@demo.peercities.eu', 'valencia@demo.peercities.eu', 'valencia2@demo.peercities.eu', 'lahti@demo.peercities.eu', 'manager@demo.peercities.eu'].map((e) => t.signedIn(e)),
  ) as [TestClient, TestClient, TestClient, TestClient, TestClient];
  const solution = await t.app.db
    .selectFrom('solutions as s')
    .innerJoin('cities as c', 'c.id', 's.city_id')
    .select('s.id')
    .where('c.slug', '=', 'valencia')
    .where('s.title', '=', 'Solar PV on municipal buildings')
    .executeTakeFirstOrThrow();
  ids = {
    tartu: await cityId('tartu'),
    valencia: await cityId('valencia'),
    lahti: await cityId('lahti'),
    solution: solution.id,
    tartuRep: await personId('tartu@demo.peercities.eu'),
    valenciaRep: await personId('valencia@demo.peercities.eu'),
    valencia2Rep: await personId('valencia2@demo.peercities.eu'),
  };
  await t.app.db.deleteFrom('outbox').execute();
});
afterAll(async () => t.close());

describe('the demo', () => {
  it('has a conversation between Lahti and Valencia, unread for Lahti’s second representative', async () => {
    const lahti2 = await t.signedIn('lahti2@demo.peercities.eu');
    const page = await inbox(lahti2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ subject: expect.stringContaining('one-stop-shop'), unread: 2, about: { kind: 'solution', cityName: 'Valencia' }, others: [{ cityName: 'Valencia' }] });
    expect((await inbox(lahti)).items[0].unread).toBe(1);
  });
});

describe('conversations', () => {
  it('start from a solution: sanitised, shown with its about-card, and every representative of the other city is told', async () => {
    const res = await tartu.request({
      method: 'POST',
      url: '/api/conversations',
      payload: {
        toCityIds: [ids.valencia],
        about: { kind: 'solution', id: ids.solution },
        subject: 'Solar PV on municipal buildings',
        body: '<p onclick="alert(1)">Could we talk about your <strong>heat</strong> and solar plans?<script>alert("x")</script><img src=x onerror=alert(2)></p>',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const page = res.json();
    conversationId = page.conversation.id;
    expect(page.conversation.about).toMatchObject({ kind: 'solution', id: ids.solution, title: 'Solar PV on municipal buildings', cityName: 'Valencia', link: `/solutions/${ids.solution}` });
    expect(page.conversation.parties.map((p: { cityName: string }) => p.cityName)).toEqual(['Tartu', 'Valencia']);
    expect(page.messages).toHaveLength(1);
    firstMessageId = page.messages[0].id;
    expect(page.messages[0].bodyHtml).toBe('<p>Could we talk about your <strong>heat</strong> and solar plans?</p>');
    expect(page.messages[0]).toMatchObject({ author: 'Kadri Tamm', authorCity: 'Tartu', authorStatus: 'active', mine: true });
    const stored = await t.app.db.selectFrom('messages').select(['body_html', 'body_text']).where('id', '=', firstMessageId).executeTakeFirstOrThrow();
    expect(stored.body_html).not.toMatch(/script|onerror|onclick|<img/);
    expect(stored.body_text).toBe('Could we talk about your heat and solar plans?');

    for (const rep of [ids.valenciaRep, ids.valencia2Rep]) expect(await notificationsOf(rep)).toEqual([{ kind: 'message', title: 'Tartu wrote to you: Solar PV on municipal buildings', link: `/messages/${conversationId}` }]);
    expect(await notificationsOf(ids.tartuRep)).toEqual([]);
    const emails = await t.app.db.selectFrom('outbox').select(['to_address', 'subject', 'text_body']).orderBy('to_address').execute();
    expect(emails.map((e) => e.to_address)).toEqual(['valencia2@demo.peercities.eu', 'valencia@demo.peercities.eu']);
    expect(emails[0]?.text_body).toContain(`http://peercities.test/messages/${conversationId}`);
  });

  it('keep an unread marker per person: two representatives of the same city, read separately', async () => {
    const [a, b] = [await inbox(valencia), await inbox(valencia2)];
    for (const box of [a, b]) expect(box.items[0]).toMatchObject({ id: conversationId, unread: 1, archived: false, others: [{ cityName: 'Tartu' }], lastMessage: { author: 'Kadri Tamm' } });
    expect((await valencia2.request({ method: 'GET', url: `/api/conversations/${conversationId}` })).statusCode).toBe(200);
    expect((await inbox(valencia2)).items[0].unread).toBe(0);
    expect((await inbox(valencia)).items[0].unread).toBe(1);
  });

  it('take answers: the other city is told, colleagues are not, and everyone’s inbox moves', async () => {
    const res = await valencia2.request({ method: 'POST', url: `/api/conversations/${conversationId}/messages`, payload: { body: 'Yes, gladly. <em>Next week?</em>' } });
    expect(res.statusCode, res.body).toBe(201);
    replyId = res.json().id;
    expect(res.json()).toMatchObject({ author: 'Jorge Ferrer', authorCity: 'Valencia', bodyHtml: 'Yes, gladly. <em>Next week?</em>', mine: true });
    expect((await notificationsOf(ids.tartuRep)).map((n) => n.title)).toEqual(['Valencia answered: Solar PV on municipal buildings']);
    expect(await notificationsOf(ids.valenciaRep)).toHaveLength(1);
    expect((await inbox(tartu)).items[0]).toMatchObject({ unread: 1, lastMessage: { author: 'Jorge Ferrer', excerpt: 'Yes, gladly. Next week?' } });
    // Lucía has read neither Kadri’s question nor her colleague’s answer.
    expect((await inbox(valencia)).items[0].unread).toBe(2);
    expect((await inbox(valencia2)).items[0].unread).toBe(0);
  });

  it('page older messages by cursor, oldest first', async () => {
    for (let i = 0; i < 50; i++) await tartu.request({ method: 'POST', url: `/api/conversations/${conversationId}/messages`, payload: { body: `Note ${i}` } });
    const latest = (await valencia.request({ method: 'GET', url: `/api/conversations/${conversationId}` })).json();
    expect(latest.messages).toHaveLength(50);
    expect(latest.messages.at(-1).bodyHtml).toBe('Note 49');
    expect(latest.olderCursor).toBe(latest.messages[0].id);
    const older = (await valencia.request({ method: 'GET', url: `/api/conversations/${conversationId}?before=${latest.olderCursor}` })).json();
    expect(older.messages.map((m: { id: string }) => m.id)).toEqual([firstMessageId, replyId]);
    expect(older.olderCursor).toBeNull();
    expect((await inbox(valencia)).items[0].unread).toBe(0);
  });

  it('search one’s own conversations only, in subjects and messages, ignoring accents and case', async () => {
    expect((await inbox(tartu, '?q=HÉAT')).items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    expect((await inbox(tartu, '?q=solar pv')).items).toHaveLength(1);
    expect((await inbox(tartu, '?q=nothing-like-this')).items).toEqual([]);
    expect((await inbox(lahti, '?q=heat')).items).toEqual([]);
    expect((await inbox(tartu, '?q=50%25')).total).toBe(0);
  });

  it('archive for one person; a new message brings it back', async () => {
    await valencia2.request({ method: 'GET', url: `/api/conversations/${conversationId}` });
    const res = await valencia2.request({ method: 'PUT', url: `/api/conversations/${conversationId}/archive`, payload: { archived: true } });
    expect(res.json()).toEqual({ archived: true });
    expect((await inbox(valencia2)).items.map((c: { id: string }) => c.id)).not.toContain(conversationId);
    expect((await inbox(valencia2, '?archived=true')).items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    expect((await inbox(valencia)).items.map((c: { id: string }) => c.id)).toContain(conversationId);
    await tartu.request({ method: 'POST', url: `/api/conversations/${conversationId}/messages`, payload: { body: 'One more thing.' } });
    expect((await inbox(valencia2)).items[0]).toMatchObject({ id: conversationId, archived: false, unread: 1 });
    expect((await inbox(valencia2, '?archived=true')).items).toEqual([]);
  });

  it('mark read by request', async () => {
    expect((await valencia2.request({ method: 'PUT', url: `/api/conversations/${conversationId}/read` })).statusCode).toBe(204);
    expect((await inbox(valencia2)).items[0].unread).toBe(0);
  });

  it('refuse recipients that are not one kind, one’s own city alone, unknown cities, and visits one does not take part in', async () => {
    const base = { about: { kind: 'topic' }, subject: 'Hello', body: 'Hi' };
    for (const payload of [
      { ...base },
      { ...base, toCityIds: [ids.valencia], toProgrammeTeam: true },
      { ...base, toCityIds: [ids.tartu] },
      { ...base, toCityIds: ['00000000-0000-4000-8000-000000000009'] },
    ]) {
      const res = await tartu.request({ method: 'POST', url: '/api/conversations', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().reason.code).toBe('CONVERSATION_RECIPIENTS');
    }
    const visit = await t.app.db.selectFrom('study_visits').select('id').executeTakeFirstOrThrow();
    const res = await tartu.request({ method: 'POST', url: '/api/conversations', payload: { ...base, toCityIds: [ids.valencia], about: { kind: 'visit', id: visit.id } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().reason.code).toBe('CONVERSATION_ABOUT_UNKNOWN');
    const script = await tartu.request({ method: 'POST', url: '/api/conversations', payload: { ...base, toCityIds: [ids.valencia], body: '<script>alert(1)</script>' } });
    expect(script.statusCode).toBe(400);
    expect(script.json().errors[0].field).toBe('body.body');
  });

  it('reach the programme team, whose managers read and answer', async () => {
    const res = await tartu.request({ method: 'POST', url: '/api/conversations', payload: { toProgrammeTeam: true, about: { kind: 'topic' }, subject: 'Joining the next call', body: 'When does the next call open?' } });
    expect(res.statusCode).toBe(201);
    const id = res.json().conversation.id;
    const teamInbox = await inbox(manager);
    expect(teamInbox.items[0]).toMatchObject({ id, mine: { kind: 'programme_team' }, others: [{ cityName: 'Tartu' }], unread: 1 });
    expect((await manager.request({ method: 'POST', url: `/api/conversations/${id}/messages`, payload: { body: 'In March.' } })).statusCode).toBe(201);
    expect((await tartu.request({ method: 'GET', url: `/api/conversations/${id}` })).json().messages[1]).toMatchObject({ author: 'Anna Lindqvist', authorCity: 'Programme team' });
  });

  it('answer a sent message as its page shows it, in a fixed number of statements (the parties read once)', async () => {
    await tartu.request({ method: 'GET', url: '/api/session' });
    const { result, queries } = await t.queries.during(() => tartu.request({ method: 'POST', url: `/api/conversations/${conversationId}/messages`, payload: { body: 'Next week is fine: <strong>Tuesday</strong>?' } }));
    expect(result.statusCode, result.body).toBe(201);
    // The parties, the message with its side effects, Valencia's people, their choices, the notifications with their emails.
    expect(queries).toBe(5);
    const page = (await tartu.request({ method: 'GET', url: `/api/conversations/${conversationId}` })).json();
    expect(page.messages.at(-1)).toEqual(result.json());
    expect(result.json()).toMatchObject({ author: 'Kadri Tamm', authorCity: 'Tartu', authorStatus: 'active', mine: true, attachments: [], hidden: null });
  });
});

describe('statements per request', () => {
  it('the inbox: one statement for the page with its parties, about-cards and total', async () => {
    await valencia.request({ method: 'GET', url: '/api/session' });
    const { result, queries } = await t.queries.during(() => valencia.request({ method: 'GET', url: '/api/conversations' }));
    expect(result.statusCode).toBe(200);
    expect(result.json().items.length).toBeGreaterThan(1);
    expect(result.json().items.find((c: { id: string }) => c.id === conversationId)).toMatchObject({
      about: { kind: 'solution', title: 'Solar PV on municipal buildings', cityName: 'Valencia', link: `/solutions/${ids.solution}` },
      mine: { cityName: 'Valencia' },
      others: [{ cityName: 'Tartu', citySlug: 'tartu' }],
    });
    expect(result.json().total).toBe(result.json().items.length);
    expect(queries).toBe(1);
    // Past the last page the total is still told; a search and the archive count what they list.
    const total = result.json().total;
    expect(await inbox(valencia, '?page=9&pageSize=1')).toMatchObject({ items: [], total });
    expect(await inbox(valencia, '?pageSize=1')).toMatchObject({ total });
    expect((await inbox(valencia, '?q=gladly')).total).toBe(1);
    expect((await inbox(valencia, '?archived=true')).total).toBe(0);
  });

  it('a conversation page: the parties, then its head and its messages (marking them read) side by side', async () => {
    await valencia.request({ method: 'GET', url: '/api/session' });
    const { result, queries } = await t.queries.during(() => valencia.request({ method: 'GET', url: `/api/conversations/${conversationId}` }));
    expect(result.statusCode).toBe(200);
    expect(result.json().conversation.about).toMatchObject({ kind: 'solution', title: 'Solar PV on municipal buildings' });
    expect(queries).toBe(3);
    expect((await inbox(valencia)).items.find((c: { id: string }) => c.id === conversationId).unread).toBe(0);
  });
});

describe('who reads a conversation', () => {
  it('a city that is not a party cannot read or act on it by any route, even with the right ids: 404 and nothing changes', async () => {
    const upload = await tartu.request({ method: 'PUT', url: `/api/messages/${firstMessageId}/attachments?filename=plan.pdf`, headers: { 'content-type': 'application/pdf' }, payload: PDF });
    expect(upload.statusCode, upload.body).toBe(200);
    const attachmentId = upload.json().attachments[0].id;
    await valencia.request({ method: 'POST', url: `/api/messages/${replyId}/reports`, payload: { reason: 'Not appropriate here.' } });
    const report = await t.app.db.selectFrom('message_reports').select('id').where('message_id', '=', replyId).executeTakeFirstOrThrow();

    const counts = async () =>
      (
        await sql<{ n: string }>`SELECT (SELECT count(*) FROM messages) || '/' || (SELECT count(*) FROM message_attachments) || '/' || (SELECT count(*) FROM conversation_reads) || '/' || (SELECT count(*) FROM message_reports) || '/' || (SELECT count(*) FROM notifications) || '/' || (SELECT count(*) FROM conversation_reads WHERE archived_at IS NOT NULL) AS n`.execute(t.app.db)
      ).rows[0]?.n;
    const before = await counts();
    const guesses = [
      { method: 'GET', url: `/api/conversations/${conversationId}` },
      { method: 'GET', url: `/api/conversations/${conversationId}?before=${replyId}` },
      { method: 'GET', url: `/api/conversations/${conversationId}?asCityId=${ids.lahti}` },
      { method: 'POST', url: `/api/conversations/${conversationId}/messages`, payload: { body: 'Hi' } },
      { method: 'POST', url: `/api/conversations/${conversationId}/messages`, payload: { body: 'Hi', asCityId: ids.valencia } },
      { method: 'PUT', url: `/api/conversations/${conversationId}/archive`, payload: { archived: true } },
      { method: 'PUT', url: `/api/conversations/${conversationId}/read` },
      { method: 'PUT', url: `/api/messages/${firstMessageId}/attachments?filename=x.pdf`, headers: { 'content-type': 'application/pdf' }, payload: PDF },
      { method: 'GET', url: `/api/message-attachments/${attachmentId}` },
      { method: 'POST', url: `/api/messages/${firstMessageId}/reports`, payload: { reason: 'Guessing ids' } },
      { method: 'GET', url: `/api/cities/${ids.valencia}/blocks` },
      { method: 'PUT', url: `/api/cities/${ids.valencia}/blocks/${ids.lahti}` },
      { method: 'DELETE', url: `/api/cities/${ids.valencia}/blocks/${ids.tartu}` },
      { method: 'GET', url: `/api/conversations?cityId=${ids.valencia}` },
    ] as const;
    for (const g of guesses) {
      const res = await lahti.request(g as Parameters<TestClient['request']>[0]);
      expect(res.statusCode, `${g.method} ${g.url}`).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    for (const g of [{ method: 'GET', url: '/api/message-reports' }, { method: 'POST', url: `/api/message-reports/${report.id}/decision`, payload: { outcome: 'kept' } }] as const) {
      expect((await lahti.request(g as Parameters<TestClient['request']>[0])).statusCode).toBe(403);
    }
    expect((await inbox(lahti, '?q=heat')).items).toEqual([]);
    // A manager reads a conversation only when the programme team takes part.
    expect((await manager.request({ method: 'GET', url: `/api/conversations/${conversationId}` })).statusCode).toBe(404);
    expect((await manager.request({ method: 'GET', url: `/api/message-attachments/${attachmentId}` })).statusCode).toBe(404);
    expect(await counts()).toBe(before);
  });
});

describe('attachments', () => {
  it('are PDFs within the limits of application attachments, added by the author soon after sending, and downloaded by the parties', async () => {
    const notPdf = await tartu.request({ method: 'PUT', url: `/api/messages/${firstMessageId}/attachments?filename=x.pdf`, headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('hello') });
    expect(notPdf.statusCode).toBe(422);
    const wrongType = await tartu.request({ method: 'PUT', url: `/api/messages/${firstMessageId}/attachments?filename=x.png`, headers: { 'content-type': 'image/png' }, payload: PDF });
    expect(wrongType.statusCode).toBe(415);
    const tooLarge = await tartu.request({ method: 'PUT', url: `/api/messages/${firstMessageId}/attachments?filename=big.pdf`, headers: { 'content-type': 'application/pdf' }, payload: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) });
    expect(tooLarge.statusCode).toBe(413);
    const notMine = await valencia.request({ method: 'PUT', url: `/api/messages/${firstMessageId}/attachments?filename=x.pdf`, headers: { 'content-type': 'application/pdf' }, payload: PDF });
    expect(notMine.statusCode).toBe(409);
    const page = (await valencia.request({ method: 'GET', url: `/api/conversations/${conversationId}?before=${replyId}` })).json();
    const file = page.messages[0].attachments[0];
    expect(file).toMatchObject({ filename: 'plan.pdf', sizeBytes: PDF.byteLength });
    const download = await valencia2.request({ method: 'GET', url: `/api/message-attachments/${file.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('plan.pdf');
    t.setNow(new Date(Date.now() + 31 * 60 * 1000));
    const late = await tartu.request({ method: 'PUT', url: `/api/messages/${firstMessageId}/attachments?filename=late.pdf`, headers: { 'content-type': 'application/pdf' }, payload: PDF });
    t.setNow(null);
    expect(late.statusCode).toBe(409);
  });
});

describe('blocks', () => {
  it('stop new conversations from the blocked city (409, saying nothing more), not the ones under way; audit log', async () => {
    const res = await valencia2.request({ method: 'PUT', url: `/api/cities/${ids.valencia}/blocks/${ids.tartu}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ blockedCityId: ids.tartu, blockedCityName: 'Tartu', blockedBy: 'Jorge Ferrer' })]);
    expect((await valencia.request({ method: 'GET', url: `/api/cities/${ids.valencia}/blocks` })).json().items).toHaveLength(1);
    const refused = await tartu.request({ method: 'POST', url: '/api/conversations', payload: { toCityIds: [ids.valencia], about: { kind: 'topic' }, subject: 'Again', body: 'Hello?' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason.code).toBe('CONVERSATION_NOT_ACCEPTED');
    expect(JSON.stringify(refused.json())).not.toContain('block');
    expect((await tartu.request({ method: 'POST', url: `/api/conversations/${conversationId}/messages`, payload: { body: 'Still here.' } })).statusCode).toBe(201);
    expect((await valencia.request({ method: 'GET', url: `/api/conversations/${conversationId}` })).json().blockedCityIds).toEqual([ids.tartu]);
    expect((await valencia.request({ method: 'DELETE', url: `/api/cities/${ids.valencia}/blocks/${ids.tartu}` })).json().items).toEqual([]);
    expect((await tartu.request({ method: 'POST', url: '/api/conversations', payload: { toCityIds: [ids.valencia], about: { kind: 'topic' }, subject: 'Again', body: 'Hello?' } })).statusCode).toBe(201);
    const audit = await t.app.db.selectFrom('audit_events').select('action').where('action', 'in', ['city.block', 'city.unblock']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['city.block', 'city.unblock']);
    expect((await valencia.request({ method: 'PUT', url: `/api/cities/${ids.valencia}/blocks/${ids.valencia}` })).statusCode).toBe(400);
  });
});

describe('reports', () => {
  it('reach the programme team, who hide the message with a reason (audit log); the parties see it hidden', async () => {
    const again = await valencia.request({ method: 'POST', url: `/api/messages/${replyId}/reports`, payload: { reason: 'Again.' } });
    expect(again.statusCode).toBe(409);
    const managerId = await personId('manager@demo.peercities.eu');
    expect((await notificationsOf(managerId)).some((n) => n.link === '/admin/message-reports')).toBe(true);
    const reports = (await manager.request({ method: 'GET', url: '/api/message-reports' })).json();
    expect(reports.items).toEqual([
      expect.objectContaining({ reason: 'Not appropriate here.', reportedBy: 'Lucía Martínez', conversation: expect.objectContaining({ id: conversationId, parties: ['Tartu', 'Valencia'] }), message: expect.objectContaining({ id: replyId, author: 'Jorge Ferrer', authorCity: 'Valencia' }) }),
    ]);
    const reportId = reports.items[0].id;
    const noReason = await manager.request({ method: 'POST', url: `/api/message-reports/${reportId}/decision`, payload: { outcome: 'hidden' } });
    expect(noReason.statusCode).toBe(400);
    const hide = await manager.request({ method: 'POST', url: `/api/message-reports/${reportId}/decision`, payload: { outcome: 'hidden', reason: 'Off-topic advertising' } });
    expect(hide.statusCode).toBe(204);
    expect((await manager.request({ method: 'POST', url: `/api/message-reports/${reportId}/decision`, payload: { outcome: 'kept' } })).statusCode).toBe(409);
    expect((await manager.request({ method: 'GET', url: '/api/message-reports' })).json().items).toEqual([]);
    const page = (await tartu.request({ method: 'GET', url: `/api/conversations/${conversationId}?before=${(await t.app.db.selectFrom('messages').select('id').where('body_text', '=', 'Note 0').executeTakeFirstOrThrow()).id}` })).json();
    const hidden = page.messages.find((m: { id: string }) => m.id === replyId);
    expect(hidden).toMatchObject({ bodyHtml: null, hidden: { reason: 'Off-topic advertising' }, attachments: [] });
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'entity_id', 'details']).where('action', '=', 'message.hide').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: replyId });
    expect(JSON.stringify(audit.details)).toContain('Off-topic advertising');
    // Search no longer finds the hidden text.
    expect((await inbox(tartu, '?q=gladly')).items).toEqual([]);
  });
});

describe('authors', () => {
  it('whose account is deactivated stay, marked as such; erased ones read "Former participant"', async () => {
    await t.app.db.updateTable('people').set({ disabled_at: new Date() }).where('id', '=', ids.tartuRep).execute();
    const page = (await valencia.request({ method: 'GET', url: `/api/conversations/${conversationId}?before=${replyId}` })).json();
    expect(page.messages[0]).toMatchObject({ author: 'Kadri Tamm', authorStatus: 'deactivated' });
    await t.app.db.updateTable('people').set({ disabled_at: null }).where('id', '=', ids.tartuRep).execute();
  });
});
