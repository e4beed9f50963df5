import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2028-11-20T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
});
afterAll(async () => t.close());

describe('creating a programme from the template', () => {
  it('takes the time zone of its dates and deadlines, Europe/Brussels by default', async () => {
    const helsinki = await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Twinning 2029 (Helsinki time)', format: 'twinning', editionYear: 2029, timeZone: 'Europe/Helsinki' } });
    expect(helsinki.statusCode, helsinki.body).toBe(201);
    expect(helsinki.json()).toMatchObject({ slug: 'twinning-2029-helsinki-time', settings: { timeZone: 'Europe/Helsinki', hostCount: 10, visitorsPerHost: 1 } });
    const call = (await manager.request({ method: 'GET', url: '/api/programmes/twinning-2029-helsinki-time/calls/host' })).json();
    // 1 December 2028 00:00 in Helsinki (UTC+2).
    expect(call).toMatchObject({ opensAt: '2028-11-30T22:00:00.000Z', timeZone: 'Europe/Helsinki' });

    const brussels = await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Group Study Visits 2029', format: 'group_study_visits', editionYear: 2029 } });
    expect(brussels.json().settings.timeZone).toBe('Europe/Brussels');
  });

  it('refuses an unknown time zone and writes nothing', async () => {
    const before = (await manager.request({ method: 'GET', url: '/api/programmes' })).json().total;
    const res = await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Mars 2029', format: 'twinning', editionYear: 2029, timeZone: 'Mars/Olympus_Mons' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.timeZone', message: 'Not a known time zone (use e.g. Europe/Brussels).', reason: { code: 'TIME_ZONE_UNKNOWN' } }]);
    expect((await manager.request({ method: 'GET', url: '/api/programmes' })).json().total).toBe(before);
  });
});
