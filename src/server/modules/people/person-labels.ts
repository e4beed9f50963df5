import type { Db } from '../../db/client.ts';
import { PersonCache, type AnnouncedChanges } from '../../lib/person-cache.ts';
import { labelsOf } from './people.repository.ts';

/** What a post shows of its author. */
export interface PersonLabel {
  readonly name: string;
  /** The city they represent (their primary city when several), or null. */
  readonly city: string | null;
}

/**
 * The names and cities shown beside posts, remembered by the process: a page
 * of 50 posts by a handful of people does not look up each author again on
 * every read. Changes to a person's name, their roles or the name of one of
 * their cities are announced on `session_changes` (migrations 0014, 0015);
 * until this process hears every announcement, each read asks the database.
 */
export class PersonLabels implements AnnouncedChanges {
  readonly #cache: PersonCache<PersonLabel>;

  constructor(maxEntries = 50_000) {
    this.#cache = new PersonCache(maxEntries);
  }

  get size() {
    return this.#cache.size;
  }

  /** The labels of these people (absent: no such person), from memory where it can answer. */
  async of(db: Db, ids: Iterable<string>): Promise<Map<string, PersonLabel>> {
    const labels = new Map<string, PersonLabel>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const known = this.#cache.get(id);
      if (known) labels.set(id, known);
      else missing.push(id);
    }
    if (!missing.length) return labels;
    const epoch = this.#cache.epoch;
    for (const row of await labelsOf(db, missing)) {
      const label = Object.freeze({ name: row.name, city: row.city });
      labels.set(row.id, label);
      this.#cache.remember(row.id, row.id, label, epoch);
    }
    return labels;
  }

  forgetPerson(personId: string) {
    this.#cache.forgetPerson(personId);
  }

  goLive() {
    this.#cache.goLive();
  }

  goDark() {
    this.#cache.goDark();
  }
}
