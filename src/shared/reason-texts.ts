import { fillTemplate, type Reason, type ReasonParams } from './reason.ts';
import { APPLICATIONS_REASONS } from './reasons/applications.ts';
import { CITIES_REASONS } from './reasons/cities.ts';
import { EXCHANGE_REASONS } from './reasons/exchange.ts';
import { FORMS_REASONS } from './reasons/forms.ts';
import { GROUPS_REASONS } from './reasons/groups.ts';
import { KNOWLEDGE_REASONS } from './reasons/knowledge.ts';
import { MATCHING_REASONS } from './reasons/matching.ts';
import { MEETINGS_REASONS } from './reasons/meetings.ts';
import { NOTIFICATIONS_REASONS } from './reasons/notifications.ts';
import { PEOPLE_REASONS } from './reasons/people.ts';
import { PRIVACY_REASONS } from './reasons/privacy.ts';
import { PROGRAMMES_REASONS } from './reasons/programmes.ts';
import { REGISTRATION_REASONS } from './reasons/registration.ts';
import { REVIEW_REASONS } from './reasons/review.ts';
import { SUPPORT_REASONS } from './reasons/support.ts';
import { SUPPORT_SESSIONS_REASONS } from './reasons/support-sessions.ts';
import { SURVEYS_REASONS } from './reasons/surveys.ts';
import { SURVEY_USE_REASONS } from './reasons/survey-use.ts';
import { VISITS_REASONS } from './reasons/visits.ts';
import { WORK_REASONS } from './reasons/work.ts';

/** The areas’ texts, each in src/shared/reasons/<area>.ts (a code belongs to one area). */
export const REASON_AREAS = {
  applications: APPLICATIONS_REASONS,
  cities: CITIES_REASONS,
  exchange: EXCHANGE_REASONS,
  forms: FORMS_REASONS,
  groups: GROUPS_REASONS,
  knowledge: KNOWLEDGE_REASONS,
  matching: MATCHING_REASONS,
  meetings: MEETINGS_REASONS,
  notifications: NOTIFICATIONS_REASONS,
  people: PEOPLE_REASONS,
  privacy: PRIVACY_REASONS,
  programmes: PROGRAMMES_REASONS,
  registration: REGISTRATION_REASONS,
  review: REVIEW_REASONS,
  support: SUPPORT_REASONS,
  supportSessions: SUPPORT_SESSIONS_REASONS,
  surveys: SURVEYS_REASONS,
  surveyUse: SURVEY_USE_REASONS,
  visits: VISITS_REASONS,
  work: WORK_REASONS,
} as const;

/**
 * The English text of every reason code (src/shared/reason.ts), with `{{param}}`
 * placeholders. The server writes it into problem+json `message`/`detail`;
 * the web app uses it as the English `reasons.<code>` strings, and other
 * languages translate it in src/web/locales/<language>.json under `reasons`.
 * Never change what a code means; add a new code instead. Each code is written
 * once, in the file of its area (src/shared/reasons/<area>.ts), grouped under
 * a comment naming where it is used (docs/decisions/0014-reasons.md).
 */
export const REASON_TEXTS = {
  ...APPLICATIONS_REASONS,
  ...CITIES_REASONS,
  ...EXCHANGE_REASONS,
  ...FORMS_REASONS,
  ...GROUPS_REASONS,
  ...KNOWLEDGE_REASONS,
  ...MATCHING_REASONS,
  ...MEETINGS_REASONS,
  ...NOTIFICATIONS_REASONS,
  ...PEOPLE_REASONS,
  ...PRIVACY_REASONS,
  ...PROGRAMMES_REASONS,
  ...REGISTRATION_REASONS,
  ...REVIEW_REASONS,
  ...SUPPORT_REASONS,
  ...SUPPORT_SESSIONS_REASONS,
  ...SURVEYS_REASONS,
  ...SURVEY_USE_REASONS,
  ...VISITS_REASONS,
  ...WORK_REASONS,
} as const satisfies Record<string, string>;

export type ReasonCode = keyof typeof REASON_TEXTS;

/** The `{{name}}` placeholders of a text, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters a code's text needs: none, or exactly its placeholders. */
export type ReasonArgs<C extends ReasonCode> = [Placeholders<(typeof REASON_TEXTS)[C]>] extends [never] ? [] : [params: Record<Placeholders<(typeof REASON_TEXTS)[C]>, string | number>];

export const isReasonCode = (code: string): code is ReasonCode => Object.hasOwn(REASON_TEXTS, code);

/** A reason with a code from the catalogue and the parameters its text names (checked by the compiler). */
export function reason<C extends ReasonCode>(code: C, ...params: ReasonArgs<C>): Reason;
export function reason(code: ReasonCode, params?: ReasonParams): Reason {
  return params ? { code, params } : { code };
}

/** The English sentence of a reason (an unknown code falls back to the code itself). */
export function englishText(r: Reason): string {
  return isReasonCode(r.code) ? fillTemplate(REASON_TEXTS[r.code], r.params) : r.code;
}
