import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionResult, SurveyDefinition } from '../../../shared/survey.schemas.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertInvitations, insertResponses, insertSurvey, type FixtureCity, type FixtureSurvey } from './results-fixtures.ts';

const DEFINITION: SurveyDefinition = {
  sections: [
    {
      id: 'main',
      title: 'Main',
      questions: [
        { id: 'visits', type: 'single', required: true, text: 'Would you send a delegation?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
        { id: 'size', type: 'number', required: false, text: 'How many people?', min: 1, max: 10, integer: true, showIf: { questionId: 'visits', equals: 'yes' } },
        {
          id: 'formats',
          type: 'multiple',
          required: true,
          text: 'Which formats?',
          options: [
            { value: 'visits', label: 'Study visits' },
            { value: 'groups', label: 'Discussion groups' },
            { value: 'webinars', label: 'Webinars' },
          ],
        },
        { id: 'interest', type: 'rating', scale: '1-5', required: true, text: 'How interested?' },
        {
          id: 'skills',
          type: 'matrix',
          scale: '1-5',
          required: false,
          text: 'Rate your team',
          items: [
            { value: 'finance', label: 'Finance' },
            { value: 'data', label: 'Data' },
          ],
        },
        {
          id: 'order',
          type: 'ranking',
          required: false,
          text: 'Order these',
          options: [
            { value: 'a', label: 'Alpha' },
            { value: 'b', label: 'Beta' },
          ],
        },
        { id: 'sectors', type: 'sector', multiple: true, required: false, text: 'Sectors?' },
        { id: 'home', type: 'country', required: false, text: 'Where?' },
        { id: 'peer', type: 'city', required: false, text: 'Which city?' },
        { id: 'barriers', type: 'long-text', required: false, text: 'What holds you back?' },
      ],
    },
  ],
};

let t: TestApp;
let manager: TestClient;
let cities: FixtureCity[];
let cityNames: Map<string, string>;
let people: string[];
let named: FixtureSurvey;
let anonymous: FixtureSurvey;

const get = (url: string) => manager.request({ method: 'GET', url });
const question = (body: { questions: QuestionResult[] }, id: string) => body.questions.find((q) => q.questionId === id)!;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
  const rows = await t.app.db.selectFrom('cities').select(['id', 'name', 'country', 'kind', 'population']).orderBy('slug').execute();
  // Two cities of one country and one of another.
  const byCountry = new Map<string, typeof rows>();
  for (const r of rows) byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), r]);
  const pair = [...byCountry.values()].find((list) => list.length >= 2)!;
  const single = rows.find((r) => r.country !== pair[0]!.country)!;
  cities = [pair[0]!, pair[1]!, single, ...rows.filter((r) => r !== pair[0] && r !== pair[1] && r !== single)];
  cityNames = new Map(rows.map((r) => [r.id, r.name]));
  people = (await t.app.db.selectFrom('people').select('id').orderBy('email').execute()).map((p) => p.id);

  named = await insertSurvey(t.app.db, { definition: DEFINITION });
  // Four cities invited (one of them twice: two representatives), three answer.
  await insertInvitations(t.app.db, named.id, [
    { personId: people[0]!, cityId: cities[0]!.id },
    { personId: people[1]!, cityId: cities[0]!.id },
    { personId: people[2]!, cityId: cities[1]!.id },
    { personId: people[3]!, cityId: cities[2]!.id },
    { personId: people[4]!, cityId: cities[3]!.id },
  ]);
  await insertResponses(t.app.db, named, [
    {
      city: cities[0]!,
      personId: people[0]!,
      submittedOn: '2026-12-02',
      answers: { visits: 'yes', size: 3, formats: ['visits', 'groups'], interest: 5, skills: { finance: 2, data: 4 }, order: ['a', 'b'], sectors: ['energy', 'mobility'], home: 'FI', peer: cities[2]!.id, barriers: 'Not enough staff for travel.' },
    },
    {
      city: cities[1]!,
      personId: people[2]!,
      submittedOn: '2026-12-03',
      // `size` is hidden (the delegation answer is no): it is not kept.
      answers: { visits: 'no', size: 7, formats: ['visits'], interest: 4, skills: { finance: 4, data: 4 }, order: ['b', 'a'], sectors: ['energy'], home: 'FI', barriers: 'Budget is the barrier.' },
    },
    { city: cities[2]!, personId: people[3]!, submittedOn: '2026-12-04', answers: { visits: 'yes', size: 1, formats: ['webinars', 'groups', 'visits'], interest: 2 } },
  ]);

  anonymous = await insertSurvey(t.app.db, { definition: DEFINITION, anonymous: true, respondent: 'person' });
  await insertInvitations(
    t.app.db,
    anonymous.id,
    people.slice(0, 8).map((personId, i) => ({ personId, cityId: cities[i % 2 === 0 ? 0 : 2]!.id })),
  );
  // Four answers: fewer than 5.
  await insertResponses(
    t.app.db,
    anonymous,
    [0, 1, 2, 3].map((i) => ({ city: cities[i % 2 === 0 ? 0 : 2]!, personId: people[i]!, answers: { visits: 'no', formats: ['groups'], interest: 3, barriers: `Secret ${i}` } })),
  );
});

