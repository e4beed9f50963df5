import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMeetingRequestReminders } from '../../jobs/meeting-request-reminders.ts';
import { organizerOf } from './meeting-requests.service.ts';
import { insertConversation } from '../../test-support/exchange-fixtures.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let lahti: TestClient;
let lahti2: TestClient;
let valencia: TestClient;
let krakow: TestClient;
let manager: TestClient;

const NOW = '2027-03-20T10:00:00Z';
// Friday before and Monday after the spring change (28 March 2027), and one more.
const SLOTS = ['2027-03-26T09:00:00Z', '2027-03-29T08:00:00+00:00', '2027-03-30T10:00:00+02:00'];

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  const sign = (n: string) => t.signedIn(`${n}@demo.peercities.eu`);
  lahti = await sign('lahti');
  lahti2 = await sign('lahti2');
  valencia = await sign('valencia');
  krakow = await sign('krakow');
  manager = await sign('manager');
});
afterAll(async () => t.close());

const base = (conversationId: string) => `/api/conversations/${conversationId}/meeting-requests`;
const propose = (client: TestClient, conversationId: string, payload: Record<string, unknown> = {}) =>
  client.request({ method: 'POST', url: base(conversationId), payload: { title: 'Heat pumps: a one-hour call', joinUrl: 'https://meet.example.org/lahti-valencia', slots: SLOTS, ...payload } });

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const tz = calendar.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { method: calendar.getFirstPropertyValue('method'), status: vevent.getFirstPropertyValue('status'), organizer: vevent.getFirstPropertyValue('organizer'), tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'), event: new ICAL.Event(vevent) };
}

