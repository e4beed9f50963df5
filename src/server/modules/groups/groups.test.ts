import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishProgramme } from '../../test-support/programmes.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { reason } from '../../../shared/reason-texts.ts';

let t: TestApp;
let facilitator: TestClient;
let groupId: string;
const SLUG = 'groups-test';
const cities: Record<string, string> = {};

async function cityId(slug: string) {
  return (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-06-01T10:00:00Z');
  const manager = await t.signedIn('manager@demo.peercities.eu');
  await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Groups test edition', format: 'group_study_visits', editionYear: 2027, slug: SLUG } });
  await publishProgramme(manager, SLUG);
  // Three aspiring cities, each with a representative.
  for (const [slug, email] of [['toulouse', 'toulouse@example.org'], ['strasbourg', 'strasbourg@example.org'], ['vantaa', 'vantaa@example.org']] as const) {
    cities[slug] = await cityId(slug);
    const person = await t.app.db.insertInto('people').values({ email, name: `Rep ${slug}`, password_hash: (await t.app.db.selectFrom('people').select('password_hash').where('email', '=', 'lahti@demo.peercities.eu').executeTakeFirstOrThrow()).password_hash }).returning('id').executeTakeFirstOrThrow();
    await t.app.db.insertInto('role_grants').values({ person_id: person.id, role: 'city_representative', city_id: cities[slug] ?? '' }).execute();
  }
  facilitator = await t.signedIn('facilitator@demo.peercities.eu');
});
afterAll(async () => t.close());

