import { sql, type Kysely } from 'kysely';
import { DEFAULT_DELIVERY, type Delivery, type NotificationKind } from '../../../shared/notification.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { enqueueEmails, type OutgoingEmail } from '../email/outbox.repository.ts';

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
  const ids = [...new Set(n.personIds)];
  if (!ids.length) return { notified: 0, emailed: 0 };
  const people = await db
    .selectFrom('people')
    .leftJoin('notification_preferences as np', (join) => join.onRef('np.person_id', '=', 'people.id').on('np.kind', '=', n.kind))
    .select(['people.id', 'people.email', 'people.name', 'people.locale', 'np.delivery'])
    .where('people.id', 'in', ids)
    .where('people.disabled_at', 'is', null)
    .where('people.erased_at', 'is', null)
    .orderBy('people.id')
    .execute();
  if (!people.length) return { notified: 0, emailed: 0 };
  const deliveryOf = (p: (typeof people)[number]) => (p.delivery as Delivery | null) ?? DEFAULT_DELIVERY[n.kind];
  const now = new Date();
  await db
    .insertInto('notifications')
    .values(
      people.map((p) => ({
        person_id: p.id,
        kind: n.kind,
        title: n.title.slice(0, 300),
        body: n.body ?? '',
        link: n.link,
        delivery: deliveryOf(p),
        emailed_at: deliveryOf(p) === 'immediate' ? now : null,
      })),
    )
    .execute();
  const emails = people.filter((p) => deliveryOf(p) === 'immediate').map((p) => ({ to: p.email, ...n.email({ id: p.id, email: p.email, name: p.name, locale: p.locale }) }));
  await enqueueEmails(db, emails);
  return { notified: people.length, emailed: emails.length };
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
