import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertVisit } from './visits.repository.ts';
import { englishText, reason } from '../../../shared/reason-texts.ts';

let t: TestApp;
let manager: TestClient;
const visits: Record<string, string> = {};
const city: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2027-04-01T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Visits edition', format: 'group_study_visits', editionYear: 2027, slug: 'visits-test' } });
  const programme = await t.app.db.selectFrom('programmes').select('id').where('slug', '=', 'visits-test').executeTakeFirstOrThrow();
  for (const slug of ['valencia', 'milan', 'espoo', 'graz', 'ghent', 'brno', 'oulu']) city[slug] = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  const person = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const pierre = await person('facilitator@demo.peercities.eu');
  const katrin = await person('facilitator2@demo.peercities.eu');
  visits.valencia = await insertVisit(t.app.db, { programmeId: programme.id, hostCityId: city.valencia ?? '', facilitatorId: pierre, matchingRunId: null, visitorCityIds: [city.graz ?? '', city.ghent ?? ''] });
  visits.milan = await insertVisit(t.app.db, { programmeId: programme.id, hostCityId: city.milan ?? '', facilitatorId: pierre, matchingRunId: null, visitorCityIds: [city.brno ?? ''] });
  visits.espoo = await insertVisit(t.app.db, { programmeId: programme.id, hostCityId: city.espoo ?? '', facilitatorId: katrin, matchingRunId: null, visitorCityIds: [city.oulu ?? ''] });
  // A representative for Graz.
  const hash = (await t.app.db.selectFrom('people').select('password_hash').where('email', '=', 'lahti@demo.peercities.eu').executeTakeFirstOrThrow()).password_hash;
  const graz = await t.app.db.insertInto('people').values({ email: 'graz@example.org', name: 'Greta Graz', password_hash: hash }).returning('id').executeTakeFirstOrThrow();
  await t.app.db.insertInto('role_grants').values({ person_id: graz.id, role: 'city_representative', city_id: city.graz ?? '' }).execute();
});
afterAll(async () => t.close());

