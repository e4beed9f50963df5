import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_TEMPLATES } from '../../../domain/surveys/templates.ts';
import type { SurveyDefinition } from '../../../shared/survey.schemas.ts';
import { sendSurveyReminders } from '../../jobs/survey-reminders.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { completeAnswers } from './survey-test-answers.ts';

let t: TestApp;
let manager: TestClient;
let valencia: TestClient;
let krakow: TestClient;
const city = {} as Record<'valencia' | 'lahti' | 'krakow', string>;
const person = {} as Record<'valencia' | 'valencia2' | 'lahti' | 'lahti2' | 'krakow', string>;

beforeAll(async () => {
  t = await createTestApp();
  // Monday 7 December 2026, 11:00 in Brussels.
  t.setNow('2026-12-07T10:00:00Z');
  [manager, valencia, krakow] = await Promise.all([t.signedIn('manager@demo.peercities.eu'), t.signedIn('valencia@demo.peercities.eu'), t.signedIn('krakow@demo.peercities.eu')]);
  for (const c of await t.app.db.selectFrom('cities').select(['id', 'slug']).where('slug', 'in', ['valencia', 'lahti', 'krakow']).execute()) city[c.slug as keyof typeof city] = c.id;
  for (const p of await t.app.db.selectFrom('people').select(['id', 'email']).where('email', 'like', '%@demo.peercities.eu').execute()) person[p.email.split('@')[0] as keyof typeof person] = p.id;
});
afterAll(async () => t.close());

