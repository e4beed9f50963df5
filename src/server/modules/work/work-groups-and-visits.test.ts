import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyWork, WorkItem, WorkSectionKind } from '../../../shared/work.schemas.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertVisit } from '../visits/visits.repository.ts';
import { publishProgramme } from '../../test-support/programmes.ts';

let t: TestApp;
let manager: TestClient;
const reps: Record<string, TestClient> = {};
const city: Record<string, string> = {};
let visitId = '';
const SLUG = 'work-visits';
const TITLE = 'Work visits edition';

async function itemsOf(c: TestClient, kind: WorkSectionKind): Promise<WorkItem[]> {
  const res = await c.request({ method: 'GET', url: '/api/me/work' });
  expect(res.statusCode).toBe(200);
  const work: MyWork = res.json();
  return work.sections.find((s) => s.kind === kind)?.items ?? [];
}

const personId = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2027-04-20T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: TITLE, format: 'group_study_visits', editionYear: 2027, slug: SLUG } });
  await publishProgramme(manager, SLUG);
  const programme = await t.app.db.selectFrom('programmes').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
  for (const slug of ['valencia', 'lahti', 'krakow', 'tilburg']) {
    city[slug] = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    reps[slug] = await t.signedIn(`${slug}@demo.peercities.eu`);
  }
  visitId = await insertVisit(t.app.db, {
    programmeId: programme.id,
    hostCityId: city.valencia ?? '',
    facilitatorId: await personId('facilitator@demo.peercities.eu'),
    matchingRunId: null,
    visitorCityIds: [city.lahti ?? '', city.krakow ?? ''],
  });
  await t.app.db.updateTable('study_visits').set({ starts_on: '2027-05-10', ends_on: '2027-05-11' }).where('id', '=', visitId).execute();
});
afterAll(async () => t.close());

const rep = (slug: string) => {
  const c = reps[slug];
  if (!c) throw new Error(`no ${slug} client`);
  return c;
};

