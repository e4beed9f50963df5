import { z } from 'zod';
import { because } from './issue-reason.ts';
import { text } from './text.ts';

/** A version of the privacy notice (GET /api/privacy-notice: the one in force). */
export const PrivacyNotice = z.object({
  version: text(),
  publishedAt: text(),
  /** What changed since the version before ('' for the first). */
  changes: text(),
  /** Markdown: "## " headings, "- " list items, "**bold**", paragraphs. */
  body: text(),
});
export type PrivacyNotice = z.infer<typeof PrivacyNotice>;

/** A version in the managers' list, with how many people accepted it. */
export const PrivacyNoticeVersion = PrivacyNotice.omit({ body: true }).extend({
  publishedBy: text().nullable(),
  acceptances: z.number().int(),
  current: z.boolean(),
});
export const PrivacyNoticeVersions = z.object({ items: z.array(PrivacyNoticeVersion) });
export type PrivacyNoticeVersions = z.infer<typeof PrivacyNoticeVersions>;

/** POST /api/privacy-notices: a programme manager publishes a new version; it is in force at once. */
export const PublishPrivacyNoticeBody = z.object({
  version: text().trim().min(1, 'Give the version a label.').max(40),
  changes: text().trim().min(1, 'Say what changed.').max(2000),
  body: text().trim().min(1, 'Write the notice.').max(50_000),
});
export type PublishPrivacyNoticeBody = z.infer<typeof PublishPrivacyNoticeBody>;

/** How a consent was given. */
export const ConsentContext = z.enum(['invitation', 'registration', 're-accept']);
export type ConsentContext = z.infer<typeof ConsentContext>;

/** The version of the privacy notice a person accepts, with the box they ticked. */
export const privacyNoticeVersion = text().trim().min(1).max(40);
export const privacyNoticeRead = z.boolean().refine((read) => read, { message: 'Confirm that you have read the privacy notice.', ...because('PRIVACY_NOTICE_NOT_ACCEPTED') });

/** POST /api/me/consents: I accept the version in force (asked again after a change). */
export const AcceptPrivacyNoticeBody = z.object({ privacyNoticeVersion, privacyNoticeRead });
export type AcceptPrivacyNoticeBody = z.infer<typeof AcceptPrivacyNoticeBody>;

/** Opt-ins, each off until the person turns it on. */
export const OptIns = z.object({
  /** Newsletter-type email from the programme (not the daily digest of one's groups). */
  newsletter: z.boolean(),
  /** Listed by name and email address as a contact of one's city on its public page. */
  directory: z.boolean(),
});
export type OptIns = z.infer<typeof OptIns>;

/** Where a person stands with the privacy notice (part of GET /api/me). */
export const PrivacyStatus = z.object({
  currentVersion: text(),
  acceptedVersion: text().nullable(),
  /** The person has not accepted the version in force: the web app asks them to. */
  needsAcceptance: z.boolean(),
});
export type PrivacyStatus = z.infer<typeof PrivacyStatus>;