const countRequests = async () => Number((await t.app.db.selectFrom('meeting_requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const personId = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const meetingNotifications = async (email: string) =>
  t.app.db.selectFrom('notifications').select(['title', 'link', 'kind']).where('person_id', '=', await personId(email)).where('kind', '=', 'meeting').orderBy('created_at').orderBy('id').execute();

describe('meeting requests', () => {
  it('propose: three times, the other city (and my colleague) notified, listed with both zones', async () => {
    const c = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia'] });
    const before = (await meetingNotifications('valencia@demo.peercities.eu')).length;
    const res = await propose(lahti, c.id);
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ status: 'proposed', durationMinutes: 60, proposedByPartyId: c.parties.lahti, proposedByName: 'Mikko Virtanen', icsSequence: 0, version: 1 });
    expect(m.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2027-03-26T09:00:00.000Z', '2027-03-29T08:00:00.000Z', '2027-03-30T08:00:00.000Z']);
    expect(m.can).toMatchObject({ accept: false, decline: false, cancel: true, move: true, downloadIcs: false });

    const valenciaNotes = await meetingNotifications('valencia@demo.peercities.eu');
    expect(valenciaNotes).toHaveLength(before + 1);
    expect(valenciaNotes.at(-1)).toMatchObject({ title: 'Lahti proposes an online meeting: Heat pumps: a one-hour call', link: `/messages/${c.id}` });
    expect((await meetingNotifications('lahti2@demo.peercities.eu')).at(-1)?.link).toBe(`/messages/${c.id}`);
    expect((await meetingNotifications('lahti@demo.peercities.eu')).some((n) => n.link === `/messages/${c.id}`)).toBe(false);
    const email = await t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'valencia@demo.peercities.eu').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(email.subject).toBe('Lahti proposes an online meeting: Heat pumps: a one-hour call');
    // In Valencia's own time: 10:00 in Madrid on the Friday, 10:00 again after the change.
    expect(email.text_body).toContain('Friday, 26 March 2027 at 10:00 (Europe/Madrid time)');
    expect(email.text_body).toContain('Monday, 29 March 2027 at 10:00 (Europe/Madrid time)');

    const list = (await valencia.request({ method: 'GET', url: base(c.id) })).json();
    expect(list.myPartyId).toBe(c.parties.valencia);
    expect(list.parties).toEqual([
      expect.objectContaining({ partyId: c.parties.lahti, name: 'Lahti', timeZone: 'Europe/Helsinki', kind: 'city' }),
      expect.objectContaining({ partyId: c.parties.valencia, name: 'Valencia', timeZone: 'Europe/Madrid', kind: 'city' }),
    ]);
    expect(list.items).toHaveLength(1);
    expect(list.items[0].can).toMatchObject({ accept: true, decline: true, cancel: true, move: false });
  });

  it('refuses what is not a meeting: too few or too many times, twice the same, too soon, no https link, odd durations; nothing is stored', async () => {
    const c = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia'] });
    const before = await countRequests();
    const cases: [Record<string, unknown>, string][] = [
      [{ slots: [SLOTS[0]] }, 'body.slots'],
      [{ slots: ['2027-04-01T08:00:00Z', '2027-04-02T08:00:00Z', '2027-04-03T08:00:00Z', '2027-04-04T08:00:00Z', '2027-04-05T08:00:00Z', '2027-04-06T08:00:00Z'] }, 'body.slots'],
      [{ slots: ['2027-03-26T09:00:00Z', '2027-03-26T10:00:00+01:00'] }, 'body.slots.1'],
      [{ slots: ['2027-03-20T10:30:00Z', '2027-03-26T09:00:00Z'] }, 'body.slots.0'],
      [{ slots: ['2027-03-19T10:00:00Z', '2027-03-26T09:00:00Z'] }, 'body.slots.0'],
      [{ slots: ['2027-02-30T10:00:00Z', '2027-03-26T09:00:00Z'] }, 'body.slots.0'],
      [{ joinUrl: 'http://meet.example.org/x' }, 'body.joinUrl'],
      [{ joinUrl: 'javascript:alert(1)' }, 'body.joinUrl'],
      [{ durationMinutes: 10 }, 'body.durationMinutes'],
      [{ durationMinutes: 241 }, 'body.durationMinutes'],
      [{ title: '' }, 'body.title'],
    ];
    for (const [payload, field] of cases) {
      const res = await propose(lahti, c.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(payload)).toContain(field);
    }
    expect(await countRequests()).toBe(before);
  });

  it('accept: only the other side, a proposed slot, the current version; both sides then download the same .ics in their own zone', async () => {
    const c = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia'] });
    const m = (await propose(lahti, c.id)).json();
    const ics = (client: TestClient) => client.request({ method: 'GET', url: `${base(c.id)}/${m.id}/invite.ics` });
    expect((await ics(lahti)).statusCode).toBe(409);

    const own = await lahti2.request({ method: 'POST', url: `${base(c.id)}/${m.id}/accept`, payload: { slotId: m.slots[1].id, version: 1 } });
    expect(own.statusCode).toBe(403);
    const unknown = await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/accept`, payload: { slotId: randomUUID(), version: 1 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.slotId');
    const stale = await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/accept`, payload: { slotId: m.slots[1].id, version: 7 } });
    expect(stale.statusCode).toBe(409);

    const ok = await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/accept`, payload: { slotId: m.slots[1].id, version: 1 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'accepted', acceptedSlotId: m.slots[1].id, scheduledAt: '2027-03-29T08:00:00.000Z', decidedByName: 'Lucía Martínez', version: 2, icsSequence: 0 });
    expect((await meetingNotifications('lahti@demo.peercities.eu')).at(-1)).toMatchObject({ title: 'Valencia accepted the meeting: Heat pumps: a one-hour call', link: `/messages/${c.id}` });
    const email = await t.app.db.selectFrom('outbox').select('text_body').where('to_address', '=', 'lahti@demo.peercities.eu').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(email.text_body).toContain('When: Monday, 29 March 2027 at 11:00 (Europe/Helsinki time), 60 minutes');
    expect(email.text_body).toContain(`http://peercities.test/api/conversations/${c.id}/meeting-requests/${m.id}/invite.ics`);

    const fromLahti = await ics(lahti);
    expect(fromLahti.statusCode).toBe(200);
    expect(fromLahti.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(fromLahti.headers['content-disposition']).toContain('attachment');
    const a = parseIcs(fromLahti.body);
    expect(a).toMatchObject({ method: 'REQUEST', status: 'CONFIRMED', tzid: 'Europe/Helsinki' });
    expect(a.event.startDate.toJSDate().toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect([a.event.startDate.hour, a.event.endDate.hour]).toEqual([11, 12]);
    expect(a.event.sequence).toBe(0);
    const b = parseIcs((await ics(valencia)).body);
    expect(b.tzid).toBe('Europe/Madrid');
    expect(b.event.startDate.hour).toBe(10);
    expect(b.event.uid).toBe(a.event.uid);
    expect(a.event.location).toBe('https://meet.example.org/lahti-valencia');
    // The organizer is the platform's sender, never a person; no attendees.
    expect(a.organizer).toBe(`mailto:${organizerOf(t.config.mailFrom)?.email}`);
    expect(fromLahti.body).not.toMatch(/ATTENDEE|@demo\.peercities\.eu/);

    // Answered already: a second answer is a conflict, and changes nothing.
    const again = await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/decline`, payload: { version: 2 } });
    expect(again.statusCode).toBe(409);
  });

  it('two answers at once: one 200, one 409', async () => {
    const c = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia', 'krakow'] });
    const m = (await propose(lahti, c.id)).json();
    const answers = await Promise.all([
      valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/accept`, payload: { slotId: m.slots[0].id, version: 1 } }),
      krakow.request({ method: 'POST', url: `${base(c.id)}/${m.id}/accept`, payload: { slotId: m.slots[2].id, version: 1 } }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const row = await t.app.db.selectFrom('meeting_requests').select(['status', 'version']).where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'accepted', version: 2 });
  });

  it('move after acceptance: same UID, higher SEQUENCE, new time; cancel: METHOD:CANCEL, higher again', async () => {
    const c = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia'] });
    const m = (await propose(lahti, c.id)).json();
    await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/accept`, payload: { slotId: m.slots[0].id, version: 1 } });
    const first = parseIcs((await lahti.request({ method: 'GET', url: `${base(c.id)}/${m.id}/invite.ics` })).body);

    const twoTimes = await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/move`, payload: { slots: ['2027-04-01T08:00:00Z', '2027-04-02T08:00:00Z'], version: 2 } });
    expect(twoTimes.statusCode).toBe(400);
    const moved = await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/move`, payload: { slots: ['2027-04-01T12:00:00Z'], version: 2 } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'accepted', scheduledAt: '2027-04-01T12:00:00.000Z', icsSequence: 1, version: 3 });
    expect((await meetingNotifications('lahti@demo.peercities.eu')).at(-1)?.title).toBe('Valencia moved the meeting: Heat pumps: a one-hour call');
    const second = parseIcs((await lahti.request({ method: 'GET', url: `${base(c.id)}/${m.id}/invite.ics` })).body);
    expect(second.event.uid).toBe(first.event.uid);
    expect(second.event.sequence).toBe(1);
    expect(second.event.startDate.hour).toBe(15); // 12:00 UTC is 15:00 in Helsinki (summer time)

    const cancelled = await lahti.request({ method: 'POST', url: `${base(c.id)}/${m.id}/cancel`, payload: { version: 3 } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', acceptedSlotId: null, scheduledAt: '2027-04-01T12:00:00.000Z', icsSequence: 2 });
    const third = parseIcs((await valencia.request({ method: 'GET', url: `${base(c.id)}/${m.id}/invite.ics` })).body);
    expect(third).toMatchObject({ method: 'CANCEL', status: 'CANCELLED' });
    expect(third.event.uid).toBe(first.event.uid);
    expect(third.event.sequence).toBe(2);
    const email = await t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'valencia@demo.peercities.eu').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(email.subject).toBe('Lahti cancelled the meeting: Heat pumps: a one-hour call');
    expect(email.text_body).toContain('Remove it from your calendar (.ics)');
    // Closed: no more changes.
    expect((await lahti.request({ method: 'POST', url: `${base(c.id)}/${m.id}/move`, payload: { slots: ['2027-04-03T12:00:00Z'], version: 4 } })).statusCode).toBe(409);
    const audit = await t.app.db.selectFrom('audit_events').select('action').where('entity_id', '=', m.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['meeting_request.propose', 'meeting_request.accept', 'meeting_request.move', 'meeting_request.cancel']);
  });

  it('move before acceptance: only the proposer side, new times replace the old; decline with a reason', async () => {
    const c = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia'] });
    const m = (await propose(lahti, c.id)).json();
    const notMine = await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/move`, payload: { slots: ['2027-04-01T08:00:00Z', '2027-04-02T08:00:00Z'], version: 1 } });
    expect(notMine.statusCode).toBe(403);
    const oneTime = await lahti2.request({ method: 'POST', url: `${base(c.id)}/${m.id}/move`, payload: { slots: ['2027-04-01T08:00:00Z'], version: 1 } });
    expect(oneTime.statusCode).toBe(400);
    const moved = await lahti2.request({ method: 'POST', url: `${base(c.id)}/${m.id}/move`, payload: { slots: ['2027-04-02T08:00:00Z', '2027-04-01T08:00:00Z'], version: 1 } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2027-04-01T08:00:00.000Z', '2027-04-02T08:00:00.000Z']);
    expect(moved.json()).toMatchObject({ status: 'proposed', icsSequence: 0, version: 2 });
    expect((await meetingNotifications('valencia@demo.peercities.eu')).at(-1)?.title).toBe('Lahti proposes new times for: Heat pumps: a one-hour call');

    const declined = await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/decline`, payload: { reason: 'We are on holiday that week.', version: 2 } });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'We are on holiday that week.', decidedByName: 'Lucía Martínez' });
    const email = await t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'lahti2@demo.peercities.eu').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(email.subject).toBe('Valencia declined the meeting: Heat pumps: a one-hour call');
    expect(email.text_body).toContain('Their reason: We are on holiday that week.');
    expect((await lahti.request({ method: 'GET', url: `${base(c.id)}/${m.id}/invite.ics` })).statusCode).toBe(409);
  });

  it('a city not in the conversation finds nothing, by any route; guessed ids and a request of another conversation are 404 too', async () => {
    const c = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia'] });
    const m = (await propose(lahti, c.id)).json();
    await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/accept`, payload: { slotId: m.slots[0].id, version: 1 } });
    const other = await insertConversation(t.app.db, { citySlugs: ['krakow', 'valencia'] });
    const before = await t.app.db.selectFrom('meeting_requests').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    const routes = (conversationId: string, requestId: string) => [
      { method: 'GET' as const, url: base(conversationId) },
      { method: 'POST' as const, url: base(conversationId), payload: { title: 'x', joinUrl: 'https://x.example', slots: SLOTS } },
      { method: 'POST' as const, url: `${base(conversationId)}/${requestId}/accept`, payload: { slotId: m.slots[0].id, version: 2 } },
      { method: 'POST' as const, url: `${base(conversationId)}/${requestId}/decline`, payload: { version: 2 } },
      { method: 'POST' as const, url: `${base(conversationId)}/${requestId}/cancel`, payload: { version: 2 } },
      { method: 'POST' as const, url: `${base(conversationId)}/${requestId}/move`, payload: { slots: ['2027-04-01T12:00:00Z'], version: 2 } },
      { method: 'GET' as const, url: `${base(conversationId)}/${requestId}/invite.ics` },
    ];
    // Kraków and the programme manager are not parties; the accept/decline
    // forms use paths under the other conversation for Kraków too.
    for (const client of [krakow, manager]) {
      for (const r of routes(c.id, m.id)) {
        const res = await client.request(r);
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
        expect(res.json().reason?.code ?? res.json().code).toBeDefined();
      }
    }
    // Kraków takes part in `other`, but the request does not belong to it.
    for (const r of routes(other.id, m.id).slice(2)) expect((await krakow.request(r)).statusCode, `${r.method} ${r.url}`).toBe(404);
    // Guessed ids.
    for (const r of routes(randomUUID(), randomUUID())) expect((await lahti.request(r)).statusCode, `${r.method} ${r.url}`).toBe(404);
    for (const r of routes(c.id, randomUUID()).slice(2)) expect((await lahti.request(r)).statusCode, `${r.method} ${r.url}`).toBe(404);
    expect(await t.app.db.selectFrom('meeting_requests').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow()).toEqual(before);
    // Signed out: 401.
    const anonymous = await t.client();
    expect((await anonymous.request({ method: 'GET', url: base(c.id) })).statusCode).toBe(401);
  });

  it('the programme team as a party proposes; its zone is the programme default', async () => {
    const c = await insertConversation(t.app.db, { citySlugs: ['valencia'], withProgrammeTeam: true });
    const res = await propose(manager, c.id);
    expect(res.statusCode).toBe(201);
    const list = (await valencia.request({ method: 'GET', url: base(c.id) })).json();
    expect(list.parties.map((p: { name: string; timeZone: string }) => [p.name, p.timeZone])).toEqual([
      ['Valencia', 'Europe/Madrid'],
      ['Programme team', 'Europe/Brussels'],
    ]);
    expect((await meetingNotifications('valencia@demo.peercities.eu')).at(-1)?.title).toBe('Programme team proposes an online meeting: Heat pumps: a one-hour call');
  });
});