const create = async (payload: object) => {
  const res = await manager.request({ method: 'POST', url: '/api/surveys', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('a survey from the support-needs template, managed', () => {
  let id: string;
  let version: number;

  it('starts from the template: its questions and settings, all cities, four weeks from today', async () => {
    const s = await create({ template: 'support-needs' });
    id = s.id;
    version = s.version;
    expect(s).toMatchObject({
      state: 'draft',
      template: 'support-needs',
      title: SURVEY_TEMPLATES['support-needs'].title,
      respondent: 'city',
      anonymous: false,
      audience: { kind: 'all-cities' },
      opensOn: '2026-12-07',
      closesOn: '2027-01-04',
      programmeId: null,
      invited: 0,
      responses: 0,
      hasResponses: false,
      sentAt: null,
    });
    expect(s.definition).toEqual(SURVEY_TEMPLATES['support-needs'].definition);
    const templates = (await manager.request({ method: 'GET', url: '/api/survey-templates' })).json();
    expect(templates.items.map((x: { key: string }) => x.key)).toEqual(['support-needs', 'group-meeting-feedback', 'study-visit-feedback', 'six-months-after-visit']);
    const list = (await manager.request({ method: 'GET', url: '/api/surveys?state=draft' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await manager.request({ method: 'GET', url: '/api/surveys?state=open' })).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('is edited from the version read; a stale version is refused (409 EDIT_CONFLICT)', async () => {
    const res = await manager.request({ method: 'PATCH', url: `/api/surveys/${id}`, payload: { version, title: 'Support needs 2027', audience: { kind: 'list', cityIds: [city.valencia, city.lahti], personIds: [] } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Support needs 2027', version: version + 1 });
    const stale = await manager.request({ method: 'PATCH', url: `/api/surveys/${id}`, payload: { version, title: 'Too late' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('EDIT_CONFLICT');
    version += 1;
    const reversed = await manager.request({ method: 'PATCH', url: `/api/surveys/${id}`, payload: { version, opensOn: '2027-01-10', closesOn: '2027-01-05' } });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('closesOn');
  });

  it('counts who the audience reaches: two cities, their four representatives', async () => {
    expect((await manager.request({ method: 'GET', url: `/api/surveys/${id}/audience` })).json()).toEqual({ cities: 2, people: 4 });
  });

  it('sends: an invitation, an email with the city’s link and a notification for each representative, audited', async () => {
    const res = await manager.request({ method: 'POST', url: `/api/surveys/${id}/send`, payload: { version } });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ state: 'open', invited: 2, responses: 0 });
    version = s.version;
    const invitations = await t.app.db.selectFrom('survey_invitations').select(['person_id', 'city_id', 'answered']).where('survey_id', '=', id).orderBy('person_id').execute();
    expect(invitations).toHaveLength(4);
    expect(new Set(invitations.map((i) => i.city_id))).toEqual(new Set([city.valencia, city.lahti]));
    const mails = await t.app.db.selectFrom('outbox').select(['to_address', 'subject', 'text_body']).where('subject', '=', 'Survey: Support needs 2027').orderBy('to_address').execute();
    expect(mails.map((m) => m.to_address)).toEqual(['lahti2@demo.peercities.eu', 'lahti@demo.peercities.eu', 'valencia2@demo.peercities.eu', 'valencia@demo.peercities.eu']);
    expect(mails[3]!.text_body).toContain(`http://peercities.test/surveys/${id}/answer?cityId=${city.valencia}`);
    expect(mails[3]!.text_body).toContain('Monday, 4 January 2027');
    const notes = await t.app.db.selectFrom('notifications').select(['person_id', 'link']).where('link', 'like', `/surveys/${id}/answer%`).execute();
    expect(notes).toHaveLength(4);
    const audit = await t.app.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['survey.create', 'survey.update', 'survey.send']);
    const again = await manager.request({ method: 'POST', url: `/api/surveys/${id}/send`, payload: { version } });
    expect(again.statusCode).toBe(409);
    const del = await manager.request({ method: 'DELETE', url: `/api/surveys/${id}` });
    expect(del.statusCode).toBe(409);
    const fixed = await manager.request({ method: 'PATCH', url: `/api/surveys/${id}`, payload: { version, anonymous: true } });
    expect(fixed.statusCode).toBe(400);
    expect(fixed.json().errors[0]).toMatchObject({ field: 'anonymous', reason: { code: 'SURVEY_FIXED_ONCE_SENT' } });
  });

  it('with an answer, refuses to retype or remove a question, with the reasons, and changes nothing; rewording and adding pass', async () => {
    const answer = completeAnswers(SURVEY_TEMPLATES['support-needs'].definition, city.krakow);
    const submitted = await valencia.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.valencia, answers: answer } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const before = (await manager.request({ method: 'GET', url: `/api/surveys/${id}` })).json();
    expect(before.hasResponses).toBe(true);
    const def: SurveyDefinition = structuredClone(before.definition);
    const first = def.sections[0]!.questions[0]!;
    def.sections[0]!.questions[0] = { id: first.id, text: first.text, required: first.required, type: 'short-text' };
    def.sections[1]!.questions.pop();
    const res = await manager.request({ method: 'PATCH', url: `/api/surveys/${id}`, payload: { version: before.version, definition: def } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e: { reason: { code: string } }) => e.reason.code)).toEqual(expect.arrayContaining(['SURVEY_QUESTION_RETYPED', 'SURVEY_QUESTION_REMOVED']));
    expect(body.errors.every((e: { field: string }) => e.field.startsWith('definition.'))).toBe(true);
    const after = (await manager.request({ method: 'GET', url: `/api/surveys/${id}` })).json();
    expect(after.definition).toEqual(before.definition);
    expect(after.version).toBe(before.version);

    const reworded: SurveyDefinition = structuredClone(before.definition);
    reworded.sections[0]!.questions[0]!.text = 'How much does your city want to learn from like-minded cities?';
    reworded.sections[0]!.questions.push({ id: 'new-question', type: 'short-text', required: false, text: 'One more thing?' });
    const ok = await manager.request({ method: 'PATCH', url: `/api/surveys/${id}`, payload: { version: before.version, definition: reworded } });
    expect(ok.statusCode, ok.body).toBe(200);
    version = ok.json().version;
  });

  it('reminds the representatives of the cities that have not answered; closes; a closed survey takes no answers', async () => {
    const reminded = await manager.request({ method: 'POST', url: `/api/surveys/${id}/remind` });
    expect(reminded.json()).toEqual({ reminded: 2 });
    const mails = await t.app.db.selectFrom('outbox').select('to_address').where('subject', 'like', 'Reminder: Support needs 2027%').orderBy('to_address').execute();
    expect(mails.map((m) => m.to_address)).toEqual(['lahti2@demo.peercities.eu', 'lahti@demo.peercities.eu']);
    const closed = await manager.request({ method: 'POST', url: `/api/surveys/${id}/close`, payload: { version } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
    const lahti = await t.signedIn('lahti@demo.peercities.eu');
    const late = await lahti.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.lahti, answers: completeAnswers(SURVEY_TEMPLATES['support-needs'].definition, city.krakow) } });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'SURVEY_NOT_OPEN', reason: { code: 'SURVEY_CLOSED_BY_TEAM' } });
    expect((await manager.request({ method: 'POST', url: `/api/surveys/${id}/remind` })).statusCode).toBe(409);
  });
});

describe('sending refused', () => {
  it('when the audience reaches nobody, or the window has ended (400 with the reason)', async () => {
    const empty = await create({ template: 'group-meeting-feedback', audience: { kind: 'list', cityIds: [], personIds: [] } });
    const res = await manager.request({ method: 'POST', url: `/api/surveys/${empty.id}/send`, payload: { version: empty.version } });
    expect(res.statusCode).toBe(400);
    expect(res.json().reason.code).toBe('SURVEY_AUDIENCE_EMPTY');
    const past = await create({ template: 'group-meeting-feedback', opensOn: '2026-11-01', closesOn: '2026-11-30' });
    const ended = await manager.request({ method: 'POST', url: `/api/surveys/${past.id}/send`, payload: { version: past.version } });
    expect(ended.statusCode).toBe(400);
    expect(ended.json().reason).toEqual({ code: 'SURVEY_WINDOW_ENDED', params: { closesOn: '2026-11-30' } });
    // A draft is deleted; a duplicate starts as a draft with the same questions.
    const copy = await create({ duplicateOf: past.id });
    expect(copy).toMatchObject({ state: 'draft', title: `${past.title} (copy)`, opensOn: '2026-12-07' });
    expect((await manager.request({ method: 'DELETE', url: `/api/surveys/${past.id}` })).statusCode).toBe(204);
    expect((await manager.request({ method: 'GET', url: `/api/surveys/${past.id}` })).statusCode).toBe(404);
  });

  it('reaches the aspiring cities’ active representatives, experts, a group’s and a visit’s cities', async () => {
    const aspiring = await create({ template: 'support-needs', audience: { kind: 'aspiring-cities' } });
    const count = (await manager.request({ method: 'GET', url: `/api/surveys/${aspiring.id}/audience` })).json();
    const reps = await sql<{ n: number; c: number }>`
      SELECT count(DISTINCT g.person_id)::int AS n, count(DISTINCT g.city_id)::int AS c FROM role_grants g JOIN people p ON p.id = g.person_id JOIN cities c ON c.id = g.city_id
       WHERE g.role = 'city_representative' AND c.kind = 'aspiring' AND p.disabled_at IS NULL AND p.erased_at IS NULL AND NOT p.approval_pending`.execute(t.app.db);
    expect(count).toEqual({ cities: reps.rows[0]!.c, people: reps.rows[0]!.n });
    const experts = await create({ template: 'group-meeting-feedback', respondent: 'person', audience: { kind: 'experts' } });
    const expertCount = await sql<{ n: number }>`SELECT count(DISTINCT g.person_id)::int AS n FROM role_grants g JOIN people p ON p.id = g.person_id WHERE g.role = 'expert' AND p.disabled_at IS NULL AND p.erased_at IS NULL`.execute(t.app.db);
    expect((await manager.request({ method: 'GET', url: `/api/surveys/${experts.id}/audience` })).json()).toEqual({ cities: 0, people: expertCount.rows[0]!.n });
    const group = await t.app.db.selectFrom('discussion_groups').select('id').executeTakeFirstOrThrow();
    const members = await create({ template: 'group-meeting-feedback', audience: { kind: 'group-members', groupId: group.id } });
    expect((await manager.request({ method: 'GET', url: `/api/surveys/${members.id}/audience` })).json().cities).toBe(4);
    const visit = await t.app.db.selectFrom('study_visits').select('id').executeTakeFirstOrThrow();
    const visitors = await create({ template: 'study-visit-feedback', audience: { kind: 'visit-participants', visitId: visit.id } });
    const participants = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT host_city_id FROM study_visits WHERE id = ${visit.id} UNION SELECT city_id FROM visit_participants WHERE visit_id = ${visit.id}) x`.execute(t.app.db);
    expect((await manager.request({ method: 'GET', url: `/api/surveys/${visitors.id}/audience` })).json().cities).toBeLessThanOrEqual(participants.rows[0]!.n);
  });

  it('is for programme managers only; a city representative is refused', async () => {
    expect((await krakow.request({ method: 'GET', url: '/api/surveys' })).statusCode).toBe(403);
    expect((await krakow.request({ method: 'POST', url: '/api/surveys', payload: { template: 'support-needs' } })).statusCode).toBe(403);
  });
});

describe('the reminders job', () => {
  it('reminds once, from three days before the last day, the people who have not answered; a second run reminds nobody', async () => {
    const s = await create({ template: 'group-meeting-feedback', respondent: 'person', closesOn: '2026-12-12', audience: { kind: 'list', cityIds: [], personIds: [person.krakow, person.lahti] } });
    await manager.request({ method: 'POST', url: `/api/surveys/${s.id}/send`, payload: { version: s.version } });
    // Five days before: not yet.
    expect(await sendSurveyReminders(t.app.db, new Date('2026-12-07T10:00:00Z'), 'http://peercities.test')).toBe(0);
    expect(await sendSurveyReminders(t.app.db, new Date('2026-12-09T08:00:00Z'), 'http://peercities.test')).toBe(2);
    expect(await sendSurveyReminders(t.app.db, new Date('2026-12-09T09:00:00Z'), 'http://peercities.test')).toBe(0);
    expect(await sendSurveyReminders(t.app.db, new Date('2026-12-11T09:00:00Z'), 'http://peercities.test')).toBe(0);
    const mails = await t.app.db.selectFrom('outbox').select(['to_address', 'text_body']).where('subject', 'like', `Reminder: ${s.title}%`).orderBy('to_address').execute();
    expect(mails.map((m) => m.to_address)).toEqual(['krakow@demo.peercities.eu', 'lahti@demo.peercities.eu']);
    expect(mails[0]!.text_body).toContain(`http://peercities.test/surveys/${s.id}/answer`);
    expect(mails[0]!.text_body).not.toContain('cityId=');
  });
});

describe('a body that is none of the three ways to start', () => {
  it('is refused with the fields named', async () => {
    const none = await manager.request({ method: 'POST', url: '/api/surveys', payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([expect.objectContaining({ field: 'body.template', reason: { code: 'SURVEY_START_FROM' } })]);
    const noTitle = await manager.request({ method: 'POST', url: '/api/surveys', payload: { definition: SURVEY_TEMPLATES['support-needs'].definition } });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors.map((e: { field: string }) => e.field)).toContain('body.title');
    const own = await manager.request({
      method: 'POST',
      url: '/api/surveys',
      payload: { title: 'Our own', description: '', audience: { kind: 'experts' }, respondent: 'person', anonymous: false, opensOn: '2026-12-07', closesOn: '2026-12-31', programmeId: null, definition: SURVEY_TEMPLATES['study-visit-feedback'].definition },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ template: null, title: 'Our own', audience: { kind: 'experts' } });
  });
});

describe('the demo', () => {
  it('has an open anonymous group-meeting feedback survey with six answers, none naming anyone', async () => {
    const open = (await manager.request({ method: 'GET', url: '/api/surveys?state=open' })).json().items;
    const demo = open.find((s: { title: string }) => s.title === 'Feedback after the November group meetings');
    expect(demo).toMatchObject({ state: 'open', template: 'group-meeting-feedback', respondent: 'person', anonymous: true, responses: 6, invited: 8, opensOn: '2026-11-30', closesOn: '2026-12-18' });
    const named = await t.app.db.selectFrom('survey_responses').select('id').where('survey_id', '=', demo.id).where((eb) => eb.or([eb('person_id', 'is not', null), eb('city_id', 'is not', null), eb('respondent_key', 'is not', null)])).execute();
    expect(named).toEqual([]);
    const invited = await t.app.db.selectFrom('survey_invitations').select(['answered']).where('survey_id', '=', demo.id).execute();
    expect(invited.filter((i) => i.answered)).toHaveLength(6);
  });
});
