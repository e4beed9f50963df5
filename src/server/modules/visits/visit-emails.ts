import type { OutgoingEmail } from '../email/outbox.repository.ts';

const long = (date: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

export function scheduleConfirmedEmail(i: { to: string; name: string; hostName: string; programmeTitle: string; startsOn: string; endsOn: string; url: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: `${i.programmeTitle}: the study visit to ${i.hostName} is on ${long(i.startsOn)}`,
    text:
      `Hello ${i.name},\n\nthe dates of the study visit to ${i.hostName} are fixed: ${long(i.startsOn)} to ${long(i.endsOn)}.\n\n` +
      `The programme, the delegations and the calendar file are here:\n${i.url}\n\n—\npeercities: city-to-city learning for climate neutrality`,
  };
}

const NOTICE_TEXT = {
  week_before: (host: string) => ({ subject: `In a week: the study visit to ${host}`, body: `the study visit to ${host} starts in a week. The programme, the agenda and the calendar file are here:` }),
  feedback: (host: string) => ({ subject: `How was the study visit to ${host}?`, body: `thank you for taking part in the study visit to ${host}. Please tell us how it went (three ratings and a comment):` }),
  update_3: (host: string) => ({ subject: `3 months after ${host}: update your replication plan`, body: `three months have passed since the study visit to ${host}. Please update your replication plan (status and evidence):` }),
  update_6: (host: string) => ({ subject: `6 months after ${host}: update your replication plan`, body: `six months have passed since the study visit to ${host}. Please update your replication plan (status and evidence):` }),
  update_12: (host: string) => ({ subject: `12 months after ${host}: update your replication plan`, body: `a year has passed since the study visit to ${host}. Please give the final update of your replication plan:` }),
} as const;

export type VisitNoticeKind = keyof typeof NOTICE_TEXT;

export function visitNoticeEmail(i: { kind: VisitNoticeKind; to: string; name: string; hostName: string; url: string }): OutgoingEmail {
  const t = NOTICE_TEXT[i.kind](i.hostName);
  return { to: i.to, subject: t.subject, text: `Hello ${i.name},\n\n${t.body}\n${i.url}\n\n—\npeercities: city-to-city learning for climate neutrality` };
}
