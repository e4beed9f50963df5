/**
 * Database answers kept in this process, each about one person, and forgotten
 * the moment a change to that person is announced on `session_changes`
 * (migrations 0014 and 0015; docs/decisions/0010-session-cache.md). The
 * signed-in sessions and the names shown beside posts are two such caches.
 *
 * A cache answers only while it is `live`: while this process hears every
 * announcement. `epoch` moves on with every forget: a database answer read
 * before a change may be stored only if nothing was forgotten since the read
 * began (`remember(…, epochAtStart)`), so a late answer never undoes a forget.
 * At most `maxEntries`; past that the oldest entry makes room.
 */
export class PersonCache<V> {
  #entries = new Map<string, { personId: string; value: V }>();
  #byPerson = new Map<string, Set<string>>();
  #live = false;
  #epoch = 0;

  constructor(readonly maxEntries: number) {}

  get epoch() {
    return this.#epoch;
  }

  get live() {
    return this.#live;
  }

  get size() {
    return this.#entries.size;
  }

  /** The remembered answer, while the cache is live. */
  get(key: string): V | undefined {
    return this.#live ? this.#entries.get(key)?.value : undefined;
  }

  /** Keeps the database's answer about `personId` unless something was forgotten since `epochAtStart`. */
  remember(key: string, personId: string, value: V, epochAtStart: number) {
    if (!this.#live || epochAtStart !== this.#epoch) return;
    this.drop(key);
    if (this.#entries.size >= this.maxEntries) {
      // The oldest entry first (a Map iterates in insertion order).
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.drop(oldest);
    }
    this.#entries.set(key, { personId, value });
    let keys = this.#byPerson.get(personId);
    if (!keys) this.#byPerson.set(personId, (keys = new Set()));
    keys.add(key);
  }

  /** An entry that is no longer useful (expired): dropped, with no effect on answers being read. */
  drop(key: string) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    const keys = this.#byPerson.get(entry.personId);
    keys?.delete(key);
    if (keys?.size === 0) this.#byPerson.delete(entry.personId);
  }

  /** One entry is wrong from now on (this process changed it): answers being read may not be kept. */
  forget(key: string) {
    this.#epoch += 1;
    this.drop(key);
  }

  /** A change to the person was announced: every entry about them goes. */
  forgetPerson(personId: string) {
    this.#epoch += 1;
    for (const key of this.#byPerson.get(personId) ?? []) this.#entries.delete(key);
    this.#byPerson.delete(personId);
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
}

/** What the listener of `session_changes` tells each cache of answers about people. */
export interface AnnouncedChanges {
  forgetPerson(personId: string): void;
  goLive(): void;
  goDark(): void;
}
