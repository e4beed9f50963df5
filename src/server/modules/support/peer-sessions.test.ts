import ICAL from 'ical.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSupportSessionReminders } from '../../jobs/support-session-reminders.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let krakow: TestClient;
let sofia: TestClient;
let aoife: TestClient;
let valencia: TestClient;
let lahti: TestClient;
let manager: TestClient;
let krakowId: string;
let valenciaId: string;

type Table = 'support_peer_invitations' | 'support_sessions' | 'support_session_slots' | 'support_events' | 'audit_events' | 'notifications' | 'outbox';
const count = async (table: Table) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.app.db)).rows[0]?.n ?? 0;
const counts = () => Promise.all((['support_peer_invitations', 'support_sessions', 'support_session_slots', 'support_events', 'audit_events', 'notifications', 'outbox'] as const).map(count));
const personId = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

const CHALLENGE = {
  title: 'Learning from cities that financed district heating',
  question: 'Kraków must move its district heating off coal by 2035. We would like to hear from Mission Cities that financed a heat network: which funds, which tariffs, what went wrong.',
  sectors: ['energy'],
  levers: ['finance-funding'],
  languages: ['pl', 'en', 'fr'],
  kind: 'peer-session',
  urgency: 'normal',
};
// Monday 7 December 2026, 11:00 in Brussels; the times proposed are in Brussels time.
const NOW = '2026-12-07T10:00:00Z';
const SLOTS = ['2026-12-14T10:00:00+01:00', '2026-12-15T14:00:00+01:00', '2026-12-16T09:30:00+01:00'];

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const tz = calendar.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { method: calendar.getFirstPropertyValue('method'), tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'), event: new ICAL.Event(vevent) };
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  const sign = (n: string) => t.signedIn(`${n}@demo.peercities.eu`);
  [krakow, sofia, aoife, valencia, lahti, manager] = await Promise.all([sign('krakow'), sign('expert'), sign('expert2'), sign('valencia'), sign('lahti'), sign('manager')]);
  const city = (slug: string) => t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  krakowId = (await city('krakow')).id;
  valenciaId = (await city('valencia')).id;
});
afterAll(async () => t.close());