describe('meeting reminders, the day before', () => {
  it('tell both sides once, for meetings starting 24 to 25 hours ahead', async () => {
    const c = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia'], subject: 'Reminder test' });
    // A Wednesday no other test's meeting is on.
    const m = (await propose(lahti, c.id, { title: 'Reminder call', slots: ['2027-03-24T09:00:00Z', '2027-03-31T09:00:00Z'] })).json();
    await valencia.request({ method: 'POST', url: `${base(c.id)}/${m.id}/accept`, payload: { slotId: m.slots[0].id, version: 1 } });
    const start = new Date('2027-03-24T09:00:00Z').getTime();
    const at = (hoursBefore: number) => new Date(start - hoursBefore * 3_600_000);
    const reminders = async () =>
      t.app.db.selectFrom('notifications').select(['person_id', 'title']).where('title', '=', 'Tomorrow: Reminder call').execute();
    // Two days before: nothing yet.
    expect(await sendMeetingRequestReminders(t.app.db, at(48), 'http://x')).toBe(0);
    // 24.5 hours before: Lahti's two representatives and Valencia's two.
    expect(await sendMeetingRequestReminders(t.app.db, at(24.5), 'http://x')).toBe(4);
    // Again, and by a second process: nothing more.
    expect(await Promise.all([sendMeetingRequestReminders(t.app.db, at(24.2), 'http://x'), sendMeetingRequestReminders(t.app.db, at(24.1), 'http://x')])).toEqual([0, 0]);
    expect(await reminders()).toHaveLength(4);
    const email = await t.app.db.selectFrom('outbox').select('text_body').where('to_address', '=', 'valencia@demo.peercities.eu').where('subject', '=', 'Tomorrow: Reminder call').executeTakeFirstOrThrow();
    expect(email.text_body).toContain('When: Wednesday, 24 March 2027 at 10:00 (Europe/Madrid time)');
    expect(email.text_body).toContain(`Add it to your calendar (.ics): http://x/api/conversations/${c.id}/meeting-requests/${m.id}/invite.ics`);

    // Moved: a new reminder for the new time.
    const moved = await lahti.request({ method: 'POST', url: `${base(c.id)}/${m.id}/move`, payload: { slots: ['2027-03-25T07:00:00Z'], version: 2 } });
    expect(moved.statusCode).toBe(200);
    expect(await sendMeetingRequestReminders(t.app.db, new Date('2027-03-24T06:30:00Z'), 'http://x')).toBe(4);
    expect(await reminders()).toHaveLength(8);
  });
});

