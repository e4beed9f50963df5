import type { Db } from '../../db/client.ts';
import type { NotificationKind } from '../../../shared/notification.schemas.ts';
import { enqueueEmails, type OutgoingEmail } from '../email/outbox.repository.ts';
import { notifyEach, type Recipient } from '../notifications/notify.ts';
import { representativesOfCities } from './applications.repository.ts';

const format = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);
const signature = '\n\n—\npeercities: city-to-city learning for climate neutrality';
const callName = (kind: 'host' | 'visitor') => (kind === 'host' ? 'host call' : 'visitor call');

/** One of a city's representatives, as an email addresses them. */
export interface Addressee {
  to: string;
  name: string;
}

/** What every email about a city's application names: the city and the call. */
interface AboutApplication extends Addressee {
  cityName: string;
  programmeTitle: string;
  callKind: 'host' | 'visitor';
}

/**
 * Queues an email to every representative of each city the list is about
 * (written by `write`, in the list's order), in the transaction of the change
 * that causes them; returns how many.
 */
export async function emailRepresentatives<T extends { cityId: string }>(db: Db, about: readonly T[], write: (addressee: Addressee, about: T) => OutgoingEmail): Promise<number> {
  const representatives = await representativesOfCities(db, about.map((a) => a.cityId));
  const emails = about.flatMap((a) => representatives.filter((rep) => rep.city_id === a.cityId).map((rep) => write({ to: rep.email, name: rep.name }, a)));
  await enqueueEmails(db, emails);
  return emails.length;
}

/**
 * Tells every representative of each city the list is about, through
 * notify(): an in-app notification (`title`, `link`) for each, and the email
 * written by `email` to those who chose to hear of `kind` at once. In the
 * transaction of the change that causes it; returns how many emails were queued.
 */
export async function notifyRepresentatives<T extends { cityId: string }>(
  db: Db,
  kind: NotificationKind,
  about: readonly T[],
  write: (about: T) => { title: string; body?: string; link: string; email: (addressee: Addressee) => OutgoingEmail },
): Promise<number> {
  const representatives = await representativesOfCities(db, about.map((a) => a.cityId));
  const done = await notifyEach(
    db,
    about.map((a) => {
      const n = write(a);
      return {
        kind,
        personIds: representatives.filter((rep) => rep.city_id === a.cityId).map((rep) => rep.id),
        title: n.title,
        ...(n.body === undefined ? {} : { body: n.body }),
        link: n.link,
        email: (recipient: Recipient) => {
          const { to: _to, ...email } = n.email({ to: recipient.email, name: recipient.name });
          return email;
        },
      };
    }),
  );
  return done.emailed;
}

export function submissionConfirmationEmail(i: AboutApplication & { closesAt: Date; timeZone: string; url: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: `${i.cityName}: application to the ${callName(i.callKind)} of ${i.programmeTitle} received`,
    text:
      `Hello ${i.name},\n\nwe have received ${i.cityName}'s application to the ${callName(i.callKind)} of ${i.programmeTitle}.\n\n` +
      `You can still change or withdraw it until ${format(i.closesAt, i.timeZone)} (${i.timeZone} time):\n${i.url}\n\n` +
      `After that, the programme team evaluates the applications and tells every city the outcome by email.${signature}`,
  };
}

export function deadlineReminderEmail(i: AboutApplication & { closesAt: Date; timeZone: string; daysLeft: number; url: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: `${i.daysLeft === 1 ? 'Tomorrow' : `In ${i.daysLeft} days`}: the ${callName(i.callKind)} of ${i.programmeTitle} closes`,
    text:
      `Hello ${i.name},\n\n${i.cityName}'s application to the ${callName(i.callKind)} of ${i.programmeTitle} is still a draft.\n\n` +
      `Submit it before ${format(i.closesAt, i.timeZone)} (${i.timeZone} time):\n${i.url}${signature}`,
  };
}

const OUTCOME_TEXT = {
  selected: (kind: 'host' | 'visitor') => (kind === 'host' ? 'has been selected to host a study visit' : 'has been selected to take part in a study visit'),
  waitlisted: () => 'is on the waiting list',
  rejected: () => 'has not been selected this time',
} as const;

export function decisionEmail(i: AboutApplication & {
  outcome: 'selected' | 'waitlisted' | 'rejected';
  reason: string;
  waitlistPosition: number | null;
  url: string;
}): OutgoingEmail {
  const position = i.outcome === 'waitlisted' && i.waitlistPosition ? ` (place ${i.waitlistPosition})` : '';
  const subjects = { selected: 'selected', waitlisted: 'on the waiting list', rejected: 'not selected' } as const;
  return {
    to: i.to,
    subject: `${i.programmeTitle}: ${i.cityName} ${subjects[i.outcome]}`,
    text:
      `Hello ${i.name},\n\n${i.cityName} ${OUTCOME_TEXT[i.outcome](i.callKind)}${position} in the ${callName(i.callKind)} of ${i.programmeTitle}.\n\n` +
      `The programme team's reason: ${i.reason}\n\n` +
      (i.outcome === 'waitlisted' ? 'If a selected city withdraws, the first city on the waiting list takes its place and is told by email.\n\n' : '') +
      `Your application: ${i.url}${signature}`,
  };
}

export function promotionEmail(i: AboutApplication & { url: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: `${i.programmeTitle}: ${i.cityName} moves up from the waiting list`,
    text:
      `Hello ${i.name},\n\ngood news: a selected city withdrew, and ${i.cityName} ${OUTCOME_TEXT.selected(i.callKind)} in the ${callName(i.callKind)} of ${i.programmeTitle}.\n\n` +
      `Your application: ${i.url}${signature}`,
  };
}

/** To the host's representatives and the programme managers: a visiting city withdrew after the matching was published. */
export function withdrawalAfterMatchingEmail(i: { to: string; name: string; cityName: string; hostName: string | null; programmeTitle: string; url: string | null }): OutgoingEmail {
  return {
    to: i.to,
    subject: `${i.programmeTitle}: ${i.cityName} withdrew${i.hostName ? ` from the visit to ${i.hostName}` : ''}`,
    text:
      `Hello ${i.name},\n\n${i.cityName} withdrew from ${i.programmeTitle} after the matching was published.\n\n` +
      (i.hostName ? `It is no longer part of the delegation visiting ${i.hostName}; its delegates and travel were removed. ` : '') +
      `Nobody moves up from the waiting list: the visits are already planned, so the programme team decides what to do.\n\n` +
      (i.url ? `The visit: ${i.url}${signature}` : signature.trimStart()),
  };
}
