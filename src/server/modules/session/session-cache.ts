import type { CurrentUser } from '../../../shared/account.schemas.ts';
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
 * the database has to be told the session is still in use anyway — and only
 * while the cache is `live`: while this process hears every change announced
 * on `session_changes`. Whoever hears a change calls `forgetPerson`.
 *
 * `epoch` moves on with every change heard: a database answer read before a
 * change may be stored only if no change was heard since the read began
 * (`remember(…, epochAtStart)`), so a late answer never undoes a forget.
 */
export class SessionCache {
  #entries = new Map<string, CachedSession>();
  #byPerson = new Map<string, Set<string>>();
  #live = false;
  #epoch = 0;

  constructor(private readonly maxEntries = 10_000) {}

  get epoch() {
    return this.#epoch;
  }

  get live() {
    return this.#live;
  }

  get size() {
    return this.#entries.size;
  }

  /** The cached session when it can answer at `now`; otherwise nothing (ask the database). */
  get(tokenHash: string, now: number): CachedSession | undefined {
    if (!this.#live) return undefined;
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (now >= entry.expiresAt || now - entry.lastSeenAt > SESSION_POLICY.touchIntervalMs || now < entry.lastSeenAt) {
      this.#delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  /** Keeps the database's answer unless a change was heard since `epochAtStart`. */
  remember(tokenHash: string, session: CachedSession, epochAtStart: number) {
    if (!this.#live || epochAtStart !== this.#epoch) return;
    this.#delete(tokenHash);
    if (this.#entries.size >= this.maxEntries) {
      // The oldest entry first (a Map iterates in insertion order).
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#delete(oldest);
    }
    const personId = session.user.id;
    this.#entries.set(tokenHash, session);
    let tokens = this.#byPerson.get(personId);
    if (!tokens) this.#byPerson.set(personId, (tokens = new Set()));
    tokens.add(tokenHash);
  }

  /** A change to the person, their roles or one of their sessions was announced. */
  forgetPerson(personId: string) {
    this.#epoch += 1;
    for (const tokenHash of this.#byPerson.get(personId) ?? []) this.#entries.delete(tokenHash);
    this.#byPerson.delete(personId);
  }

  /** This process ended the session itself (sign-out): forgotten now, before the announcement comes back. */
  forgetSession(tokenHash: string) {
    this.#epoch += 1;
    this.#delete(tokenHash);
  }

  /** This process hears every change from now on: start from nothing. */
  goLive() {
    this.#forgetAll();
    this.#live = true;
  }

  /** Changes may go unheard (the listening connection is gone): answer nothing from memory. */
  goDark() {
    this.#live = false;
    this.#forgetAll();
  }

  #forgetAll() {
    this.#epoch += 1;
    this.#entries.clear();
    this.#byPerson.clear();
  }

  #delete(tokenHash: string) {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return;
    this.#entries.delete(tokenHash);
    const tokens = this.#byPerson.get(entry.user.id);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.#byPerson.delete(entry.user.id);
  }
}