describe('peer sessions', () => {
  let id: string;
  let proposed: { city: { id: string; name: string }; reasons: { code: string; params?: Record<string, string | number> }[]; why: string }[];

  it('proposes the three Mission Cities that best fit the challenge, with readable reasons, never the asking city', async () => {
    const created = await krakow.request({ method: 'POST', url: '/api/support-requests', payload: { cityId: krakowId, ...CHALLENGE } });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json().expert.name).toBe('Sofia Rossi');

    const res = await krakow.request({ method: 'GET', url: `/api/support-requests/${id}/peer-cities` });
    expect(res.statusCode, res.body).toBe(200);
    const choice = res.json();
    proposed = choice.proposed;
    expect(proposed).toHaveLength(3);
    const ids = proposed.map((p) => p.city.id);
    expect(ids).not.toContain(krakowId);
    expect(choice.missionCities.map((c: { id: string }) => c.id)).not.toContain(krakowId);
    const missions = await t.app.db.selectFrom('cities').select('id').where('kind', '=', 'mission').where('id', 'in', ids).execute();
    expect(missions).toHaveLength(3);
    for (const p of proposed) {
      expect(p.reasons.length).toBeGreaterThan(0);
      // Sector and lever names, not codes; language names, not ISO codes.
      expect(p.why).toMatch(/planned solutions in energy|planned solutions pulling finance & funding/);
      expect(p.why).not.toMatch(/finance-funding|\bworks in [a-z]{2}\b/);
      const languages = p.reasons.find((r) => r.code === 'SUPPORT_PEER_LANGUAGES');
      if (languages) expect(String(languages.params?.languages)).toMatch(/^[A-Z][a-z]+(, [A-Z][a-z]+)*$/);
    }
    // Best first.
    const scores = choice.proposed.map((p: { score: number }) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Kraków can work in French: Lyon's language counts, by its name.
    expect(proposed.find((p) => p.city.name === 'Lyon')?.why).toContain('works in French');

    const session = (await sofia.request({ method: 'GET', url: `/api/support-requests/${id}/session` })).json();
    expect(session.can).toEqual({ confirmPeers: true, answerInvitation: false, proposeSlots: false, pickSlot: false, downloadIcs: false, writeTakeaway: false });
    expect((await krakow.request({ method: 'GET', url: `/api/support-requests/${id}/session` })).json().can.confirmPeers).toBe(false);
  });

  it('lets only the assigned expert confirm: others get 404 or 403, bad choices 400, and nothing is written', async () => {
    const before = await counts();
    const payload = { cityIds: proposed.map((p) => p.city.id), version: 1 };
    expect((await aoife.request({ method: 'POST', url: `/api/support-requests/${id}/peer-cities`, payload })).statusCode).toBe(404);
    expect((await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/peer-cities`, payload })).statusCode).toBe(403);
    expect((await manager.request({ method: 'POST', url: `/api/support-requests/${id}/peer-cities`, payload })).statusCode).toBe(403);
    expect((await lahti.request({ method: 'GET', url: `/api/support-requests/${id}/peer-cities` })).statusCode).toBe(404);
    expect((await lahti.request({ method: 'GET', url: `/api/support-requests/${id}/session` })).statusCode).toBe(404);
    const asker = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/peer-cities`, payload: { cityIds: [krakowId], version: 1 } });
    expect(asker.statusCode).toBe(400);
    expect(asker.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.cityIds']);
    const many = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/peer-cities`, payload: { cityIds: Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`), version: 1 } });
    expect(many.statusCode).toBe(400);
    expect((await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/peer-cities`, payload: { ...payload, version: 9 } })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('invites the chosen cities (two proposed, Valencia added), telling their representatives in the same transaction', async () => {
    const chosen = [...proposed.slice(0, 2).map((p) => p.city.id).filter((c) => c !== valenciaId), valenciaId];
    const res = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/peer-cities`, payload: { cityIds: chosen, version: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.version).toBe(2);
    expect(s.invitations.map((i: { city: { id: string } }) => i.city.id)).toEqual(chosen);
    expect(s.invitations.every((i: { answer: string }) => i.answer === 'pending')).toBe(true);
    expect(s.can.confirmPeers).toBe(false);
    expect(s.can.proposeSlots).toBe(true);
    const note = await t.app.db.selectFrom('notifications').select(['title', 'link', 'kind']).where('person_id', '=', await personId('valencia@demo.peercities.eu')).where('link', '=', `/support/${id}`).executeTakeFirstOrThrow();
    expect(note).toEqual({ kind: 'support', title: `Valencia is invited to a peer session with Kraków: ${CHALLENGE.title}`, link: `/support/${id}` });
    const email = await t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'valencia@demo.peercities.eu').where('subject', 'like', 'Kraków would like to learn%').executeTakeFirstOrThrow();
    expect(email.text_body).toContain(`http://peercities.test/support/${id}`);
    const audit = await t.app.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['support_request.create', 'support_request.invite_peers']);
    // Confirming twice is not possible.
    expect((await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/peer-cities`, payload: { cityIds: chosen, version: 2 } })).statusCode).toBe(409);
  });

  it('lets Valencia read the request and accept; the expert is told and the request shows the answer', async () => {
    const detail = await valencia.request({ method: 'GET', url: `/api/support-requests/${id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().can).toEqual({ answer: false, markSessionHeld: false, close: false, reopen: false, reassign: false, seePublication: false });
    // It reads the request's files (to prepare the session), not its publishing; Lahti, not invited, neither.
    const files = await valencia.request({ method: 'GET', url: `/api/support-requests/${id}/attachments` });
    expect(files.statusCode, files.body).toBe(200);
    expect(files.json().canChange).toBe(false);
    expect((await valencia.request({ method: 'GET', url: `/api/support-requests/${id}/publication` })).statusCode).toBe(404);
    expect((await lahti.request({ method: 'GET', url: `/api/support-requests/${id}/attachments` })).statusCode).toBe(404);
    const mine = (await valencia.request({ method: 'GET', url: `/api/support-requests/${id}/session` })).json();
    expect(mine.myInvitedCityIds).toEqual([valenciaId]);
    expect(mine.can.answerInvitation).toBe(true);
    // Lahti is not invited: it cannot answer for Valencia, nor for itself.
    const lahtiId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'lahti').executeTakeFirstOrThrow()).id;
    expect((await lahti.request({ method: 'POST', url: `/api/support-requests/${id}/session/answer`, payload: { cityId: lahtiId, answer: 'accepted', version: 2 } })).statusCode).toBe(404);
    const ok = await valencia.request({ method: 'POST', url: `/api/support-requests/${id}/session/answer`, payload: { cityId: valenciaId, answer: 'accepted', version: 2 } });
    expect(ok.statusCode, ok.body).toBe(200);
    const answered = ok.json().invitations.find((i: { city: { id: string } }) => i.city.id === valenciaId);
    expect(answered).toMatchObject({ answer: 'accepted', answeredBy: 'Lucía Martínez', answeredAt: '2026-12-07T10:00:00.000Z' });
    const fromKrakow = (await krakow.request({ method: 'GET', url: `/api/support-requests/${id}/session` })).json();
    expect(fromKrakow.invitations.map((i: { answer: string }) => i.answer)).toEqual(['pending', 'pending', 'accepted']);
    const told = await t.app.db.selectFrom('notifications').select('title').where('person_id', '=', await personId('expert@demo.peercities.eu')).where('title', 'like', 'Valencia accepted%').execute();
    expect(told).toHaveLength(1);
  });

  it('takes two to five future times from the expert; the city picks one; everyone taking part gets the time and the .ics', async () => {
    const before = await counts();
    const soon = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/session/slots`, payload: { slots: ['2026-12-07T10:30:00Z', SLOTS[0]], version: 3 } });
    expect(soon.statusCode).toBe(400);
    expect(soon.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.slots.0']);
    const one = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/session/slots`, payload: { slots: [SLOTS[0]], version: 3 } });
    expect(one.statusCode).toBe(400);
    expect((await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/session/slots`, payload: { slots: SLOTS, version: 3 } })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);

    const proposedTimes = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/session/slots`, payload: { slots: SLOTS, joinUrl: 'https://meet.example.org/krakow-heat', version: 3 } });
    expect(proposedTimes.statusCode, proposedTimes.body).toBe(200);
    const s = proposedTimes.json();
    expect(s.durationMinutes).toBe(120);
    expect(s.slots.map((x: { startsAt: string }) => x.startsAt)).toEqual(['2026-12-14T09:00:00.000Z', '2026-12-15T13:00:00.000Z', '2026-12-16T08:30:00.000Z']);
    const email = await t.app.db.selectFrom('outbox').select('text_body').where('to_address', '=', 'krakow@demo.peercities.eu').where('subject', 'like', 'Pick a time%').executeTakeFirstOrThrow();
    expect(email.text_body).toContain('Monday, 14 December 2026 at 10:00 (Europe/Brussels time)');

    // Valencia is invited but does not pick; an unknown slot is refused.
    expect((await valencia.request({ method: 'POST', url: `/api/support-requests/${id}/session/pick`, payload: { slotId: s.slots[1].id, version: 4 } })).statusCode).toBe(409);
    expect((await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/session/pick`, payload: { slotId: '00000000-0000-4000-8000-000000000000', version: 4 } })).statusCode).toBe(400);
    expect((await krakow.request({ method: 'GET', url: `/api/support-requests/${id}/session.ics` })).statusCode).toBe(409);

    const picked = await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/session/pick`, payload: { slotId: s.slots[1].id, version: 4 } });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json()).toMatchObject({ scheduledAt: '2026-12-15T13:00:00.000Z', icsPath: `/api/support-requests/${id}/session.ics`, version: 5 });
    expect(picked.json().can.pickSlot).toBe(false);
    for (const email of ['valencia@demo.peercities.eu', 'expert@demo.peercities.eu']) {
      const mail = await t.app.db.selectFrom('outbox').select('text_body').where('to_address', '=', email).where('subject', 'like', 'Scheduled:%').executeTakeFirstOrThrow();
      expect(mail.text_body).toContain('When: Tuesday, 15 December 2026 at 14:00 (Europe/Brussels time), 120 minutes');
      expect(mail.text_body).toContain(`http://peercities.test/api/support-requests/${id}/session.ics`);
    }

    const uids = new Set<string>();
    for (const client of [krakow, valencia, sofia]) {
      const res = await client.request({ method: 'GET', url: `/api/support-requests/${id}/session.ics` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.body.endsWith('\r\n')).toBe(true);
      expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      const ics = parseIcs(res.body);
      expect(ics.method).toBe('REQUEST');
      expect(ics.tzid).toBe('Europe/Brussels');
      expect(ics.event.startDate.toJSDate().toISOString()).toBe('2026-12-15T13:00:00.000Z');
      expect([ics.event.startDate.hour, ics.event.endDate.hour]).toEqual([14, 16]);
      expect(ics.event.summary).toBe(`Peer session: ${CHALLENGE.title}`);
      expect(ics.event.location).toBe('https://meet.example.org/krakow-heat');
      uids.add(ics.event.uid);
    }
    expect(uids.size).toBe(1);
    // Invited but not accepted: no calendar file.
    const pendingCity = (await t.app.db.selectFrom('support_peer_invitations').select('city_id').where('request_id', '=', id).where('answer', '=', 'pending').execute()).length;
    expect(pendingCity).toBe(2);
  });

  it('reminds everyone taking part once, within the day before (injected clock)', async () => {
    const before = await count('notifications');
    expect(await sendSupportSessionReminders(t.app.db, new Date('2026-12-14T10:00:00Z'), 'http://peercities.test')).toBe(0);
    const sent = await sendSupportSessionReminders(t.app.db, new Date('2026-12-14T14:00:00Z'), 'http://peercities.test');
    // The representatives of Kraków and of Valencia (accepted), and Sofia; not those of the cities that did not answer.
    const reps = await t.app.db.selectFrom('role_grants').select('person_id').distinct().where('role', '=', 'city_representative').where('city_id', 'in', [krakowId, valenciaId]).execute();
    expect(sent).toBe(reps.length + 1);
    expect(await sendSupportSessionReminders(t.app.db, new Date('2026-12-14T15:00:00Z'), 'http://peercities.test')).toBe(0);
    expect(await count('notifications')).toBe(before + reps.length + 1);
    const mail = await t.app.db.selectFrom('outbox').select('text_body').where('to_address', '=', 'valencia@demo.peercities.eu').where('subject', 'like', 'Tomorrow:%').execute();
    expect(mail).toHaveLength(1);
  });

  it('takes what the city takes away once the session is held, and shows it', async () => {
    const early = await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/takeaway`, payload: { text: 'We will try a heat tariff.', version: 5 } });
    expect(early.statusCode).toBe(409);
    t.setNow('2026-12-15T16:00:00Z');
    const held = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/session-held`, payload: { note: 'Three cities, two hours.', version: 5 } });
    expect(held.statusCode, held.body).toBe(200);
    const before = await counts();
    const short = await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/takeaway`, payload: { text: 'Nice.', version: 6 } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.text']);
    expect((await valencia.request({ method: 'POST', url: `/api/support-requests/${id}/takeaway`, payload: { text: 'Not our request to write about.', version: 6 } })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    const text = 'Valencia’s cooperative model and a tariff reviewed every year: we will propose both to the council in January.';
    const ok = await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/takeaway`, payload: { text, version: 6 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().takeaway).toEqual({ text, by: 'Piotr Nowak', at: '2026-12-15T16:00:00.000Z' });
    const row = await t.app.db.selectFrom('support_requests').select(['takeaway', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ takeaway: text, version: 7 });
    const events = (await sofia.request({ method: 'GET', url: `/api/support-requests/${id}` })).json().events.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(['submitted', 'assigned', 'peers_invited', 'peer_accepted', 'slots_proposed', 'session_scheduled', 'session_held', 'takeaway']);
    t.setNow(NOW);
  });
});

