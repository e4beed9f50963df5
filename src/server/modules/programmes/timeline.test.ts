import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMinimalCallForm } from '../../test-support/programmes.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

// A programme team runs an edition by hand (issue 17): a draft, published;
// its host call opened now, extended, closed now, reopened for one late city.
// Every action has a preview that changes nothing, refuses with a reason,
// and is in the audit log with before and after.

let t: TestApp;
let manager: TestClient;
let valencia: TestClient;
let lahti: TestClient;
let krakow: TestClient;
const city: Record<string, string> = {};
const SLUG = 'timeline-test';
const base = `/api/programmes/${SLUG}`;

type Effect = { code: string; params?: Record<string, string | number> };
const codes = (effects: Effect[]) => effects.map((e) => e.code);
const call = async () => (await manager.request({ method: 'GET', url: `${base}/calls/host` })).json();
const programme = async () => (await manager.request({ method: 'GET', url: base })).json();
const outboxCount = async () => Number((await t.app.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const auditOf = (action: string) => t.app.db.selectFrom('audit_events').select(['action', 'entity_type', 'details']).where('action', '=', action).orderBy('id').execute();
/** What a refused action must leave as it was. */
const snapshot = async () => ({ call: await call(), programme: await programme(), outbox: await outboxCount() });

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-20T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  valencia = await t.signedIn('valencia@demo.peercities.eu');
  lahti = await t.signedIn('lahti@demo.peercities.eu');
  krakow = await t.signedIn('krakow@demo.peercities.eu');
  for (const slug of ['valencia', 'lahti', 'krakow']) city[slug] = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('a draft programme', () => {
  it('is created as a draft with the template’s ready calls, seen only by programme managers', async () => {
    const created = await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Timeline test 2027', format: 'group_study_visits', editionYear: 2027, slug: SLUG } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ publishedAt: null, locks: [] });
    const hostCall = await call();
    expect(hostCall).toMatchObject({ published: false, state: 'upcoming', formLock: null, openProblems: [{ code: 'CALL_IN_DRAFT', params: { call: 'host' } }] });
    expect(hostCall.questions.map((q: { id: string }) => q.id)).toEqual(['motivation', 'solutions', 'sectors', 'team', 'dates', 'sharing']);
    expect(hostCall.criteria).toHaveLength(4);

    const anonymous = await t.client();
    for (const client of [anonymous, valencia]) {
      expect((await client.request({ method: 'GET', url: base })).json()).toMatchObject({ code: 'NOT_FOUND', reason: { code: 'PROGRAMME_NOT_FOUND' } });
      expect((await client.request({ method: 'GET', url: `${base}/calls/host` })).statusCode).toBe(404);
      const listed = (await client.request({ method: 'GET', url: '/api/programmes?pageSize=50' })).json().items.map((p: { slug: string }) => p.slug);
      expect(listed).not.toContain(SLUG);
    }
    expect((await valencia.request({ method: 'GET', url: `${base}/calls/host/eligibility?cityId=${city.valencia}` })).statusCode).toBe(404);
    const managers = (await manager.request({ method: 'GET', url: '/api/programmes?pageSize=50' })).json().items;
    expect(managers.find((p: { slug: string }) => p.slug === SLUG)).toMatchObject({ publishedAt: null });
  });

  it('says that a name or address is taken, on its field, and creates nothing', async () => {
    const before = (await manager.request({ method: 'GET', url: '/api/programmes' })).json().total;
    const sameName = await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Group Study Visits 2027', format: 'group_study_visits', editionYear: 2027 } });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json()).toMatchObject({
      detail: 'There is already a programme Group Study Visits 2027.',
      errors: [{ field: 'body.title', message: 'There is already a programme Group Study Visits 2027.', reason: { code: 'PROGRAMME_EXISTS', params: { title: 'Group Study Visits 2027' } } }],
    });
    const sameAddress = await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Another 2027', format: 'twinning', editionYear: 2027, slug: SLUG } });
    expect(sameAddress.json().errors).toEqual([
      { field: 'body.slug', message: 'The address “timeline-test” belongs to the programme Timeline test 2027; choose another.', reason: { code: 'PROGRAMME_ADDRESS_TAKEN', params: { slug: SLUG, title: 'Timeline test 2027' } } },
    ]);
    expect((await manager.request({ method: 'GET', url: '/api/programmes' })).json().total).toBe(before);
    const p = await programme();
    const renamed = await manager.request({ method: 'PATCH', url: base, payload: { version: p.version, title: 'group study visits 2025' } });
    expect(renamed.json().errors).toMatchObject([{ field: 'body.title', reason: { code: 'PROGRAMME_EXISTS', params: { title: 'Group Study Visits 2025' } } }]);
    expect((await programme()).version).toBe(p.version);
  });

  it('refuses a host call that ends after its own selection starts, and a follow-up before the visits, on the timeline, and keeps the dates', async () => {
    const p = await programme();
    const moved = (kind: string, change: object) => p.milestones.map((m: { kind: string }) => (m.kind === kind ? { ...m, ...change } : m));
    const late = await manager.request({ method: 'PATCH', url: base, payload: { version: p.version, milestones: moved('host_call', { endsOn: '2027-01-15' }) } });
    expect(late.statusCode).toBe(400);
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect(late.json().errors).toEqual([
      {
        field: 'body.milestones',
        message: 'The host selection starts (2027-01-01) before the host call ends (2027-01-15).',
        reason: { code: 'TIMELINE_STARTS_BEFORE_PREVIOUS_ENDS', params: { step: 'host selection', stepKind: 'host_selection', startsOn: '2027-01-01', previous: 'host call', previousEndsOn: '2027-01-15' } },
      },
    ]);
    const early = await manager.request({ method: 'PATCH', url: base, payload: { version: p.version, milestones: moved('follow_up', { startsOn: '2027-04-01' }) } });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toMatchObject([{ field: 'body.milestones', reason: { code: 'TIMELINE_STARTS_BEFORE_PREVIOUS_STARTS' } }]);
    const after = await programme();
    expect(after.version).toBe(p.version);
    expect(after.milestones).toEqual(p.milestones);
  });

  it('cannot open its calls, with the reason', async () => {
    const before = await snapshot();
    const preview = (await manager.request({ method: 'GET', url: `${base}/calls/host/actions/open` })).json();
    expect(preview).toEqual({ allowed: false, refusal: { code: 'PROGRAMME_IS_DRAFT' }, effects: [] });
    const refused = await manager.request({ method: 'POST', url: `${base}/calls/host/actions/open`, payload: { version: before.call.version } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', detail: 'The programme is a draft: publish it first.' });
    expect(await snapshot()).toEqual(before);
  });

  it('is published after a preview that says what will happen, and the publication is audited', async () => {
    await useMinimalCallForm(manager, SLUG, 'host');
    const before = await snapshot();
    const preview = (await manager.request({ method: 'GET', url: `${base}/actions/publish` })).json();
    expect(preview.allowed).toBe(true);
    expect(preview.effects).toEqual([
      { code: 'EFFECT_PROGRAMME_PUBLIC' },
      { code: 'CALL_OPENS_ON', params: { call: 'host', date: '2026-12-01', time: '00:00', timeZone: 'Europe/Brussels' } },
      { code: 'CALL_OPENS_ON', params: { call: 'visitor', date: '2027-02-01', time: '00:00', timeZone: 'Europe/Brussels' } },
      { code: 'EFFECT_AUDITED' },
    ]);
    expect(await snapshot()).toEqual(before);
    const stale = await manager.request({ method: 'POST', url: `${base}/actions/publish`, payload: { version: before.programme.version + 7 } });
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', reason: { code: 'PROGRAMME_STALE' } });
    expect(await snapshot()).toEqual(before);

    const done = await manager.request({ method: 'POST', url: `${base}/actions/publish`, payload: { version: before.programme.version } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().effects).toEqual(preview.effects);
    expect((await (await t.client()).request({ method: 'GET', url: base })).json()).toMatchObject({ slug: SLUG, publishedAt: '2026-11-20T10:00:00.000Z' });
    const [audit] = await auditOf('programme.publish');
    expect(audit).toMatchObject({ entity_type: 'programme', details: { programme: SLUG, effects: ['EFFECT_PROGRAMME_PUBLIC', 'CALL_OPENS_ON', 'CALL_OPENS_ON', 'EFFECT_AUDITED'] } });
    expect((await manager.request({ method: 'POST', url: `${base}/actions/publish`, payload: { version: before.programme.version + 1 } })).json().reason.code).toBe('PROGRAMME_ALREADY_PUBLISHED');
  });
});

describe('the host call, run by hand', () => {
  it('opens now, ten days before its date: the call and its milestone start today', async () => {
    const before = await snapshot();
    const preview = (await manager.request({ method: 'GET', url: `${base}/calls/host/actions/open` })).json();
    expect(codes(preview.effects)).toEqual(['EFFECT_CALL_OPENS_NOW', 'EFFECT_DEADLINE', 'EFFECT_AUDITED']);
    const stale = await manager.request({ method: 'POST', url: `${base}/calls/host/actions/open`, payload: { version: before.call.version + 5 } });
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', reason: { code: 'CALL_STALE' } });
    expect(await snapshot()).toEqual(before);

    const opened = await manager.request({ method: 'POST', url: `${base}/calls/host/actions/open`, payload: { version: before.call.version } });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(await call()).toMatchObject({ state: 'open', opensAt: '2026-11-20T10:00:00.000Z', closesAt: '2026-12-31T22:59:59.000Z', version: before.call.version + 1 });
    const p = await programme();
    expect(p.milestones.find((m: { kind: string }) => m.kind === 'host_call')).toEqual({ kind: 'host_call', startsOn: '2026-11-20', endsOn: '2026-12-31' });
    expect(p).toMatchObject({ current: 'host_call', version: before.programme.version + 1 });
    const [audit] = await auditOf('call.open_now');
    expect(audit?.details).toMatchObject({ before: { windows: { host: { opensAt: '2026-11-30T23:00:00.000Z' } } }, after: { windows: { host: { opensAt: '2026-11-20T10:00:00.000Z' } } } });
    expect((await manager.request({ method: 'GET', url: `${base}/calls/host/actions/open` })).json().refusal).toEqual({ code: 'CALL_ALREADY_OPEN', params: { call: 'host' } });
  });

  it('takes changes to its form while open, until the first application is submitted', async () => {
    const c = await call();
    const form = { questions: c.questions, criteria: [...c.criteria, { id: 'fit', name: 'Fit', weight: 1, scaleMax: 5 }] };
    const changed = await manager.request({ method: 'PUT', url: `${base}/calls/host`, payload: { version: c.version, ...form } });
    expect(changed.statusCode, changed.body).toBe(200);
    const emptied = await manager.request({ method: 'PUT', url: `${base}/calls/host`, payload: { version: c.version + 1, questions: [], criteria: form.criteria } });
    expect(emptied.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body.questions', reason: { code: 'CALL_NEEDS_QUESTIONS' } }] });

    const draft = (await valencia.request({ method: 'POST', url: `${base}/calls/host/applications`, payload: { cityId: city.valencia } })).json();
    expect((await valencia.request({ method: 'POST', url: `/api/applications/${draft.id}/submit`, payload: { version: draft.version } })).json().status).toBe('submitted');
    expect((await lahti.request({ method: 'POST', url: `${base}/calls/host/applications`, payload: { cityId: city.lahti } })).statusCode).toBe(201);

    const locked = await manager.request({ method: 'PUT', url: `${base}/calls/host`, payload: { version: c.version + 1, ...form } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ reason: { code: 'CALL_FORM_LOCKED', params: { count: 1 } }, detail: 'Applications have been submitted (1 so far): the questions and criteria can no longer change.' });
    expect((await call()).formLock).toEqual({ code: 'CALL_FORM_LOCKED', params: { count: 1 } });
  });

  it('extends its deadline after a preview; the applicants are emailed the new date in the same transaction, and later steps move', async () => {
    t.setNow('2026-12-20T10:00:00Z');
    const before = await snapshot();
    const past = (await manager.request({ method: 'GET', url: `${base}/calls/host/actions/extend?until=2026-12-19T10:00:00Z` })).json();
    expect(past.refusal).toEqual({ code: 'DEADLINE_NOT_FUTURE', params: { date: '2026-12-20', time: '11:00', timeZone: 'Europe/Brussels' } });
    const refused = await manager.request({ method: 'POST', url: `${base}/calls/host/actions/extend`, payload: { version: before.call.version, until: '2026-12-19T10:00:00Z' } });
    expect(refused.json().detail).toBe('Choose a moment after now (2026-12-20 at 11:00, Europe/Brussels time).');
    expect(await snapshot()).toEqual(before);

    const preview = (await manager.request({ method: 'GET', url: `${base}/calls/host/actions/extend?until=2027-01-10T16:00:00Z` })).json();
    expect(preview.effects).toEqual([
      { code: 'EFFECT_NEW_DEADLINE', params: { call: 'host', date: '2027-01-10', time: '17:00', timeZone: 'Europe/Brussels' } },
      { code: 'EFFECT_STEP_MOVES', params: { step: 'host selection', stepKind: 'host_selection', startsOn: '2027-01-10', endsOn: '2027-02-09' } },
      { code: 'EFFECT_STEP_MOVES', params: { step: 'visitor call', stepKind: 'visitor_call', startsOn: '2027-02-10', endsOn: '2027-03-09' } },
      { code: 'EFFECT_STEP_MOVES', params: { step: 'visitor selection', stepKind: 'visitor_selection', startsOn: '2027-03-09', endsOn: '2027-04-08' } },
      { code: 'EFFECT_APPLICANTS_EMAILED', params: { cities: 2, emails: 4 } },
      { code: 'EFFECT_AUDITED' },
    ]);
    expect(await snapshot()).toEqual(before);

    const done = await manager.request({ method: 'POST', url: `${base}/calls/host/actions/extend`, payload: { version: before.call.version, until: '2027-01-10T16:00:00Z' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().effects).toEqual(preview.effects);
    expect(await call()).toMatchObject({ state: 'open', closesAt: '2027-01-10T16:00:00.000Z' });
    const mail = await t.app.db.selectFrom('outbox').select(['to_address', 'subject', 'text_body']).where('subject', 'like', 'New deadline%').orderBy('to_address').execute();
    expect(mail.map((m) => m.to_address)).toEqual(['lahti2@demo.peercities.eu', 'lahti@demo.peercities.eu', 'valencia2@demo.peercities.eu', 'valencia@demo.peercities.eu']);
    expect(mail[0]?.subject).toBe('New deadline for the host call of Timeline test 2027: 10 January 2027 at 17:00');
    expect(mail[0]?.text_body).toContain('until 10 January 2027 at 17:00 (Europe/Brussels time)');
    const visitorCall = (await manager.request({ method: 'GET', url: `${base}/calls/visitor` })).json();
    expect(visitorCall).toMatchObject({ opensAt: '2027-02-09T23:00:00.000Z', closesAt: '2027-03-09T22:59:59.000Z' });
    const [audit] = await auditOf('call.extend');
    expect(audit?.details).toMatchObject({ until: '2027-01-10T16:00:00.000Z', before: { windows: { host: { closesAt: '2026-12-31T22:59:59.000Z' } } }, after: { windows: { host: { closesAt: '2027-01-10T16:00:00.000Z' } } } });
  });

  it('closes now: nobody can change an application any more, and the selection starts', async () => {
    t.setNow('2026-12-28T09:00:00Z');
    const c = await call();
    const preview = (await manager.request({ method: 'GET', url: `${base}/calls/host/actions/close` })).json();
    expect(preview.effects).toEqual([
      { code: 'EFFECT_CALL_CLOSES_NOW', params: { call: 'host', date: '2026-12-28', time: '10:00', timeZone: 'Europe/Brussels' } },
      { code: 'EFFECT_DRAFTS_LEFT', params: { count: 1 } },
      { code: 'EFFECT_SELECTION_STARTS', params: { step: 'host selection', stepKind: 'host_selection', count: 1 } },
      { code: 'EFFECT_AUDITED' },
    ]);
    const closed = await manager.request({ method: 'POST', url: `${base}/calls/host/actions/close`, payload: { version: c.version } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await call()).toMatchObject({ state: 'closed', closesAt: '2026-12-28T08:59:59.999Z' });
    expect(await programme()).toMatchObject({ current: 'host_selection' });
    const lahtiApp = (await lahti.request({ method: 'GET', url: `${base}/calls/host/applications` })).json().items[0];
    const late = await lahti.request({ method: 'PATCH', url: `/api/applications/${lahtiApp.id}`, payload: { version: lahtiApp.version, answers: { motivation: 'Late' } } });
    expect(late.json()).toMatchObject({ code: 'CALL_CLOSED', reason: { code: 'CALL_CLOSED_ON', params: { date: '2026-12-28', time: '09:59' } } });
    expect((await auditOf('call.close_now')).length).toBe(1);
  });

  it('reopens for one late city until a given time, with the reason in the audit log; only that city may apply meanwhile', async () => {
    const c = await call();
    const body = { version: c.version, cityId: city.krakow, until: '2027-01-05T16:00:00Z', reason: 'Their council approved the application a day late.' };
    const noReason = await manager.request({ method: 'POST', url: `${base}/calls/host/actions/reopen`, payload: { ...body, reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const preview = (await manager.request({ method: 'GET', url: `${base}/calls/host/actions/reopen?cityId=${city.krakow}&until=2027-01-05T16:00:00Z` })).json();
    expect(preview.effects).toEqual([
      { code: 'EFFECT_CITY_REOPENED', params: { city: 'Kraków', date: '2027-01-05', time: '17:00', timeZone: 'Europe/Brussels' } },
      { code: 'EFFECT_CITY_EMAILED', params: { city: 'Kraków', emails: 1 } },
      { code: 'EFFECT_AUDITED' },
    ]);
    const done = await manager.request({ method: 'POST', url: `${base}/calls/host/actions/reopen`, payload: body });
    expect(done.statusCode, done.body).toBe(200);
    expect((await t.app.db.selectFrom('outbox').select('subject').where('to_address', '=', 'krakow@demo.peercities.eu').execute()).map((m) => m.subject)).toContain(
      'Kraków may still apply to the host call of Timeline test 2027, until 5 January 2027 at 17:00',
    );
    const [audit] = await auditOf('call.reopen_for_city');
    expect(audit).toMatchObject({ entity_type: 'call', details: { cityId: city.krakow, reason: 'Their council approved the application a day late.' } });

    // Kraków sees the call open until its own deadline; the manager sees the reopening; Lahti does not.
    expect((await krakow.request({ method: 'GET', url: `${base}/calls/host` })).json()).toMatchObject({ state: 'open', closesAt: '2027-01-05T16:00:00.000Z', reopenings: [{ cityName: 'Kraków' }] });
    expect((await call()).reopenings).toMatchObject([{ cityId: city.krakow, until: '2027-01-05T16:00:00.000Z', reason: body.reason }]);
    expect((await lahti.request({ method: 'GET', url: `${base}/calls/host` })).json()).toMatchObject({ state: 'closed', reopenings: [] });

    const draft = await krakow.request({ method: 'POST', url: `${base}/calls/host/applications`, payload: { cityId: city.krakow } });
    expect(draft.statusCode, draft.body).toBe(201);
    const submitted = await krakow.request({ method: 'POST', url: `/api/applications/${draft.json().id}/submit`, payload: { version: draft.json().version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const lahtiApp = (await lahti.request({ method: 'GET', url: `${base}/calls/host/applications` })).json().items[0];
    expect((await lahti.request({ method: 'POST', url: `/api/applications/${lahtiApp.id}/submit`, payload: { version: lahtiApp.version } })).json().code).toBe('CALL_CLOSED');

    t.setNow('2027-01-05T16:00:01Z');
    const after = (await krakow.request({ method: 'GET', url: `/api/applications/${draft.json().id}` })).json();
    expect((await krakow.request({ method: 'PATCH', url: `/api/applications/${after.id}`, payload: { version: after.version, answers: {} } })).json().code).toBe('CALL_CLOSED');
  });

  it('moves to the next step only when the one before it is done', async () => {
    const preview = (await manager.request({ method: 'GET', url: `${base}/actions/advance` })).json();
    expect(preview).toEqual({ allowed: false, refusal: { code: 'HOSTS_NOT_PUBLISHED' }, effects: [] });
    const p = await programme();
    expect((await manager.request({ method: 'POST', url: `${base}/actions/advance`, payload: { version: p.version } })).json().reason.code).toBe('HOSTS_NOT_PUBLISHED');
  });

  it('is for programme managers only', async () => {
    const c = await call();
    expect((await valencia.request({ method: 'POST', url: `${base}/calls/host/actions/extend`, payload: { version: c.version, until: '2027-02-01T10:00:00Z' } })).statusCode).toBe(403);
    expect((await valencia.request({ method: 'GET', url: `${base}/actions/advance` })).statusCode).toBe(403);
  });
});

describe('learning phases follow the discussion groups', () => {
  const slug = 'phases-test';
  const phases = async () => {
    const row = await t.app.db.selectFrom('programmes').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    return t.app.db.selectFrom('learning_phases').select(['number', 'starts_on', 'ends_on']).where('programme_id', '=', row.id).orderBy('number').execute();
  };

  it('spreads them again when their number or the groups’ dates change, before the groups start', async () => {
    t.setNow('2026-11-20T10:00:00Z');
    await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Phases test 2028', format: 'group_study_visits', editionYear: 2028, slug } });
    expect(await phases()).toHaveLength(4);
    const p = (await manager.request({ method: 'GET', url: `/api/programmes/${slug}` })).json();
    const groups = { kind: 'discussion_groups', startsOn: '2027-06-01', endsOn: '2027-10-31' };
    const res = await manager.request({ method: 'PATCH', url: `/api/programmes/${slug}`, payload: { version: p.version, settings: { learningPhases: 3 }, milestones: [groups] } });
    expect(res.statusCode, res.body).toBe(200);
    const now = await phases();
    expect(now.map((ph) => ph.number)).toEqual([1, 2, 3]);
    expect(now[0]?.starts_on).toBe('2027-06-01');
    expect(now.at(-1)?.ends_on).toBe('2027-10-31');
    const [audit] = (await auditOf('programme.update')).filter((a) => JSON.stringify(a.details).includes('Phases test 2028'));
    expect(audit?.details).toMatchObject({ learningPhasesRebuilt: 3 });
  });

  it('refuses fewer phases while a dropped phase has meetings, with the reason, and changes nothing', async () => {
    const facilitator = await t.signedIn('facilitator@demo.peercities.eu');
    const group = (await facilitator.request({ method: 'POST', url: `/api/programmes/${slug}/groups`, payload: { name: 'Energy in English', sectors: ['energy'], language: 'en', capacity: 3 } })).json();
    const meeting = await facilitator.request({ method: 'POST', url: `/api/groups/${group.id}/meetings`, payload: { phaseNumber: 3, title: 'Phase 3', startsAtLocal: '2027-09-20T10:00', durationMinutes: 90 } });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const p = (await manager.request({ method: 'GET', url: `/api/programmes/${slug}` })).json();
    const res = await manager.request({ method: 'PATCH', url: `/api/programmes/${slug}`, payload: { version: p.version, settings: { learningPhases: 2 } } });
    expect(res.json().errors).toEqual([
      {
        field: 'body.settings.learningPhases',
        message: 'Phase 3 has discussion-group meetings (1): move them to another phase before reducing the number of phases.',
        reason: { code: 'LEARNING_PHASE_HAS_MEETINGS', params: { phase: 3, count: 1 } },
      },
    ]);
    expect((await phases()).map((ph) => ph.number)).toEqual([1, 2, 3]);
  });
});
