import { sql, type Kysely } from 'kysely';
import { DEFAULT_DELIVERY, type Delivery, type NotificationKind } from '../../../shared/notification.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { outboxRow, type OutgoingEmail } from '../email/outbox.repository.ts';

type Q = Kysely<Database>;

export interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export interface Notification {
  kind: NotificationKind;
  /** Who is told; duplicates, deactivated and erased accounts are left out. */
  personIds: readonly string[];
  /** One line in the bell's list ("Valencia answered: Heat pumps in schools"). */
  title: string;
  /** A few words more, plain text. */
  body?: string;
  /** Where the notification leads in the app: a path, "/conversations/…". */
  link: string;
  /** The email sent to a person who chose to hear of this kind immediately. */
  email: (recipient: Recipient) => Omit<OutgoingEmail, 'to'>;
}

export interface Notified {
  /** In-app notifications written (one per recipient). */
  notified: number;
  /** Emails queued at once (recipients who chose "immediately"). */
  emailed: number;
}

/**
 * Tells people what happened: one in-app notification each, and an email
 * through the outbox to those who chose "immediately" for the kind (the
 * daily digest collects the "digest" ones later). Call it with the
 * transaction of the change that causes it: the notification and its email
 * are written with the change or not at all, and the outbox sends each email
 * exactly once whatever the number of app processes.
 */
export async function notify(db: Q, n: Notification): Promise<Notified> {
  return notifyEach(db, [n]);
}

/**
 * Several notifications at once (each city its own decision, say), in two
 * statements whatever their number: the recipients with their choices, then
 * the notifications with their emails.
 */
export async function notifyEach(db: Q, list: readonly Notification[]): Promise<Notified> {
  const all = [...new Set(list.flatMap((n) => n.personIds))];
  if (!all.length) return { notified: 0, emailed: 0 };
  const rows = await db
    .selectFrom('people')
    .leftJoin('notification_preferences as np', 'np.person_id', 'people.id')
    .select(['people.id', 'people.email', 'people.name', 'people.locale', 'np.kind', 'np.delivery'])
    .where('people.id', 'in', all)
    .where('people.disabled_at', 'is', null)
    .where('people.erased_at', 'is', null)
    .orderBy('people.id')
    .execute();
  const people = new Map<string, Recipient & { chosen: Map<string, Delivery> }>();
  for (const r of rows) {
    const person = people.get(r.id) ?? { id: r.id, email: r.email, name: r.name, locale: r.locale, chosen: new Map<string, Delivery>() };
    if (r.kind && r.delivery) person.chosen.set(r.kind, r.delivery as Delivery);
    people.set(r.id, person);
  }
  const now = new Date();
  const notifications: { person_id: string; kind: NotificationKind; title: string; body: string; link: string; delivery: Delivery; emailed_at: Date | null }[] = [];
  const emails: OutgoingEmail[] = [];
  for (const n of list) {
    for (const id of [...new Set(n.personIds)].sort()) {
      const p = people.get(id);
      if (!p) continue;
      const delivery = p.chosen.get(n.kind) ?? DEFAULT_DELIVERY[n.kind];
      notifications.push({ person_id: p.id, kind: n.kind, title: n.title.slice(0, 300), body: n.body ?? '', link: n.link, delivery, emailed_at: delivery === 'immediate' ? now : null });
      if (delivery === 'immediate') emails.push({ to: p.email, ...n.email({ id: p.id, email: p.email, name: p.name, locale: p.locale }) });
    }
  }
  if (!notifications.length) return { notified: 0, emailed: 0 };
  // One statement for both: a message's notifications are on its hot path.
  if (emails.length) await db.with('notified', (q) => q.insertInto('notifications').values(notifications)).insertInto('outbox').values(emails.map(outboxRow)).execute();
  else await db.insertInto('notifications').values(notifications).execute();
  return { notified: notifications.length, emailed: emails.length };
}

/** The people who act for a city: its representatives whose accounts can sign in. */
export async function representativesOf(db: Q, cityIds: readonly string[]): Promise<string[]> {
  if (!cityIds.length) return [];
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select('people.id')
    .distinct()
    .where('role_grants.role', '=', 'city_representative')
    .where('role_grants.city_id', 'in', [...cityIds])
    .where('people.disabled_at', 'is', null)
    .where('people.erased_at', 'is', null)
    .where(sql<boolean>`NOT people.approval_pending`)
    .execute();
  return rows.map((r) => r.id);
}

/** The programme team: everyone holding the programme manager role. */
export async function programmeTeam(db: Q): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select('people.id')
    .distinct()
    .where('role_grants.role', '=', 'programme_manager')
    .where('people.disabled_at', 'is', null)
    .where('people.erased_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}
