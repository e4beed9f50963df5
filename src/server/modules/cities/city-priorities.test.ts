import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_TEMPLATES } from '../../../domain/surveys/templates.ts';
import { givePriorities } from '../../test-support/city-priorities.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;
let lahti: TestClient;
let lahti2: TestClient;
let krakow: TestClient;
let expert: TestClient;
let anonymous: TestClient;
let surveyId: string;

beforeAll(async () => {
  t = await createTestApp();
  [manager, lahti, lahti2, krakow, expert, anonymous] = await Promise.all([
    t.signedIn('manager@demo.peercities.eu'),
    t.signedIn('lahti@demo.peercities.eu'),
    t.signedIn('lahti2@demo.peercities.eu'),
    t.signedIn('krakow@demo.peercities.eu'),
    t.signedIn('expert@demo.peercities.eu'),
    t.client(),
  ]);
});
afterAll(async () => t.close());

const get = (client: TestClient, slug = 'lahti') => client.request({ method: 'GET', url: `/api/cities/${slug}/priorities` });

describe('GET /api/cities/:slug/priorities', () => {
  it('answers no priorities (not an error) while the city has not answered', async () => {
    for (const client of [manager, lahti]) {
      const res = await get(client);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ priorities: null });
    }
  });

  it('shows the sectors, levers, survey and day of the answer to managers and the city’s own representatives', async () => {
    surveyId = await givePriorities(t.app.db, 'lahti', { sectors: ['mobility', 'energy'], levers: ['finance-funding'], answeredOn: '2027-03-12' });
    const expected = { sectors: ['mobility', 'energy'], levers: ['finance-funding'], surveyId, surveyTitle: SURVEY_TEMPLATES['support-needs'].title, answeredOn: '2027-03-12' };
    for (const client of [manager, lahti, lahti2]) {
      const res = await get(client);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ priorities: expected });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('is "not yours" (404) for another city’s representative, and refused to people without the roles', async () => {
    expect((await get(krakow)).statusCode).toBe(404);
    expect((await get(expert)).statusCode).toBe(403);
    expect((await get(anonymous)).statusCode).toBe(401);
  });

  it('answers 404 for a city that does not exist', async () => {
    expect((await get(manager, 'no-such-city')).statusCode).toBe(404);
  });
});