describe('a study visit', () => {
  it('asks the manager to confirm its dates, then its agenda, until both are done', async () => {
    const [dates] = await itemsOf(manager, 'visits_to_confirm');
    expect(dates).toMatchObject({
      key: `visit-dates:${visitId}`,
      label: { code: 'WORK_VISIT_DATES_UNCONFIRMED', params: { host: 'Valencia', programme: TITLE } },
      date: '2027-05-09T22:00:00.000Z',
      dateMeaning: 'starts',
      urgency: 'soon',
      link: `/visits/${visitId}`,
    });
    expect((await manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/visits/confirm` })).statusCode).toBe(200);
    expect((await itemsOf(manager, 'visits_to_confirm')).map((i) => i.label.code)).toEqual(['WORK_VISIT_AGENDA_EMPTY']);
    const agenda = await manager.request({ method: 'POST', url: `/api/visits/${visitId}/agenda`, payload: { day: 1, startsAt: '09:00', endsAt: '10:00', kind: 'talk', title: 'Welcome' } });
    expect(agenda.statusCode).toBeLessThan(300);
    expect(await itemsOf(manager, 'visits_to_confirm')).toEqual([]);
  });

  it('is on the host’s and the visiting cities’ pages until it is over, and on nobody else’s', async () => {
    expect(await itemsOf(rep('valencia'), 'city_visits')).toEqual([
      expect.objectContaining({ label: { code: 'WORK_CITY_HOSTS_VISIT', params: { city: 'Valencia', programme: TITLE } }, date: '2027-05-09T22:00:00.000Z', urgency: 'later' }),
    ]);
    expect((await itemsOf(rep('lahti'), 'city_visits')).map((i) => i.label)).toEqual([{ code: 'WORK_CITY_VISITS_HOST', params: { city: 'Lahti', host: 'Valencia', programme: TITLE } }]);
    expect(await itemsOf(rep('tilburg'), 'city_visits')).toEqual([]);
    t.setNow('2027-05-11T21:30:00Z'); // 23:30 on the last day in Brussels
    expect(await itemsOf(rep('lahti'), 'city_visits')).toHaveLength(1);
    t.setNow('2027-05-12T10:00:00Z');
    expect(await itemsOf(rep('lahti'), 'city_visits')).toEqual([]);
  });

  it('asks each taking-part city for feedback, and the manager for the cities missing, until they give it', async () => {
    const due = '2027-05-25T21:59:59.000Z';
    expect(await itemsOf(rep('lahti'), 'city_follow_up')).toEqual([
      expect.objectContaining({ key: `feedback:${visitId}:${city.lahti}`, label: { code: 'WORK_CITY_FEEDBACK_DUE', params: { city: 'Lahti', host: 'Valencia' } }, date: due, urgency: 'later' }),
    ]);
    expect((await itemsOf(manager, 'feedback_missing')).map((i) => [i.key, i.count, i.date])).toEqual([[`feedback-missing:${visitId}`, 3, due]]);
    const given = await rep('lahti').request({ method: 'POST', url: `/api/visits/${visitId}/feedback`, payload: { cityId: city.lahti, ratings: { overall: 5, relevance: 5, organisation: 4 } } });
    expect(given.statusCode).toBe(200);
    expect(await itemsOf(rep('lahti'), 'city_follow_up')).toEqual([]);
    expect(await itemsOf(await t.signedIn('lahti2@demo.peercities.eu'), 'city_follow_up')).toEqual([]);
    expect((await itemsOf(manager, 'feedback_missing')).map((i) => i.count)).toEqual([2]);
    t.setNow('2027-05-26T10:00:00Z');
    expect((await itemsOf(rep('krakow'), 'city_follow_up')).map((i) => [i.key, i.urgency])).toEqual([[`feedback:${visitId}:${city.krakow}`, 'overdue']]);
  });

  it('asks a visiting city for its replication updates at 3, 6 and 12 months, and lets missed follow-up go after 90 days', async () => {
    const plan = (await rep('lahti').request({ method: 'POST', url: `/api/visits/${visitId}/replication-plans`, payload: { cityId: city.lahti, title: 'Superblock pilot' } })).json();
    expect(await itemsOf(rep('lahti'), 'city_follow_up')).toEqual([]);
    t.setNow('2027-08-12T10:00:00Z');
    expect(await itemsOf(rep('lahti'), 'city_follow_up')).toEqual([
      expect.objectContaining({
        key: `update:${plan.id}:3`,
        label: { code: 'WORK_CITY_REPLICATION_UPDATE_DUE', params: { city: 'Lahti', months: 3, plan: 'Superblock pilot' } },
        date: '2027-09-10T21:59:59.000Z',
        link: `/visits/${visitId}`,
      }),
    ]);
    expect((await itemsOf(rep('krakow'), 'city_follow_up')).map((i) => i.key)).toEqual([`feedback:${visitId}:${city.krakow}`]);
    const update = await rep('lahti').request({ method: 'PUT', url: `/api/replication-plans/${plan.id}/updates`, payload: { checkpoint: 3, status: 'in_progress' } });
    expect(update.statusCode).toBe(200);
    expect(await itemsOf(rep('lahti'), 'city_follow_up')).toEqual([]);
    t.setNow('2027-08-24T10:00:00Z');
    expect(await itemsOf(rep('krakow'), 'city_follow_up')).toEqual([]);
    expect(await itemsOf(manager, 'feedback_missing')).toEqual([]);
  });
});

describe('the facilitator of a study visit', () => {
  it('sees the visit they accompany until it is over, with its first day; other facilitators do not', async () => {
    t.setNow('2027-04-20T10:00:00Z');
    const pierre = await t.signedIn('facilitator@demo.peercities.eu');
    expect(await itemsOf(pierre, 'visits_to_accompany')).toEqual([
      {
        key: `accompany:${visitId}`,
        label: { code: 'WORK_FACILITATOR_VISIT', params: { host: 'Valencia', programme: TITLE } },
        count: null,
        date: '2027-05-09T22:00:00.000Z',
        dateMeaning: 'starts',
        urgency: 'soon',
        status: null,
        link: `/visits/${visitId}`,
      },
    ]);
    const katrin = await t.signedIn('facilitator2@demo.peercities.eu');
    expect(await itemsOf(katrin, 'visits_to_accompany')).toEqual([]);
    t.setNow('2027-05-12T10:00:00Z');
    expect(await itemsOf(pierre, 'visits_to_accompany')).toEqual([]);
  });
});

describe('a facilitator', () => {
  let group = '';
  const meetings: Record<string, string> = {};

  beforeAll(async () => {
    t.setNow('2026-12-10T10:00:00Z');
    group = (await t.app.db.selectFrom('discussion_groups').select('id').where('name', '=', 'Energy and buildings 2027 (English)').executeTakeFirstOrThrow()).id;
    for (const [name, startsAt] of [
      ['Soon', '2026-12-14T09:00:00Z'],
      ['Held', '2026-12-04T09:00:00Z'],
      ['Far', '2027-01-20T09:00:00Z'],
    ] as const) {
      meetings[name] = (
        await t.app.db.insertInto('group_meetings').values({ group_id: group, phase_number: 4, title: `${name} meeting`, starts_at: startsAt, duration_minutes: 60 }).returning('id').executeTakeFirstOrThrow()
      ).id;
    }
  });

  it('sees the next two weeks’ meetings and past ones without attendance, of their own groups only', async () => {
    const pierre = await t.signedIn('facilitator@demo.peercities.eu');
    expect((await itemsOf(pierre, 'next_meetings')).map((i) => [i.label.params?.meeting, i.date, i.urgency, i.link])).toEqual([['Soon meeting', '2026-12-14T09:00:00.000Z', 'soon', `/groups/${group}`]]);
    expect((await itemsOf(pierre, 'attendance_to_record')).map((i) => [i.key, i.dateMeaning, i.urgency])).toEqual([[`attendance:${meetings.Held}`, 'held', 'overdue']]);
    const katrin = await t.signedIn('facilitator2@demo.peercities.eu');
    expect(await itemsOf(katrin, 'next_meetings')).toEqual([]);
    expect(await itemsOf(katrin, 'attendance_to_record')).toEqual([]);

    const recorded = await pierre.request({ method: 'PUT', url: `/api/meetings/${meetings.Held}/attendance`, payload: { records: [{ personId: await personId('tilburg@demo.peercities.eu'), status: 'present' }] } });
    expect(recorded.statusCode).toBe(200);
    expect(await itemsOf(pierre, 'attendance_to_record')).toEqual([]);
  });

  it('sees the threads waiting for a facilitator’s answer until one answers, and again after a member writes', async () => {
    const pierre = await t.signedIn('facilitator@demo.peercities.eu');
    const waiting = await itemsOf(pierre, 'threads_waiting');
    expect(waiting.map((i) => i.label)).toEqual([{ code: 'WORK_THREAD_WAITING', params: { thread: 'Materials from the phase 2 meeting', group: 'Energy and buildings 2027 (English)' } }]);
    const threadId = waiting[0]?.link.slice('/discussions/'.length) ?? '';
    const katrin = await t.signedIn('facilitator2@demo.peercities.eu');
    expect((await itemsOf(katrin, 'threads_waiting')).map((i) => i.label.params?.group)).toEqual(['Mobility and public space 2027 (English)']);

    expect((await pierre.request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: '<p>The slides are in the materials.</p>' } })).statusCode).toBe(201);
    expect(await itemsOf(pierre, 'threads_waiting')).toEqual([]);
    expect((await rep('tilburg').request({ method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: '<p>Thank you! And the recording?</p>' } })).statusCode).toBe(201);
    const [again] = await itemsOf(pierre, 'threads_waiting');
    expect(again).toMatchObject({ key: `thread:${threadId}`, dateMeaning: 'since' });
    // The database stamps posts with its own clock: waiting counts from the post.
    const since = new Date(again?.date ?? '').getTime();
    t.setNow(new Date(since + 3600_000));
    expect((await itemsOf(pierre, 'threads_waiting')).map((i) => i.urgency)).toEqual(['soon']);
    t.setNow(new Date(since + 2 * 24 * 3600_000 + 60_000));
    expect((await itemsOf(pierre, 'threads_waiting')).map((i) => i.urgency)).toEqual(['overdue']);
  });
});
