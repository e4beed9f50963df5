import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { SessionCache, type CachedSession } from './session-cache.ts';
import { SESSION_POLICY } from './session-policy.ts';

const T0 = Date.parse('2026-12-02T10:00:00Z');
const user = (id: string): CurrentUser => ({ id, email: `${id}@example.org`, name: id, locale: 'en', roles: [] });
const session = (id: string, lastSeenAt = T0, expiresAt = T0 + SESSION_POLICY.absoluteLifetimeMs): CachedSession => ({ user: user(id), lastSeenAt, expiresAt });

function liveCache(maxEntries?: number) {
  const cache = new SessionCache(maxEntries);
  cache.goLive();
  return cache;
}

describe('the session cache', () => {
  it('answers a remembered session until its last use is a minute old', () => {
    const cache = liveCache();
    cache.remember('h1', session('anna'), cache.epoch);
    expect(cache.get('h1', T0 + 1000)?.user.id).toBe('anna');
    expect(cache.get('h1', T0 + SESSION_POLICY.touchIntervalMs)?.user.id).toBe('anna');
    // Past the minute the database must hear of the use again: ask it.
    expect(cache.get('h1', T0 + SESSION_POLICY.touchIntervalMs + 1)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never answers a session past its end', () => {
    const cache = liveCache();
    cache.remember('h1', session('anna', T0, T0 + 5000), cache.epoch);
    expect(cache.get('h1', T0 + 4999)).toBeDefined();
    expect(cache.get('h1', T0 + 5000)).toBeUndefined();
  });

  it('forgets every session of a person whose change was announced, and only theirs', () => {
    const cache = liveCache();
    cache.remember('a-laptop', session('anna'), cache.epoch);
    cache.remember('a-phone', session('anna'), cache.epoch);
    cache.remember('b', session('bruno'), cache.epoch);
    cache.forgetPerson('anna');
    expect(cache.get('a-laptop', T0)).toBeUndefined();
    expect(cache.get('a-phone', T0)).toBeUndefined();
    expect(cache.get('b', T0)?.user.id).toBe('bruno');
  });

  it('forgets one session that this process ended', () => {
    const cache = liveCache();
    cache.remember('a-laptop', session('anna'), cache.epoch);
    cache.remember('a-phone', session('anna'), cache.epoch);
    cache.forgetSession('a-laptop');
    expect(cache.get('a-laptop', T0)).toBeUndefined();
    expect(cache.get('a-phone', T0)).toBeDefined();
  });

  it('does not keep an answer read before a change that was heard meanwhile', () => {
    const cache = liveCache();
    const epoch = cache.epoch; // the database read starts…
    cache.forgetPerson('anna'); // …a change to anyone is heard while it runs…
    cache.remember('h1', session('anna'), epoch); // …so its answer may be stale: not kept
    expect(cache.get('h1', T0)).toBeUndefined();
    cache.remember('h1', session('anna'), cache.epoch);
    expect(cache.get('h1', T0)).toBeDefined();
  });

  it('answers nothing and keeps nothing while it may miss changes', () => {
    const cache = new SessionCache();
    cache.remember('h1', session('anna'), cache.epoch);
    expect(cache.get('h1', T0)).toBeUndefined();
    cache.goLive();
    cache.remember('h1', session('anna'), cache.epoch);
    expect(cache.get('h1', T0)).toBeDefined();
    cache.goDark();
    expect(cache.live).toBe(false);
    expect(cache.get('h1', T0)).toBeUndefined();
    // Back to live: what was known before the gap is gone.
    cache.goLive();
    expect(cache.get('h1', T0)).toBeUndefined();
  });

  it('holds at most maxEntries sessions, dropping the oldest', () => {
    const cache = liveCache(2);
    cache.remember('h1', session('anna'), cache.epoch);
    cache.remember('h2', session('bruno'), cache.epoch);
    cache.remember('h3', session('chiara'), cache.epoch);
    expect(cache.size).toBe(2);
    expect(cache.get('h1', T0)).toBeUndefined();
    expect(cache.get('h3', T0)?.user.id).toBe('chiara');
    // The dropped entry is gone from the person index too.
    cache.forgetPerson('anna');
    expect(cache.size).toBe(2);
  });
});