afterAll(async () => {
  await t?.close();
});

describe('results of a named survey', () => {
  it('counts multiple choice per option (share of those who answered), scales, matrices, rankings and texts', async () => {
    const res = await get(`/api/surveys/${named.id}/results`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ surveyId: named.id, responses: 3, invited: 4, suppressed: false });
    expect(question(body, 'formats')).toMatchObject({
      answered: 3,
      counts: [
        { value: 'visits', label: 'Study visits', count: 3, percent: 100 },
        { value: 'groups', label: 'Discussion groups', count: 2, percent: 66.7 },
        { value: 'webinars', label: 'Webinars', count: 1, percent: 33.3 },
      ],
    });
    expect(question(body, 'visits').counts).toEqual([
      { value: 'yes', label: 'Yes', count: 2, percent: 66.7 },
      { value: 'no', label: 'No', count: 1, percent: 33.3 },
    ]);
    // The hidden question's answer was not kept: two answers, not three.
    expect(question(body, 'size')).toMatchObject({ answered: 2, mean: 2, distribution: [{ value: 1, count: 1 }, { value: 3, count: 1 }] });
    expect(question(body, 'interest')).toMatchObject({
      answered: 3,
      mean: 3.67,
      distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 2 || value === 4 || value === 5 ? 1 : 0 })),
    });
    const skills = question(body, 'skills');
    expect(skills.answered).toBe(2);
    expect(skills.matrix![0]).toMatchObject({ item: 'finance', label: 'Finance', mean: 3 });
    expect(skills.matrix![0]!.counts.find((c) => c.value === 2)!.count).toBe(1);
    expect(skills.matrix![1]).toMatchObject({ item: 'data', mean: 4 });
    expect(skills.matrix![1]!.counts.find((c) => c.value === 4)!.count).toBe(2);
    expect(question(body, 'order')).toMatchObject({ answered: 2, ranks: [{ value: 'a', label: 'Alpha', averageRank: 1.5, count: 2 }, { value: 'b', averageRank: 1.5 }] });
    const sectors = question(body, 'sectors');
    expect(sectors.answered).toBe(2);
    expect(sectors.counts!.find((c) => c.value === 'energy')).toMatchObject({ label: 'Energy', count: 2, percent: 100 });
    expect(sectors.counts!.find((c) => c.value === 'mobility')).toMatchObject({ count: 1, percent: 50 });
    expect(question(body, 'home').counts).toEqual([{ value: 'FI', label: 'Finland', count: 2, percent: 100 }]);
    expect(question(body, 'peer').counts).toEqual([{ value: cities[2]!.id, label: cityNames.get(cities[2]!.id), count: 1, percent: 100 }]);
    expect(question(body, 'barriers')).toEqual({ questionId: 'barriers', type: 'long-text', text: 'What holds you back?', answered: 2 });
  });

  it('counts in a few statements, whatever the number of questions', async () => {
    await get(`/api/surveys/${named.id}/results`);
    const { result, queries } = await t.queries.during(() => get(`/api/surveys/${named.id}/results?country=${cities[0]!.country}`));
    expect(result.statusCode).toBe(200);
    // Survey, responses, invitations, answer counts, distinct answers per multiple question, city names, and the session's checks.
    expect(queries).toBeLessThanOrEqual(8);
  });

  it('filters by country: responses and invitations of that segment only', async () => {
    const res = await get(`/api/surveys/${named.id}/results?country=${cities[0]!.country}`);
    const body = res.json();
    const invitedThere = cities.slice(0, 4).filter((c) => c.country === cities[0]!.country).length;
    expect(body).toMatchObject({ responses: 2, invited: invitedThere, suppressed: false });
    expect(question(body, 'formats').counts!.map((c) => c.count)).toEqual([2, 1, 0]);
    const none = (await get(`/api/surveys/${named.id}/results?cityKind=${cities[0]!.kind === 'mission' ? 'aspiring' : 'mission'}&country=${cities[0]!.country}`)).json();
    expect(none).toMatchObject({ responses: [cities[0]!, cities[1]!].filter((c) => c.kind !== cities[0]!.kind).length, suppressed: false });
  });

  it('compares segments with the response rate', async () => {
    const res = await get(`/api/surveys/${named.id}/segments?by=country`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const first = body.segments.find((s: { value: string }) => s.value === cities[0]!.country);
    const invitedThere = cities.slice(0, 4).filter((c) => c.country === cities[0]!.country).length;
    expect(first).toMatchObject({ responses: 2, invited: invitedThere, responseRate: Math.round((2 / invitedThere) * 1000) / 10, suppressed: false });
    expect(first.label).toBe(new Intl.DisplayNames(['en'], { type: 'region' }).of(cities[0]!.country));
    const kinds = (await get(`/api/surveys/${named.id}/segments?by=city-kind`)).json();
    expect(kinds.segments.reduce((s: number, x: { responses: number }) => s + x.responses, 0)).toBe(3);
    expect(kinds.segments.reduce((s: number, x: { invited: number }) => s + x.invited, 0)).toBe(4);
    const programmes = (await get(`/api/surveys/${named.id}/segments?by=programme`)).json();
    expect(programmes.segments).toEqual([{ value: 'unknown', label: 'No programme', invited: 4, responses: 3, responseRate: 75, suppressed: false }]);
    expect((await get(`/api/surveys/${named.id}/segments?by=colour`)).statusCode).toBe(400);
  });

  it('lists text answers newest first with the city, searchable', async () => {
    const res = await get(`/api/surveys/${named.id}/questions/barriers/text-answers`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { text: 'Budget is the barrier.', submittedOn: '2026-12-03', city: cityNames.get(cities[1]!.id) },
        { text: 'Not enough staff for travel.', submittedOn: '2026-12-02', city: cityNames.get(cities[0]!.id) },
      ],
      total: 2,
      page: 1,
      pageSize: 25,
    });
    const found = (await get(`/api/surveys/${named.id}/questions/barriers/text-answers?q=STAFF`)).json();
    expect(found.items.map((i: { text: string }) => i.text)).toEqual(['Not enough staff for travel.']);
    const percent = (await get(`/api/surveys/${named.id}/questions/barriers/text-answers?q=%25`)).json();
    expect(percent.total).toBe(0);
    const second = (await get(`/api/surveys/${named.id}/questions/barriers/text-answers?pageSize=1&page=2`)).json();
    expect(second).toMatchObject({ total: 2, items: [{ text: 'Not enough staff for travel.' }] });
    expect((await get(`/api/surveys/${named.id}/questions/formats/text-answers`)).statusCode).toBe(404);
    expect((await get(`/api/surveys/${named.id}/questions/nothing/text-answers`)).statusCode).toBe(404);
  });

  it('exports one row per response and a column per option, as CSV and as XLSX', async () => {
    const csv = await get(`/api/surveys/${named.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".*\.csv"/);
    const rows: Record<string, string>[] = parse(csv.body, { bom: true, columns: true });
    expect(rows).toHaveLength(3);
    const header = Object.keys(rows[0]!);
    expect(header.slice(0, 5)).toEqual(['submitted on', 'city', 'country', 'kind', 'population band']);
    expect(header).toEqual(expect.arrayContaining(['visits', 'formats: visits', 'formats: groups', 'formats: webinars', 'skills: finance', 'skills: data', 'order: a', 'order: b', 'sectors: energy', 'barriers']));
    const first = rows.find((r) => r['submitted on'] === '2026-12-02')!;
    expect(first).toMatchObject({ city: cityNames.get(cities[0]!.id), 'formats: visits': '1', 'formats: groups': '1', 'formats: webinars': '0', 'skills: data': '4', 'order: a': '1', 'order: b': '2', peer: cityNames.get(cities[2]!.id), size: '3' });
    const third = rows.find((r) => r['submitted on'] === '2026-12-04')!;
    expect(third).toMatchObject({ 'skills: finance': '', barriers: '' });

    const xlsx = await get(`/api/surveys/${named.id}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Answers')!;
    expect(sheet.rowCount).toBe(4);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(header);
    const values = [2, 3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    const firstRow = values.find((v) => v[0] === '2026-12-02')!;
    expect(firstRow[headers.indexOf('formats: groups')]).toBe(1);
    expect(firstRow[headers.indexOf('interest')]).toBe(5);
    // A second sheet says what each column holds.
    const about = workbook.getWorksheet('Columns')!;
    expect(about.rowCount).toBe(headers.length + 1);
    expect((about.getRow(headers.indexOf('formats: groups') + 2).values as unknown[]).slice(1)).toEqual(['formats: groups', 'Which formats? — Discussion groups (1 chosen, 0 not)']);
  });

  it('answers 404 for a survey that does not exist', async () => {
    expect((await get('/api/surveys/00000000-0000-4000-8000-000000000000/results')).statusCode).toBe(404);
    expect((await get('/api/surveys/00000000-0000-4000-8000-000000000000/export?format=csv')).statusCode).toBe(404);
  });
});

