import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { PersonCache, type AnnouncedChanges } from '../../lib/person-cache.ts';
import { SESSION_POLICY } from './session-policy.ts';

/** A session as the database last answered it. */
export interface CachedSession {
  user: CurrentUser;
  expiresAt: number;
  /** When the session was last marked as used in the database (ms since the epoch). */
  lastSeenAt: number;
}

/**
 * The sessions this process has checked, so that a signed-in request does not
 * ask the database again (docs/decisions/0010-session-cache.md). An entry
 * answers only while its `last_seen_at` is less than a minute old — the moment
 * the database has to be told the session is still in use anyway — and, as
 * every PersonCache, only while this process hears every change announced on
 * `session_changes`. Whoever hears a change calls `forgetPerson`.
 */
export class SessionCache implements AnnouncedChanges {
  readonly #cache: PersonCache<CachedSession>;

  constructor(maxEntries = 10_000) {
    this.#cache = new PersonCache(maxEntries);
  }

  get epoch() {
    return this.#cache.epoch;
  }

  get live() {
    return this.#cache.live;
  }

  get size() {
    return this.#cache.size;
  }

  /** The cached session when it can answer at `now`; otherwise nothing (ask the database). */
  get(tokenHash: string, now: number): CachedSession | undefined {
    const entry = this.#cache.get(tokenHash);
    if (!entry) return undefined;
    if (now >= entry.expiresAt || now - entry.lastSeenAt > SESSION_POLICY.touchIntervalMs || now < entry.lastSeenAt) {
      this.#cache.drop(tokenHash);
      return undefined;
    }
    return entry;
  }

  /** Keeps the database's answer unless a change was heard since `epochAtStart`. */
  remember(tokenHash: string, session: CachedSession, epochAtStart: number) {
    this.#cache.remember(tokenHash, session.user.id, session, epochAtStart);
  }

  /** A change to the person, their roles, their cities or one of their sessions was announced. */
  forgetPerson(personId: string) {
    this.#cache.forgetPerson(personId);
  }

  /** This process ended the session itself (sign-out): forgotten now, before the announcement comes back. */
  forgetSession(tokenHash: string) {
    this.#cache.forget(tokenHash);
  }

  goLive() {
    this.#cache.goLive();
  }

  goDark() {
    this.#cache.goDark();
  }
}
