import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { claimJob } from './scheduler.repository.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('scheduled jobs', () => {
  it('are claimed by one caller per period', async () => {
    const at = new Date('2027-01-01T10:00:00Z');
    const claims = await Promise.all([claimJob(t.app.db, 'test-job', 60_000, at), claimJob(t.app.db, 'test-job', 60_000, at), claimJob(t.app.db, 'test-job', 60_000, at)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimJob(t.app.db, 'test-job', 60_000, new Date('2027-01-01T10:00:30Z'))).toBe(false);
    expect(await claimJob(t.app.db, 'test-job', 60_000, new Date('2027-01-01T10:01:00Z'))).toBe(true);
  });
});
