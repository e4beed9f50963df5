import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reason } from '../../../shared/reason-texts.ts';

// The 2025 edition: decisions published, the matching published, the visits
// created (Valencia 20–21 May, hosting Cologne, Graz and Ghent).
const SLUG = 'group-study-visits-2025';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function visitorApplication(slug: string) {
  return t.app.db
    .selectFrom('applications as a')
    .innerJoin('calls as k', 'k.id', 'a.call_id')
    .innerJoin('programmes as p', 'p.id', 'k.programme_id')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .innerJoin('application_decisions as d', 'd.application_id', 'a.id')
    .select(['a.id', 'a.version', 'a.city_id', 'd.outcome'])
    .where('p.slug', '=', SLUG)
    .where('k.kind', '=', 'visitor')
    .where('c.slug', '=', slug)
    .executeTakeFirstOrThrow();
}

const waitlisted = async () =>
  (await t.app.db.selectFrom('application_decisions as d').innerJoin('applications as a', 'a.id', 'd.application_id').innerJoin('calls as k', 'k.id', 'a.call_id').innerJoin('programmes as p', 'p.id', 'k.programme_id').select('d.application_id').where('p.slug', '=', SLUG).where('d.outcome', '=', 'waitlisted').execute()).length;

describe('withdrawing after the matching is published', () => {
  it('before the visit: takes the city out of its visit, tells the host and the managers, and promotes nobody', async () => {
    t.setNow('2025-05-01T10:00:00Z');
    const graz = await visitorApplication('graz');
    expect(graz.outcome).toBe('selected');
    const visit = await t.app.db.selectFrom('visit_participants').select('visit_id').where('city_id', '=', graz.city_id).executeTakeFirstOrThrow();
    const waitingBefore = await waitlisted();
    const outboxBefore = (await t.app.db.selectFrom('outbox').select('id').execute()).length;
    const rep = await t.signedIn('graz@demo.peercities.eu');
    const preview = await rep.request({ method: 'GET', url: `/api/applications/${graz.id}/withdrawal` });
    expect(preview.json()).toEqual({ case: 'programme_team', outcome: 'selected', promotesWaitlisted: false, leavesVisitTo: 'Valencia', tellsProgrammeTeam: true, tellsHost: 'Valencia', refusal: null });
    const res = await rep.request({ method: 'POST', url: `/api/applications/${graz.id}/withdraw`, payload: { version: graz.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await t.app.db.selectFrom('visit_participants').select('city_id').where('visit_id', '=', visit.visit_id).where('city_id', '=', graz.city_id).execute()).toEqual([]);
    expect(await t.app.db.selectFrom('visit_delegates').select('id').where('visit_id', '=', visit.visit_id).where('city_id', '=', graz.city_id).execute()).toEqual([]);
    expect(await waitlisted()).toBe(waitingBefore);
    const emails = await t.app.db.selectFrom('outbox').select(['to_address', 'subject']).orderBy('created_at').execute();
    const added = emails.slice(outboxBefore);
    expect(added.some((e) => e.to_address === 'valencia@demo.peercities.eu' && /Graz withdrew from the visit to Valencia/.test(e.subject))).toBe(true);
    expect(added.some((e) => e.to_address === 'manager@demo.peercities.eu')).toBe(true);
    expect(added.some((e) => /moves up from the waiting list/.test(e.subject))).toBe(false);
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', graz.id).execute();
    expect(audit).toContainEqual({ action: 'application.withdraw', details: expect.objectContaining({ case: 'programme_team', leftVisit: visit.visit_id }) });
  });

  it('after the visit ended: refuses, saying why, and changes nothing', async () => {
    t.setNow('2026-11-28T12:00:00Z');
    const cologne = await visitorApplication('cologne');
    const rep = await t.signedIn('cologne@demo.peercities.eu');
    const preview = (await rep.request({ method: 'GET', url: `/api/applications/${cologne.id}/withdrawal` })).json();
    expect(preview).toMatchObject({ case: 'refused', refusal: reason('WITHDRAWAL_VISIT_OVER', { city: 'Cologne', date: '2025-05-21' }) });
    const res = await rep.request({ method: 'POST', url: `/api/applications/${cologne.id}/withdraw`, payload: { version: cologne.version } });
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toEqual(reason('WITHDRAWAL_VISIT_OVER', { city: 'Cologne', date: '2025-05-21' }));
    expect((await visitorApplication('cologne')).version).toBe(cologne.version);
  });
});
