import { fillTemplate, type Reason, type ReasonParams } from './reason.ts';

/**
 * The English text of every reason code (src/shared/reason.ts), with `{{param}}`
 * placeholders. The server writes it into problem+json `message`/`detail`;
 * the web app uses it as the English `reasons.<code>` strings, and other
 * languages translate it in src/web/locales/<language>.json under `reasons`.
 * Never change what a code means; add a new code instead. Keep codes grouped
 * by area under a comment naming it (docs/decisions/0014-reasons.md).
 */
export const REASON_TEXTS = {
  // Programmes
  PROGRAMME_NOT_FOUND: 'There is no programme “{{slug}}”.',

  // Application answers (domain/calls/answers.ts)
  ANSWER_NOT_A_QUESTION: 'This is not a question of the call.',
  ANSWER_REQUIRED: 'Answer “{{label}}” before submitting.',
  ANSWER_NOT_TEXT: 'Write the answer as text.',
  ANSWER_TOO_LONG: 'Use at most {{max}} characters (now {{length}}).',
  ANSWER_CHOOSE_ONE: 'Choose one of the options.',
  ANSWER_CHOOSE_EACH_ONCE: 'Choose among the options, each once.',
  ANSWER_CHOOSE_SECTORS: 'Choose among the six sectors.',
  ANSWER_CHOOSE_FROM_LIST: 'Choose from the list.',
  ANSWER_DATES: 'Give dates like 2027-05-20.',
  ANSWER_DELEGATES: 'Give a number of delegates from 1 to {{max}}.',
  // Applications and their attachments (server/modules/applications)
  APPLICATION_NOT_FOUND: 'There is no such application, or it is not yours to see.',
  APPLICATION_CHANGED: 'This application changed since you opened it (perhaps in another tab or by a colleague). Reload it and apply your changes again.',
  APPLY_FOR_OWN_CITY_ONLY: 'You can apply only for a city you represent.',
  ANSWERS_NOT_VALID: 'Some answers are not valid.',
  APPLICATION_EXISTS_FOR_CITY: '{{city}} has already applied to this call; open its application instead.',
  APPLICATION_CHANGE_OWN_ONLY: 'Only the city’s own representatives can change its application.',
  APPLICATION_WITHDRAWN: 'This application was withdrawn.',
  APPLICATION_ALREADY_SUBMITTED: 'This application is already submitted.',
  ANSWERS_REQUIRED_BEFORE_SUBMIT: 'Answer the required questions before submitting.',
  APPLICATION_WITHDRAW_OWN_ONLY: 'Only the city’s own representatives can withdraw its application.',
  APPLICATION_ALREADY_WITHDRAWN: 'This application was already withdrawn.',
  ATTACHMENT_NO_FILE_QUESTION: 'This call has no file question “{{question}}”.',
  ATTACHMENT_REQUIRED_REPLACE: '“{{label}}” is required in a submitted application: upload another PDF to replace the file instead.',
  ATTACHMENT_REPLACE_NOT_REMOVE: 'Required: replace the file rather than removing it.',
  ATTACHMENT_NONE: 'No file is attached to this question.',
  // Uploaded PDF files (server/lib/pdf-upload.ts)
  UPLOAD_TOO_LARGE: 'The file is too large: upload a PDF of at most {{max}}.',
  UPLOAD_TOO_LARGE_SIZE: 'The file is too large ({{size}}): upload a PDF of at most {{max}}.',
  UPLOAD_NOT_PDF_TYPE: 'Only PDF files can be uploaded; this upload was sent as “{{type}}”. Save the document as PDF and upload it again.',
  UPLOAD_NO_TYPE: 'Only PDF files can be uploaded; this upload was sent without a type. Save the document as PDF and upload it again.',
  UPLOAD_EMPTY: 'The file is empty. Choose the PDF again.',
  UPLOAD_NOT_PDF_CONTENT: 'This file is not a PDF (it does not start with “%PDF-”). Save the document as PDF and upload it again.',
  // Evaluation and selection (domain/evaluation, domain/selection)
  EVALUATOR_DECLARED_CONFLICT: 'The evaluator declared a conflict of interest.',
  EVALUATOR_REPRESENTS_CITY: 'The evaluator represents the applicant city.',
  EVALUATOR_SAME_COUNTRY: 'The evaluator is from the same country ({{country}}).',
  EVALUATORS_TOO_FEW: 'Only {{eligible}} evaluator(s) may judge this application (others share its country or city, or declared a conflict); {{needed}} are needed.',
  SELECTION_TOO_MANY_HOSTS: '{{selected}} hosts are selected but the programme takes {{limit}}. Move {{excess}} to the waiting list or reject them.',
  SELECTION_TOO_MANY_VISITORS: '{{selected}} visiting cities are selected but the programme takes {{limit}}. Move {{excess}} to the waiting list or reject them.',
  SELECTION_UNDECIDED: '{{undecided}} application(s) have no decision yet.',
  SELECTION_WAITLIST_PLACES: 'Every waitlisted application needs its own place on the waiting list.',
  // Review: evaluation and decisions (server/modules/review)
  REVIEW_NOT_YET: 'Evaluation starts when the call has closed.',
  REVIEW_OVER: 'The decisions are published: evaluation is over.',
  SUBMITTED_APPLICATION_NOT_FOUND: 'There is no submitted application with this id.',
  DECISIONS_AFTER_CLOSE: 'Decisions are taken after the call has closed.',
  DECISIONS_FINAL: 'The decisions of this call are published and can no longer change.',
  DECISIONS_ALREADY_PUBLISHED: 'These decisions are already published.',
  DECISIONS_NOT_READY: 'Not ready to publish:',
  EVALUATOR_CHOOSE: 'Choose an evaluator.',
  EVALUATOR_NOT_ONE: 'This person is not an evaluator.',
  APPLICATION_WITHDRAWN_BY_CITY: '{{city}} withdrew its application.',
  EVALUATOR_OWN_CITY: '{{evaluator}} represents {{city}} and cannot evaluate its application.',
  EVALUATOR_OWN_COUNTRY: '{{evaluator}} represents a city of the same country as {{city}}; choose someone from another country.',
  EVALUATOR_CONFLICT_WITH: '{{evaluator}} declared a conflict of interest with {{city}}.',
  EVALUATOR_NOT_ASSIGNED: '{{evaluator}} is not assigned to {{city}}.',
  EVALUATOR_ALREADY_SUBMITTED: '{{evaluator}} has already submitted scores for {{city}}; they count in the ranking.',
  EVALUATION_NOT_YOURS: 'This application is not assigned to you.',
  SCORE_NOT_A_CRITERION: 'Not a criterion of this call.',
  SCORE_RANGE: 'Give a whole number from 0 to {{max}}.',
  SCORE_REQUIRED: 'Score “{{criterion}}” before submitting.',
  SCORES_NOT_VALID: 'Some scores are not valid.',
  EVALUATION_ALREADY_SUBMITTED: 'This evaluation is already submitted.',
  EVALUATION_RELEASED_FOR_CONFLICT: 'This evaluation is already released for a conflict of interest.',
  EVALUATION_SAVED_ELSEWHERE: 'Your evaluation was saved elsewhere since you opened it (another tab?). Reload it before saving again.',
  EVALUATION_SUBMITTED_ASK_MANAGER: 'You already submitted this evaluation; ask a programme manager to withdraw it.',
  // Visit schedule (domain/visits/schedule-visits.ts); dates are days of the programme's time zone
  SCHEDULE_START_OUTSIDE_WINDOW: 'The visit to {{host}} cannot start on {{start}}: it falls outside the visits window ({{windowStart}} to {{windowEnd}}).',
  SCHEDULE_START_HOST_AWAY: 'The visit to {{host}} cannot start on {{start}}: {{host}} is not available on {{days}}.',
  SCHEDULE_START_FACILITATOR_AWAY: 'The visit to {{host}} cannot start on {{start}}: {{facilitator}} is not available on {{days}}.',
  SCHEDULE_START_WEEKEND: 'The visit to {{host}} cannot start on {{start}}: it includes a weekend day.',
  SCHEDULE_NO_SLOT_FOR_HOST: 'There is no {{length}}-day slot between {{windowStart}} and {{windowEnd}} when {{host}} is free.',
  SCHEDULE_NO_SLOT_FOR_BOTH: 'There is no {{length}}-day slot between {{windowStart}} and {{windowEnd}} when {{host}} and {{facilitator}} are both free.',
  SCHEDULE_FACILITATOR_CLASH_TWO: '{{facilitator}} accompanies the visits to {{first}} and {{second}}, and they cannot all fit in the window without overlapping (with a day to travel between them). Give one of these visits another facilitator or move its dates.',
  SCHEDULE_FACILITATOR_CLASH: '{{facilitator}} accompanies the visits to {{hosts}}, and they cannot all fit in the window without overlapping (with a day to travel between them). Give one of these visits another facilitator or move its dates.',
  SCHEDULE_IMPOSSIBLE: 'The visits cannot all be placed in the window with these constraints. Widen the window or relax a fixed date.',
  // Study visits and their follow-up (server/modules/visits)
  VISIT_NOT_FOUND: 'There is no such study visit.',
  VISITS_NO_WINDOW: 'The programme has no visits window.',
  VISITS_NONE_TO_SCHEDULE: 'There are no visits to schedule yet: publish the matching first.',
  VISITS_UNDATED: 'Give every visit its dates first ({{hosts}}).',
  VISITS_NONE_YET: 'Give every visit its dates first (no visits yet).',
  VISIT_HOST_DATES_PARTIES_ONLY: 'Only the host city, the facilitator and programme managers can set the host’s unavailable dates.',
  VISIT_AGENDA_PARTIES_ONLY: 'Only the host city, the facilitator and programme managers can change the agenda.',
  VISIT_SHORTER: 'The visit is shorter.',
  VISIT_DAY_RANGE: 'Choose a day from 1 to {{days}}.',
  VISIT_CITY_NOT_TAKING_PART: 'This city does not take part in the visit.',
  VISIT_DELEGATES_OWN_CITY_ONLY: 'Only the city’s own representatives can name its delegates.',
  VISIT_TOO_MANY_DELEGATES: 'Too many delegates.',
  VISIT_DELEGATES_MAX: 'The programme takes at most {{max}} delegates per city.',
  VISIT_NO_DATES: 'The visit has no dates yet.',
  PLACEMENT_NOT_A_HOST: 'Not a selected host of this programme.',
  PLACEMENT_HOST_CAPACITY: 'A host receives at most {{max}} cities.',
  PLACEMENT_NOT_A_VISITOR: 'Every visitor must be a selected visiting city.',
  PLACEMENT_VISITOR_TWICE: 'A city can visit only one host.',
  CHOOSE_A_FACILITATOR: 'Choose a person with the facilitator role.',
  PLACEMENT_NOT_VALID: 'The placement is not valid.',
  VISITS_EXIST: 'The visits of this programme already exist.',
  FEEDBACK_OWN_CITY_ONLY: 'You can give feedback only for a city you represent.',
  FEEDBACK_NOT_YET: 'Feedback opens once the visit has started.',
  PLAN_CITY_DID_NOT_VISIT: 'This city did not visit.',
  PLAN_VISITOR_ONLY: 'Only the visiting city’s representatives can write its replication plan.',
  PLAN_CHOOSE_HOST_SOLUTION: 'Choose one of the host’s solutions.',
  PLAN_NOT_FOUND: 'There is no such replication plan.',
  PLAN_UPDATE_OWN_CITY_ONLY: 'Only the city’s representatives can update its plan.',
  // City registry CSV import (domain/cities/city-csv.ts, server/modules/cities)
  CSV_UNREADABLE: 'The file cannot be read as CSV: {{detail}}',
  CSV_EMPTY: 'The file is empty.',
  CSV_COLUMN_TWICE: 'This column appears twice.',
  CSV_COLUMN_UNKNOWN: 'Unknown column. Columns are: {{columns}}.',
  CSV_COLUMN_MISSING: 'This required column is missing.',
  CSV_NO_ROWS: 'The file has a header but no rows.',
  CSV_TOO_MANY_ROWS: 'At most {{max}} rows per file.',
  CSV_CELL_COUNT: 'The row has {{cells}} cells; the header has {{columns}}.',
  CSV_NAME_MISSING: 'Enter the city’s name.',
  CSV_TOO_LONG: 'Use at most {{max}} characters.',
  CSV_COUNTRY: '“{{value}}” is not a European country code (ISO 3166-1 alpha-2, e.g. FI).',
  CSV_KIND: 'Use “mission” or “aspiring”.',
  CSV_NOT_A_WHOLE_NUMBER: '“{{value}}” is not a whole number.',
  CSV_NOT_A_NUMBER: '“{{value}}” is not a number.',
  CSV_RANGE: 'Use a value between {{min}} and {{max}}.',
  CSV_LATITUDE_MISSING: 'Enter the latitude.',
  CSV_LONGITUDE_MISSING: 'Enter the longitude.',
  CSV_SLUG_FORMAT: 'Use lower-case letters, digits and single hyphens (e.g. “la-louviere”).',
  CSV_NAME_NO_SLUG: 'The name gives no usable identifier; add a slug.',
  CSV_LANGUAGES: 'Use two-letter ISO 639-1 codes separated by “;” (not {{wrong}}).',
  CSV_TOO_MANY_LANGUAGES: 'At most 12 languages.',
  CSV_SECTORS: 'Unknown sector {{wrong}}; use energy, buildings, mobility, circular-economy, industry, nature-based-solutions.',
  CSV_DATE: '“{{value}}” is not a date (YYYY-MM-DD).',
  CSV_PROFILE_TOO_LONG: 'Keep the profile under 10,000 characters.',
  CSV_CITY_TWICE: 'The city “{{slug}}” is already on line {{line}}.',
  CSV_GEONAMES_TWICE: 'GeoNames id {{id}} is already on line {{line}}.',
  CSV_SLUG_IS_OTHER_CITY: '“{{slug}}” is another city than GeoNames id {{id}} ({{name}}).',
  CSV_SLUG_HAS_OTHER_GEONAMES: '“{{slug}}” is registered with GeoNames id {{id}}.',
  CSV_ONE_PROBLEM: '1 problem in the file; nothing was imported.',
  CSV_PROBLEMS: '{{count}} problems in the file; nothing was imported.',
  // Cities like mine (domain/cities/similar-cities.ts): parts of a list, joined by the page
  SIMILAR_SIZE: 'similar size ({{population}} inhabitants)',
  SIMILAR_SAME_REGION: 'same region ({{region}})',
  SIMILAR_SAME_COUNTRY: 'same country ({{country}})',
  SIMILAR_SAME_TARGET: 'same climate-neutrality target ({{year}})',
  SIMILAR_CLOSE_TARGET: 'close climate-neutrality target ({{year}})',
  SIMILAR_SHARED_INTERESTS: 'shared interest in {{sectors}}',
  SIMILAR_HAS_SOLUTIONS: 'has solutions in {{sectors}}',
  MISSION_CITY_SOLUTIONS: 'solutions matching your interests: {{counts}}',
  // Cities (server/modules/cities)
  CITY_NOT_FOUND: 'There is no city at this address.',
  CITY_ACTORS_ONLY: 'Only this city’s representatives and programme managers may do this.',
  CITY_SAVED_ELSEWHERE: 'Someone else saved this city after you opened it. Reload to see their changes, then edit again.',
  // Library of solutions (server/modules/solutions)
  SOLUTION_NOT_FOUND: 'There is no solution at this address.',
  SOLUTION_CITY_ACTORS_ONLY: 'Only this city’s representatives and programme managers may change its solutions.',
  CHOOSE_AN_EXISTING_CITY: 'Choose an existing city.',
  CITY_NO_SUCH: 'There is no such city.',
  SOLUTION_SAVED_ELSEWHERE: 'Someone else saved this solution after you opened it. Reload to see their changes, then edit again.',
  CHECK_HIGHLIGHTED_FIELDS: 'Check the highlighted fields and try again.',
  SOLUTION_END_BEFORE_START: 'The end year comes before the start year.',
  // Discussion groups, their meetings and discussions (server/modules/groups)
  GROUP_NOT_FOUND: 'There is no such discussion group.',
  GROUP_MANAGERS_ONLY: 'Only the group’s facilitators and programme managers can do this.',
  GROUP_NOT_FACILITATORS: 'Some people are not facilitators.',
  GROUP_CHOOSE_FACILITATORS: 'Choose people who hold the facilitator role.',
  GROUP_NAME_TAKEN: 'The programme already has a group called “{{name}}”.',
  GROUP_INTEREST_OWN_CITY_ONLY: 'You can express interest only for a city you represent.',
  GROUP_INTEREST_ALREADY: 'Your city has already expressed interest in this group.',
  GROUP_FULL: 'The group is full ({{capacity}} cities). Raise its capacity or decline another city first.',
  GROUP_NO_INTEREST: 'This city has not expressed interest in the group.',
  GROUP_PROGRESS_PARTICIPANTS_ONLY: 'Only the group’s facilitators, its member cities and programme managers can see its progress.',
  MATERIAL_NOT_FOUND: 'There is no such meeting material.',
  MATERIALS_PARTICIPANTS_ONLY: 'Meeting materials are for the group’s members, facilitators and programme managers.',
  MEETING_NOT_FOUND: 'There is no such meeting.',
  MATERIALS_MANAGERS_ONLY: 'Only the group’s facilitators and programme managers can change meeting materials.',
  MATERIAL_IS_A_LINK: 'This material is a link, not a file.',
  PHASE_NO_SUCH: 'No such learning phase.',
  PHASE_RANGE: 'Choose a phase from 1 to {{phases}}.',
  ATTENDANCE_NOT_PARTICIPANT: 'This person does not take part in the group.',
  ATTENDANCE_NOT_PARTICIPANTS: 'Some people do not take part in the group.',
  CALENDAR_LINK_GONE: 'This calendar link was revoked or never existed.',
  THREAD_NOT_FOUND_OR_PRIVATE: 'There is no such discussion, or it is private to its group.',
  MENTIONS_UNKNOWN: 'Some mentioned cities do not exist.',
  MENTIONS_FROM_LIST: 'Mention cities from the list.',
  POST_EMPTY_WHEN_CLEANED: 'The post is empty once unsafe content is removed.',
  POST_WRITE_TEXT: 'Write some text (scripts and embedded content are removed).',
  THREAD_CLOSED: 'A facilitator closed this discussion: it takes no more replies.',
  REPLY_SAME_THREAD_ONLY: 'You can reply only to a post of this discussion.',
  REPLY_NOT_IN_THREAD: 'Not a post of this discussion.',
  THREAD_NOT_FOUND: 'There is no such discussion.',
  THREAD_MODERATORS_ONLY: 'Only the group’s facilitators and programme managers can pin or close discussions.',
  POST_NOT_FOUND: 'There is no such post.',
  POST_MODERATORS_ONLY: 'Only the group’s facilitators and programme managers can hide posts.',
  POST_ALREADY_HIDDEN: 'This post is already hidden.',
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