describe('discussion groups', () => {
  it('lets a facilitator create a group in a programme with four learning phases', async () => {
    const res = await facilitator.request({ method: 'POST', url: `/api/programmes/${SLUG}/groups`, payload: { name: 'Energy in English', sectors: ['energy', 'buildings'], language: 'en', capacity: 3 } });
    expect(res.statusCode).toBe(201);
    const group = res.json();
    groupId = group.id;
    expect(group.phases.map((p: { number: number; startsOn: string }) => [p.number, p.startsOn])).toEqual([
      [1, '2026-07-01'],
      [2, '2026-08-08'],
      [3, '2026-09-15'],
      [4, '2026-10-23'],
    ]);
    expect(group.facilitators.map((f: { name: string }) => f.name)).toEqual(['Pierre Dubois']);
    expect(group.viewer).toEqual({ canManage: true, isMember: false });
  });

  it('takes expressions of interest and admits cities up to its capacity', async () => {
    for (const slug of ['toulouse', 'strasbourg', 'vantaa']) {
      const rep = await t.signedIn(`${slug}@example.org`);
      const res = await rep.request({ method: 'POST', url: `/api/groups/${groupId}/interest`, payload: { cityId: cities[slug], sectors: ['energy'], message: 'We want to learn' } });
      expect(res.statusCode).toBe(200);
    }
    const lahti = await t.signedIn('lahti@demo.peercities.eu');
    expect((await lahti.request({ method: 'POST', url: `/api/groups/${groupId}/interest`, payload: { cityId: cities.toulouse } })).statusCode).toBe(403);
    for (const slug of ['toulouse', 'strasbourg', 'vantaa']) {
      const res = await facilitator.request({ method: 'PUT', url: `/api/groups/${groupId}/members/${cities[slug]}`, payload: { status: 'admitted' } });
      expect(res.statusCode).toBe(200);
    }
    const group = (await facilitator.request({ method: 'GET', url: `/api/groups/${groupId}` })).json();
    expect(group.admitted).toBe(3);
    // Someone else's facilitator cannot decide for this group.
    const katrin = await t.signedIn('facilitator2@demo.peercities.eu');
    expect((await katrin.request({ method: 'PUT', url: `/api/groups/${groupId}/members/${cities.toulouse}`, payload: { status: 'declined' } })).statusCode).toBe(403);
  });

  it('schedules meetings in Brussels time, invites participants, and gives them .ics files that parse', async () => {
    // Phase 1 runs from 1 July to 7 August 2026: a meeting of it on 20 August is refused on its date, and nobody is invited.
    const late = await facilitator.request({
      method: 'POST',
      url: `/api/groups/${groupId}/meetings`,
      payload: { phaseNumber: 1, title: 'Too late', startsAtLocal: '2026-08-20T10:00', durationMinutes: 90, joinUrl: null },
    });
    expect(late.statusCode).toBe(400);
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect(late.json().errors).toEqual([
      { field: 'body.startsAtLocal', message: 'Phase 1 ended on 2026-08-07: choose a day from 2026-07-01 to 2026-08-07, or another phase.', reason: reason('MEETING_AFTER_PHASE', { phase: 1, startsOn: '2026-07-01', endsOn: '2026-08-07' }) },
    ]);
    const early = await facilitator.request({ method: 'POST', url: `/api/groups/${groupId}/meetings`, payload: { phaseNumber: 2, title: 'Too early', startsAtLocal: '2026-08-07T10:00', durationMinutes: 90, joinUrl: null } });
    expect(early.json().errors[0]).toMatchObject({ field: 'body.startsAtLocal', reason: { code: 'MEETING_BEFORE_PHASE' } });
    expect(await t.app.db.selectFrom('group_meetings').select('id').where('group_id', '=', groupId).execute()).toEqual([]);
    expect(await t.app.db.selectFrom('outbox').select('id').where('subject', 'like', '%Too %').execute()).toEqual([]);
    const res = await facilitator.request({
      method: 'POST',
      url: `/api/groups/${groupId}/meetings`,
      payload: { phaseNumber: 1, title: 'Kick-off', startsAtLocal: '2026-07-08T10:00', durationMinutes: 90, joinUrl: 'https://meet.example.org/energy' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().startsAt).toBe('2026-07-08T08:00:00.000Z');
    const mail = await t.app.db.selectFrom('outbox').select(['to_address', 'subject']).where('subject', 'like', 'Energy in English: Kick-off%').execute();
    expect(mail.map((m) => m.to_address).sort()).toEqual(['strasbourg@example.org', 'toulouse@example.org', 'vantaa@example.org']);

    const toulouse = await t.signedIn('toulouse@example.org');
    const ics = await toulouse.request({ method: 'GET', url: `/api/meetings/${res.json().id}/calendar.ics` });
    expect(ics.headers['content-type']).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(ics.body));
    const tz = comp.getFirstSubcomponent('vtimezone');
    if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const event = new ICAL.Event(comp.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.startDate.hour).toBe(10);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-07-08T08:00:00.000Z');

    const outsider = await t.signedIn('lahti@demo.peercities.eu');
    expect((await outsider.request({ method: 'GET', url: `/api/meetings/${res.json().id}/calendar.ics` })).statusCode).toBe(404);
    const anon = await t.client();
    const publicList = (await anon.request({ method: 'GET', url: `/api/groups/${groupId}/meetings` })).json();
    expect(publicList.items[0].joinUrl).toBeNull();
  });

  it('still answers at the former session paths, which emails already sent and calendars hold', async () => {
    const [meeting] = (await facilitator.request({ method: 'GET', url: `/api/groups/${groupId}/meetings` })).json().items;
    const toulouse = await t.signedIn('toulouse@example.org');
    const current = await toulouse.request({ method: 'GET', url: `/api/meetings/${meeting.id}/calendar.ics` });
    const former = await toulouse.request({ method: 'GET', url: `/api/sessions/${meeting.id}/calendar.ics` });
    expect(former.statusCode).toBe(200);
    expect(former.body).toBe(current.body);
    // Calendars know the event by its UID: it is the one they were first given.
    expect(former.body).toContain(`UID:session-${meeting.id}@peercities`);
    const outsider = await t.signedIn('lahti@demo.peercities.eu');
    expect((await outsider.request({ method: 'GET', url: `/api/sessions/${meeting.id}/calendar.ics` })).statusCode).toBe(404);
    const anon = await t.client();
    expect((await anon.request({ method: 'GET', url: `/api/groups/${groupId}/sessions` })).json()).toEqual((await anon.request({ method: 'GET', url: `/api/groups/${groupId}/meetings` })).json());
    const sheet = await facilitator.request({ method: 'GET', url: `/api/sessions/${meeting.id}/attendance` });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.json().meetingId).toBe(meeting.id);
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { deprecated?: boolean }>> };
    expect(doc.paths['/api/sessions/{id}/calendar.ics']?.get?.deprecated).toBe(true);
    expect(doc.paths['/api/meetings/{id}/calendar.ics']?.get?.deprecated).toBeUndefined();
  });

  it('records attendance in bulk and counts completed phases; completing all four makes a city eligible to visit', async () => {
    const eligibleBefore = await t.signedIn('toulouse@example.org');
    const reasonBefore = (await eligibleBefore.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/visitor/eligibility?cityId=${cities.toulouse}` })).json();
    expect(reasonBefore.reasons.join(' ')).toContain("has not yet completed the discussion groups' learning phases 1, 2, 3 and 4");

    const meetings = (await facilitator.request({ method: 'GET', url: `/api/groups/${groupId}/meetings` })).json().items;
    const meetingIds = [meetings[0].id];
    for (const [phase, date] of [[2, '2026-08-20'], [3, '2026-09-24'], [4, '2026-11-05']] as const) {
      const r = await facilitator.request({ method: 'POST', url: `/api/groups/${groupId}/meetings`, payload: { phaseNumber: phase, title: `Phase ${phase}`, startsAtLocal: `${date}T10:00`, durationMinutes: 90 } });
      meetingIds.push(r.json().id);
    }
    for (const [i, meetingId] of meetingIds.entries()) {
      const sheet = (await facilitator.request({ method: 'GET', url: `/api/meetings/${meetingId}/attendance` })).json();
      const records = sheet.participants.map((p: { personId: string; cityName: string }) => ({
        personId: p.personId,
        status: p.cityName === 'Toulouse' ? 'present' : p.cityName === 'Strasbourg' && i < 2 ? 'present' : 'excused',
      }));
      const res = await facilitator.request({ method: 'PUT', url: `/api/meetings/${meetingId}/attendance`, payload: { records } });
      expect(res.statusCode).toBe(200);
    }
    const progress = (await facilitator.request({ method: 'GET', url: `/api/groups/${groupId}/progress` })).json();
    const byCity = Object.fromEntries(progress.cities.map((c: { cityName: string; phasesCompleted: number[]; complete: boolean }) => [c.cityName, [c.phasesCompleted, c.complete]]));
    expect(byCity).toEqual({ Vantaa: [[], false], Strasbourg: [[1, 2], false], Toulouse: [[1, 2, 3, 4], true] });
    expect(progress.meetings[0]).toMatchObject({ title: 'Kick-off', present: 2, excused: 1, absent: 0 });

    // Toulouse (target 2050 or earlier in the demo data) may now apply to visit; Strasbourg still lacks phases 3 and 4.
    await t.app.db.updateTable('cities').set({ climate_target_year: 2045 }).where('id', 'in', [cities.toulouse ?? '', cities.strasbourg ?? '']).execute();
    const toulouse = (await eligibleBefore.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/visitor/eligibility?cityId=${cities.toulouse}` })).json();
    expect(toulouse).toMatchObject({ eligible: true, reasons: [] });
    const strasbourgRep = await t.signedIn('strasbourg@example.org');
    const strasbourg = (await strasbourgRep.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/visitor/eligibility?cityId=${cities.strasbourg}` })).json();
    expect(strasbourg.reasons).toEqual(["Strasbourg has not yet completed the discussion groups' learning phases 3 and 4."]);
    // A city sees only its own progress.
    const own = (await strasbourgRep.request({ method: 'GET', url: `/api/groups/${groupId}/progress` })).json();
    expect(own.cities.map((c: { cityName: string }) => c.cityName)).toEqual(['Strasbourg']);
    expect(own.meetings).toEqual([]);
  });

  it('refuses attendance for someone outside the group', async () => {
    const meetings = (await facilitator.request({ method: 'GET', url: `/api/groups/${groupId}/meetings` })).json().items;
    const lahti = await t.app.db.selectFrom('people').select('id').where('email', '=', 'lahti@demo.peercities.eu').executeTakeFirstOrThrow();
    const res = await facilitator.request({ method: 'PUT', url: `/api/meetings/${meetings[0].id}/attendance`, payload: { records: [{ personId: lahti.id, status: 'present' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.records.0.personId', message: 'This person does not take part in the group.', reason: reason('ATTENDANCE_NOT_PARTICIPANT') }]);
  });

  it('gives each person a private calendar feed that can be revoked', async () => {
    const toulouse = await t.signedIn('toulouse@example.org');
    const { url } = (await toulouse.request({ method: 'POST', url: '/api/me/calendar-feed' })).json();
    const path = new URL(url).pathname;
    const feed = await t.app.inject(path);
    expect(feed.statusCode).toBe(200);
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(4);
    const renewed = (await toulouse.request({ method: 'POST', url: '/api/me/calendar-feed' })).json();
    expect((await t.app.inject(path)).statusCode).toBe(404);
    await toulouse.request({ method: 'DELETE', url: '/api/me/calendar-feed' });
    expect((await t.app.inject(new URL(renewed.url).pathname)).statusCode).toBe(404);
  });
});