describe('calls on request', () => {
  it('schedules a one-to-one call the same way, without peer cities', async () => {
    const created = (await krakow.request({ method: 'POST', url: '/api/support-requests', payload: { cityId: krakowId, ...CHALLENGE, title: 'A call on heat tariffs', kind: 'call' } })).json();
    expect((await krakow.request({ method: 'GET', url: `/api/support-requests/${created.id}/peer-cities` })).statusCode).toBe(409);
    const s = (await sofia.request({ method: 'GET', url: `/api/support-requests/${created.id}/session` })).json();
    expect(s.can).toMatchObject({ confirmPeers: false, proposeSlots: true });
    const slots = await sofia.request({ method: 'POST', url: `/api/support-requests/${created.id}/session/slots`, payload: { slots: SLOTS.slice(0, 2), durationMinutes: 45, version: 1 } });
    expect(slots.statusCode, slots.body).toBe(200);
    const picked = await krakow.request({ method: 'POST', url: `/api/support-requests/${created.id}/session/pick`, payload: { slotId: slots.json().slots[0].id, version: 2 } });
    expect(picked.statusCode, picked.body).toBe(200);
    const ics = parseIcs((await sofia.request({ method: 'GET', url: `/api/support-requests/${created.id}/session.ics` })).body);
    expect(ics.event.summary).toBe('Call: A call on heat tariffs');
    expect(ics.event.duration.toSeconds()).toBe(45 * 60);
    expect((await valencia.request({ method: 'GET', url: `/api/support-requests/${created.id}/session.ics` })).statusCode).toBe(404);
  });
});