describe('small segments of an anonymous survey', () => {
  it('with fewer than 5 answers shows no counts, means or texts, and refuses the export', async () => {
    const res = (await get(`/api/surveys/${anonymous.id}/results`)).json();
    expect(res).toEqual({ surveyId: anonymous.id, responses: 0, invited: 8, suppressed: true, questions: [] });
    const texts = (await get(`/api/surveys/${anonymous.id}/questions/barriers/text-answers`)).json();
    expect(texts).toMatchObject({ items: [], total: 0 });
    const segments = (await get(`/api/surveys/${anonymous.id}/segments?by=country`)).json();
    for (const s of segments.segments) expect(s).toMatchObject({ responses: 0, responseRate: null, suppressed: true });
    const exported = await get(`/api/surveys/${anonymous.id}/export?format=xlsx`);
    expect(exported.statusCode).toBe(409);
    expect(exported.json()).toMatchObject({ code: 'CONFLICT' });
    expect(exported.json().detail).toContain('Fewer than 5 answers');
  });

  it('shows the whole once 5 answered, hides a smaller segment, and never names the city', async () => {
    const fifth = await insertResponses(t.app.db, anonymous, [{ city: cities[0]!, personId: people[4]!, answers: { visits: 'yes', formats: ['visits'], interest: 5, barriers: 'Secret 4' } }]);
    const all = (await get(`/api/surveys/${anonymous.id}/results`)).json();
    expect(all).toMatchObject({ responses: 5, suppressed: false });
    expect(question(all, 'formats').counts![1]).toMatchObject({ value: 'groups', count: 4, percent: 80 });
    const texts = (await get(`/api/surveys/${anonymous.id}/questions/barriers/text-answers`)).json();
    expect(texts.total).toBe(5);
    expect(texts.items.every((i: { city: string | null }) => i.city === null)).toBe(true);
    const csv = parse((await get(`/api/surveys/${anonymous.id}/export?format=csv`)).body, { bom: true, columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(5);
    expect(Object.keys(csv[0]!)).not.toContain('city');
    // The other country has 2 answers: hidden, and so is its rate.
    const other = (await get(`/api/surveys/${anonymous.id}/results?country=${cities[2]!.country}`)).json();
    expect(other).toMatchObject({ suppressed: true, responses: 0, questions: [] });
    expect((await get(`/api/surveys/${anonymous.id}/export?format=csv&country=${cities[2]!.country}`)).statusCode).toBe(409);
    const segments = (await get(`/api/surveys/${anonymous.id}/segments?by=country`)).json();
    expect(segments.segments.find((s: { value: string }) => s.value === cities[2]!.country)).toMatchObject({ responses: 0, responseRate: null, suppressed: true });
    expect(fifth).toHaveLength(1);
  });

  it('a named survey is never hidden, however few answered', async () => {
    const one = (await get(`/api/surveys/${named.id}/results?country=${cities[2]!.country}`)).json();
    expect(one).toMatchObject({ suppressed: false, responses: 1 });
    expect(question(one, 'interest').mean).toBe(2);
  });
});