describe('the programme dashboard: meetings with Mission Cities', () => {
  it('counts requests and accepted ones during the programme, by sector of the solution and country of the Mission City', async () => {
    const slug = 'group-study-visits-2025';
    const programme = await t.app.db.selectFrom('programmes').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const period = await t.app.db
      .selectFrom('programme_milestones')
      .select((eb) => [eb.fn.min('starts_on').as('from'), eb.fn.max('ends_on').as('until')])
      .where('programme_id', '=', programme.id)
      .executeTakeFirstOrThrow();
    const from = new Date(`${String(period.from).slice(0, 10)}T12:00:00Z`);
    const after = new Date(new Date(`${String(period.until).slice(0, 10)}T12:00:00Z`).getTime() + 2 * 86_400_000);
    const dashboard = async () => (await manager.request({ method: 'GET', url: `/api/programmes/${slug}/dashboard` })).json().missionMeetings;
    const before = await dashboard();

    const solution = await t.app.db
      .selectFrom('solutions')
      .innerJoin('cities', 'cities.id', 'solutions.city_id')
      .select(['solutions.id', 'solutions.sectors'])
      .where('cities.slug', '=', 'valencia')
      .executeTakeFirstOrThrow();
    const aspiring = await t.app.db
      .insertInto('cities')
      .values({ slug: 'tartu-test', name: 'Tartu', country: 'EE', kind: 'aspiring', latitude: 58.38, longitude: 26.72, population: 91000 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const slotsAfter = (d: Date) => [new Date(d.getTime() + 2 * 86_400_000).toISOString(), new Date(d.getTime() + 3 * 86_400_000).toISOString()];

    t.setNow(from);
    try {
      // About Valencia's solution: proposed and accepted.
      const a = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia'], aboutSolutionId: solution.id });
      const m = (await propose(lahti, a.id, { slots: slotsAfter(from) })).json();
      expect((await valencia.request({ method: 'POST', url: `${base(a.id)}/${m.id}/accept`, payload: { slotId: m.slots[0].id, version: 1 } })).statusCode).toBe(200);
      // About a topic: proposed only.
      const b = await insertConversation(t.app.db, { citySlugs: ['lahti', 'valencia'] });
      expect((await propose(valencia, b.id, { slots: slotsAfter(from) })).statusCode).toBe(201);
      // No Mission City taking part: not counted.
      const c = await insertConversation(t.app.db, { citySlugs: ['tartu-test'], withProgrammeTeam: true });
      expect(c.cityIds['tartu-test']).toBe(aspiring.id);
      expect((await propose(manager, c.id, { slots: slotsAfter(from) })).statusCode).toBe(201);
      // After the programme's last day: not counted.
      t.setNow(after);
      expect((await propose(lahti, b.id, { slots: slotsAfter(after) })).statusCode).toBe(201);
    } finally {
      t.setNow(NOW);
    }

    const now = await dashboard();
    expect(now.requests - before.requests).toBe(2);
    expect(now.accepted - before.accepted).toBe(1);
    const tally = (rows: { name: string; requests: number; accepted: number }[], name: string) => rows.find((r) => r.name === name) ?? { requests: 0, accepted: 0 };
    // Lahti (FI) and Valencia (ES) are both Mission Cities: each request counts for both countries.
    for (const country of ['FI', 'ES']) {
      expect(tally(now.byCountry, country).requests - tally(before.byCountry, country).requests, country).toBe(2);
      expect(tally(now.byCountry, country).accepted - tally(before.byCountry, country).accepted, country).toBe(1);
    }
    expect(tally(now.byCountry, 'EE').requests).toBe(0);
    for (const sector of solution.sectors) {
      expect(tally(now.bySector, sector).requests - tally(before.bySector, sector).requests, sector).toBe(1);
      expect(tally(now.bySector, sector).accepted - tally(before.bySector, sector).accepted, sector).toBe(1);
    }
    const csv = await manager.request({ method: 'GET', url: `/api/programmes/${slug}/dashboard.csv` });
    expect(csv.body).toContain('meetings with Mission Cities: requested');
  });
});
