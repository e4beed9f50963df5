import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishText } from '../../../shared/reason-texts.ts';
import type { Reason } from '../../../shared/reason.ts';
import { givePriorities } from '../../test-support/city-priorities.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

// Expert routing reads the requesting city's priorities from its answer to
// the support-needs survey (issue 22): they add to the fit and are named.

let t: TestApp;
let krakow: TestClient;
let krakowId: string;

const ask = async (title: string) => {
  const res = await krakow.request({
    method: 'POST',
    url: '/api/support-requests',
    payload: { cityId: krakowId, title, question: 'How did other cities plan the move of their district heating away from coal, step by step?', sectors: ['energy'], levers: [], languages: ['pl', 'en'], kind: 'answer', urgency: 'normal' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { expert: { name: string } | null; assignment: { reasons: Reason[] } };
};

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-07T10:00:00Z');
  krakow = await t.signedIn('krakow@demo.peercities.eu');
  krakowId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'krakow').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('routing with the city’s priorities', () => {
  it('names no survey while the city has no priorities', async () => {
    const r = await ask('Leaving coal in district heating');
    expect(r.expert?.name).toBe('Sofia Rossi');
    expect(r.assignment.reasons.map((x) => x.code)).not.toContain('SUPPORT_MATCHES_PRIORITY_LEVERS');
  });

  it('adds the expert’s match with the city’s priority levers to the fit, with the reason naming the survey', async () => {
    await givePriorities(t.app.db, 'krakow', { sectors: ['energy', 'buildings'], levers: ['finance-funding'] });
    const r = await ask('Leaving coal in district heating, part two');
    expect(r.expert?.name).toBe('Sofia Rossi');
    const said = r.assignment.reasons.map(englishText);
    // energy is the request's own sector: counted once, as a shared sector.
    expect(said).toContain('shares energy');
    expect(said).toContain('matches the city’s priority levers (support-needs survey): finance & funding');
    expect(said.some((s) => s.includes('priority sectors'))).toBe(false);
  });
});