describe('scheduling the visits', () => {
  it('explains a facilitator clash between fixed dates, and writes nothing', async () => {
    const res = await manager.request({
      method: 'POST',
      url: '/api/programmes/visits-test/visits/schedule',
      payload: { apply: true, fixed: [{ visitId: visits.valencia, startsOn: '2027-05-18' }, { visitId: visits.milan, startsOn: '2027-05-19' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'conflict' });
    expect(englishText(res.json().reason)).toContain('Pierre Dubois accompanies the visits to Milan and Valencia');
    const list = (await manager.request({ method: 'GET', url: '/api/programmes/visits-test/visits' })).json().items;
    expect(list.every((v: { startsOn: string | null }) => v.startsOn === null)).toBe(true);
  });

  it('refuses days without visits outside the visits period or given twice, on their field, and keeps none', async () => {
    const { version } = (await manager.request({ method: 'GET', url: '/api/programmes/visits-test' })).json();
    const outside = await manager.request({ method: 'PATCH', url: '/api/programmes/visits-test', payload: { version, settings: { daysWithoutVisits: ['2027-05-07', '2027-08-02'] } } });
    expect(outside.statusCode).toBe(400);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    expect(outside.json().errors).toMatchObject([{ field: 'body.settings.daysWithoutVisits.1', reason: reason('DAYS_WITHOUT_VISITS_OUTSIDE_WINDOW', { windowStart: '2027-05-01', windowEnd: '2027-06-30' }) }]);
    const twice = await manager.request({ method: 'PATCH', url: '/api/programmes/visits-test', payload: { version, settings: { daysWithoutVisits: ['2027-05-07', '2027-05-07'] } } });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toMatchObject([{ field: 'body.settings.daysWithoutVisits', reason: { code: 'DAYS_WITHOUT_VISITS_REPEATED' } }]);
    expect((await manager.request({ method: 'GET', url: '/api/programmes/visits-test' })).json().settings.daysWithoutVisits).toEqual([]);
    const saved = await manager.request({ method: 'PATCH', url: '/api/programmes/visits-test', payload: { version, settings: { daysWithoutVisits: ['2027-05-07'] } } });
    expect(saved.json().settings.daysWithoutVisits).toEqual(['2027-05-07']);
  });

  it('keeps visits off the host country’s public holidays and the days without visits, and says why', async () => {
    // Ascension Day (6 May 2027) is a public holiday in Finland; 7 May is a day without visits (above).
    const onHoliday = await manager.request({ method: 'POST', url: '/api/programmes/visits-test/visits/schedule', payload: { apply: true, fixed: [{ visitId: visits.espoo, startsOn: '2027-05-05' }] } });
    expect(englishText(onHoliday.json().reason)).toBe('The visit to Espoo cannot start on 2027-05-05: it includes a public holiday there, 2027-05-06 (Ascension Day).');
    const onClosedDay = await manager.request({ method: 'POST', url: '/api/programmes/visits-test/visits/schedule', payload: { apply: true, fixed: [{ visitId: visits.valencia, startsOn: '2027-05-06' }] } });
    expect(englishText(onClosedDay.json().reason)).toBe('The visit to Valencia cannot start on 2027-05-06: the programme holds no visits on 2027-05-07.');
    const list = (await manager.request({ method: 'GET', url: '/api/programmes/visits-test/visits' })).json().items;
    expect(list.every((v: { startsOn: string | null }) => v.startsOn === null)).toBe(true);
    const proposal = (await manager.request({ method: 'POST', url: '/api/programmes/visits-test/visits/schedule', payload: { apply: false } })).json();
    expect(proposal.avoided.map(englishText)).toEqual(
      expect.arrayContaining(['No visits on 2027-05-07: days without visits of the programme.', 'No visit to Espoo on 2027-05-06: a public holiday there (Ascension Day).']),
    );
    // Labour Day falls on a Saturday in 2027: a weekend day is no news.
    expect(proposal.avoided.map(englishText).join(' ')).not.toContain('2027-05-01');
  });

  it('proposes a feasible schedule for all visits, respecting the host’s unavailable dates', async () => {
    const valenciaRep = await t.signedIn('valencia@demo.peercities.eu');
    // Valencia has the fewest possible dates, so the planner places it first: Milan has lost three
    // (Republic Day on 2 June, the day without visits on 7 May); 30 June makes it Valencia's fourth.
    const unavailable = await valenciaRep.request({ method: 'PUT', url: `/api/visits/${visits.valencia}/host-unavailable`, payload: { dates: ['2027-05-03', '2027-05-04', '2027-06-30'] } });
    expect(unavailable.json().hostUnavailable).toEqual(['2027-05-03', '2027-05-04', '2027-06-30']);
    const res = await manager.request({ method: 'POST', url: '/api/programmes/visits-test/visits/schedule', payload: { apply: true } });
    expect(res.json().status).toBe('scheduled');
    const byHost = Object.fromEntries(res.json().visits.map((v: { host: string; start: string; end: string }) => [v.host, [v.start, v.end]]));
    expect(byHost.Valencia).toEqual(['2027-05-05', '2027-05-06']);
    // Pierre needs a travel day after each visit, and weekends are free: Milan moves to the next week.
    expect(byHost.Milan).toEqual(['2027-05-10', '2027-05-11']);
    expect(byHost.Espoo).toEqual(['2027-05-03', '2027-05-04']);
  });

  it('confirms the schedule and emails hosts, visiting cities and facilitators', async () => {
    const res = await manager.request({ method: 'POST', url: '/api/programmes/visits-test/visits/confirm' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((v: { confirmed: boolean }) => v.confirmed)).toBe(true);
    const mail = await t.app.db.selectFrom('outbox').select(['to_address', 'subject']).where('subject', 'like', 'Visits edition: the study visit to Valencia%').execute();
    // Graz and Ghent also have demo representatives from the discussion groups' demo data.
    expect(mail.map((m) => m.to_address).sort()).toEqual([
      'facilitator@demo.peercities.eu',
      'ghent@demo.peercities.eu',
      'graz@demo.peercities.eu',
      'graz@example.org',
      'valencia2@demo.peercities.eu',
      'valencia@demo.peercities.eu',
    ]);
    expect(mail[0]?.subject).toBe('Visits edition: the study visit to Valencia is on Wednesday, 5 May 2027');
  });
});

describe('delegations and travel', () => {
  it('lets a visiting city name its delegates and computes the CO2 of the trip', async () => {
    const graz = await t.signedIn('graz@example.org');
    const res = await graz.request({
      method: 'PUT',
      url: `/api/visits/${visits.valencia}/delegations/${city.graz}`,
      payload: { mode: 'air', delegates: [{ name: 'Greta Graz', roleTitle: 'Energy planner', dietary: 'vegetarian' }, { name: 'Hans Huber', accessNeeds: 'step-free access' }] },
    });
    expect(res.statusCode).toBe(200);
    const travel = res.json().travel.find((x: { cityId: string }) => x.cityId === city.graz);
    expect(travel).toMatchObject({ mode: 'air', travellers: 2 });
    expect(travel.co2Kg).toBeGreaterThan(400);
    expect(res.json().co2Kg).toBe(travel.co2Kg);
    const tooMany = await graz.request({ method: 'PUT', url: `/api/visits/${visits.valencia}/delegations/${city.graz}`, payload: { mode: 'rail', delegates: [1, 2, 3, 4].map((i) => ({ name: `D${i}` })) } });
    expect(tooMany.json().errors).toEqual([{ field: 'body.delegates', message: 'The programme takes at most 3 delegates per city.', reason: reason('VISIT_DELEGATES_MAX', { max: 3 }) }]);
    expect((await graz.request({ method: 'PUT', url: `/api/visits/${visits.valencia}/delegations/${city.ghent}`, payload: { mode: 'rail', delegates: [] } })).statusCode).toBe(403);
  });

  it('keeps delegates’ personal data to the host, the facilitator, managers and their own city', async () => {
    const anon = await (await t.client()).request({ method: 'GET', url: `/api/visits/${visits.valencia}` });
    expect(anon.json().delegates).toBeNull();
    expect(anon.body).not.toContain('vegetarian');
    const list = await (await t.client()).request({ method: 'GET', url: '/api/programmes/visits-test/visits' });
    expect(list.body).not.toContain('Greta');
    const host = (await (await t.signedIn('valencia@demo.peercities.eu')).request({ method: 'GET', url: `/api/visits/${visits.valencia}` })).json();
    expect(host.delegates.map((d: { name: string; dietary: string }) => [d.name, d.dietary])).toEqual([['Greta Graz', 'vegetarian'], ['Hans Huber', '']]);
    const other = (await (await t.signedIn('lahti@demo.peercities.eu')).request({ method: 'GET', url: `/api/visits/${visits.valencia}` })).json();
    expect(other.delegates).toBeNull();
  });

  it('gives participants the visit and agenda as an .ics in Brussels time', async () => {
    const valenciaRep = await t.signedIn('valencia@demo.peercities.eu');
    const add = await valenciaRep.request({ method: 'POST', url: `/api/visits/${visits.valencia}/agenda`, payload: { day: 1, startsAt: '10:00', endsAt: '12:00', kind: 'site_visit', title: 'Superblock of Sant Marcel·lí', place: 'Carrer de Sant Marcel·lí' } });
    expect(add.json().agenda).toHaveLength(1);
    const bad = await valenciaRep.request({ method: 'POST', url: `/api/visits/${visits.valencia}/agenda`, payload: { day: 3, startsAt: '10:00', endsAt: '09:00', kind: 'talk', title: 'x' } });
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.endsAt']);
    // An item that overlaps another of the same day is refused next to its start, and nothing is added.
    const overlapping = await valenciaRep.request({ method: 'POST', url: `/api/visits/${visits.valencia}/agenda`, payload: { day: 1, startsAt: '11:30', endsAt: '13:00', kind: 'meal', title: 'Lunch' } });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().errors).toEqual([
      expect.objectContaining({ field: 'body.startsAt', reason: { code: 'VISIT_AGENDA_OVERLAP', params: { title: 'Superblock of Sant Marcel·lí', from: '10:00', to: '12:00', day: 1 } } }),
    ]);
    const touching = await valenciaRep.request({ method: 'POST', url: `/api/visits/${visits.valencia}/agenda`, payload: { day: 1, startsAt: '12:00', endsAt: '13:00', kind: 'meal', title: 'Lunch' } });
    expect(touching.json().agenda.map((i: { title: string }) => i.title)).toEqual(['Superblock of Sant Marcel·lí', 'Lunch']);
    const graz = await t.signedIn('graz@example.org');
    const ics = await graz.request({ method: 'GET', url: `/api/visits/${visits.valencia}/calendar.ics` });
    const comp = new ICAL.Component(ICAL.parse(ics.body));
    const tz = comp.getFirstSubcomponent('vtimezone');
    if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const events = comp.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual(['Study visit to Valencia', 'Valencia: Superblock of Sant Marcel·lí', 'Valencia: Lunch']);
    expect(events[1]?.startDate.toJSDate().toISOString()).toBe('2027-05-05T08:00:00.000Z');
    expect((await (await t.signedIn('lahti@demo.peercities.eu')).request({ method: 'GET', url: `/api/visits/${visits.valencia}/calendar.ics` })).statusCode).toBe(404);
  });
});
