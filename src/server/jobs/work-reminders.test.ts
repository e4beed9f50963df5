import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeWithScoredHostCall } from '../test-support/host-call.ts';
import { removeDemoStageEditions } from '../test-support/programmes.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { insertVisit } from '../modules/visits/visits.repository.ts';
import { sendWorkReminders } from './work-reminders.ts';

let t: TestApp;
let manager: TestClient;
const SLUG = 'reminders-test';
const URL = 'http://peercities.test';
let lahtiApplication = '';
let visitId = '';

const idOf = async (table: 'cities' | 'people', where: 'slug' | 'email', value: string) =>
  (await t.app.db.selectFrom(table).select('id').where(where, '=', value).executeTakeFirstOrThrow()).id;

const outbox = () => t.app.db.selectFrom('outbox').select(['id', 'to_address', 'subject', 'text_body']).orderBy('to_address').execute();

/** Runs the job at `now` and returns the emails it queued. */
async function runAt(now: string) {
  const before = new Set((await outbox()).map((e) => e.id));
  t.setNow(now);
  const count = await sendWorkReminders(t.app.db, new Date(now), URL);
  const emails = (await outbox()).filter((e) => !before.has(e.id));
  expect(emails).toHaveLength(count);
  return emails;
}

beforeAll(async () => {
  t = await createTestApp();
  // Only this test's edition has work falling due in January 2027 (the demo's editions in evaluation and selection would be overdue too).
  await removeDemoStageEditions(t.app.db);
  t.setNow('2026-11-20T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  await programmeWithScoredHostCall(manager, { slug: SLUG, title: 'Reminders test edition' });
  t.setNow('2026-12-05T10:00:00Z');
  const lahti = await t.signedIn('lahti@demo.peercities.eu');
  const draft = (await lahti.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/applications`, payload: { cityId: await idOf('cities', 'slug', 'lahti'), answers: { motivation: 'Lahti has much to show' } } })).json();
  await lahti.request({ method: 'POST', url: `/api/applications/${draft.id}/submit`, payload: { version: draft.version } });
  lahtiApplication = draft.id;
  t.setNow('2027-01-05T10:00:00Z');
  await manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/assignments` });
  // A visit that ended on 3 January: the host and the visiting city owe feedback by the 17th.
  const programme = (await t.app.db.selectFrom('programmes').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()).id;
  visitId = await insertVisit(t.app.db, { programmeId: programme, hostCityId: await idOf('cities', 'slug', 'valencia'), facilitatorId: null, matchingRunId: null, visitorCityIds: [await idOf('cities', 'slug', 'krakow')] });
  await t.app.db.updateTable('study_visits').set({ starts_on: '2027-01-02', ends_on: '2027-01-03' }).where('id', '=', visitId).execute();
});
afterAll(async () => t.close());

describe('work reminders', () => {
  it('send nothing while nothing is overdue', async () => {
    expect(await runAt('2027-01-10T08:00:00Z')).toEqual([]);
  });

  it('email evaluators, representatives and managers what is overdue, once a day', async () => {
    const assigned = await t.app.db
      .selectFrom('evaluator_assignments as x')
      .innerJoin('people as p', 'p.id', 'x.evaluator_id')
      .select('p.email')
      .where('x.application_id', '=', lahtiApplication)
      .execute();
    expect(assigned).toHaveLength(2);

    const emails = await runAt('2027-01-20T08:00:00Z');
    const to = emails.map((e) => e.to_address);
    // manager2 is a manager and may be an evaluator too: one email each, with all their items.
    expect(to).toEqual([...new Set([...assigned.map((a) => a.email), 'krakow@demo.peercities.eu', 'manager@demo.peercities.eu', 'manager2@demo.peercities.eu', 'valencia2@demo.peercities.eu', 'valencia@demo.peercities.eu'])].sort());

    const evaluator = emails.find((e) => e.to_address === 'evaluator@demo.peercities.eu') ?? emails.find((e) => e.to_address === assigned[0]?.email);
    expect(evaluator?.text_body).toContain('Evaluate Lahti (host call of Reminders test edition) (due 14 January 2027 at 23:59, Europe/Brussels time)');
    expect(evaluator?.text_body).toContain(`${URL}/applications/${lahtiApplication}/evaluation`);
    const krakow = emails.find((e) => e.to_address === 'krakow@demo.peercities.eu');
    expect(krakow?.subject).toBe('Overdue: Kraków: feedback on the visit to Valencia');
    expect(krakow?.text_body).toContain(`${URL}/visits/${visitId}`);
    const list = emails.find((e) => e.to_address === 'manager@demo.peercities.eu');
    expect(list?.subject).toBe('2 things are overdue on peercities');
    expect(list?.text_body).toContain('Host call of Reminders test edition: evaluations not submitted');
    expect(list?.text_body).toContain('Visit to Valencia (Reminders test edition): cities without feedback');
    expect(list?.text_body).toContain(`${URL}/start`);

    // A second run the same day sends nothing; the next day reminds again.
    expect(await runAt('2027-01-20T15:00:00Z')).toEqual([]);
    expect((await runAt('2027-01-21T08:00:00Z')).map((e) => e.to_address)).toEqual(to);
  });

  it('leave out deactivated people and those who no longer hold the role, and stop once the work is done', async () => {
    await t.app.db.updateTable('people').set({ disabled_at: new Date('2027-01-21T12:00:00Z') }).where('email', '=', 'krakow@demo.peercities.eu').execute();
    await t.app.db.deleteFrom('role_grants').where('person_id', '=', await idOf('people', 'email', 'manager2@demo.peercities.eu')).execute();
    const valencia = await t.signedIn('valencia@demo.peercities.eu');
    const feedback = await valencia.request({ method: 'POST', url: `/api/visits/${visitId}/feedback`, payload: { cityId: await idOf('cities', 'slug', 'valencia'), ratings: { overall: 4, relevance: 4, organisation: 4 } } });
    expect(feedback.statusCode).toBe(200);
    const to = (await runAt('2027-01-22T08:00:00Z')).map((e) => e.to_address);
    expect(to).not.toContain('krakow@demo.peercities.eu');
    expect(to).not.toContain('manager2@demo.peercities.eu');
    expect(to).not.toContain('valencia@demo.peercities.eu');
    expect(to).toContain('manager@demo.peercities.eu');
  });
});
