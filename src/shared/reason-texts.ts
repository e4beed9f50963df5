import { fillTemplate, type Reason, type ReasonParams } from './reason.ts';

/**
 * The English text of every reason code (src/shared/reason.ts), with `{{param}}`
 * placeholders. The server writes it into problem+json `message`/`detail`;
 * the web app uses it as the English `reasons.<code>` strings, and other
 * languages translate it in src/web/locales/<language>.json under `reasons`.
 * Never change what a code means; add a new code instead.
 */
export const REASON_TEXTS = {
  PROGRAMME_NOT_FOUND: 'There is no programme “{{slug}}”.',

  // Work queues (src/server/modules/work): the items of the start page and the reminders.
  WORK_HOST_CALL_CLOSING: 'Host call of {{programme}}: {{submitted}} submitted, {{drafts}} in draft',
  WORK_VISITOR_CALL_CLOSING: 'Visitor call of {{programme}}: {{submitted}} submitted, {{drafts}} in draft',
  WORK_HOST_APPLICATIONS_TO_ASSIGN: 'Host call of {{programme}}: applications without enough evaluators',
  WORK_VISITOR_APPLICATIONS_TO_ASSIGN: 'Visitor call of {{programme}}: applications without enough evaluators',
  WORK_HOST_EVALUATIONS_OVERDUE: 'Host call of {{programme}}: evaluations not submitted',
  WORK_VISITOR_EVALUATIONS_OVERDUE: 'Visitor call of {{programme}}: evaluations not submitted',
  WORK_HOST_DECISIONS_TO_PUBLISH: 'Host call of {{programme}}: evaluated, decisions to publish',
  WORK_VISITOR_DECISIONS_TO_PUBLISH: 'Visitor call of {{programme}}: evaluated, decisions to publish',
  WORK_VISIT_DATES_UNCONFIRMED: 'Visit to {{host}} ({{programme}}): dates not confirmed',
  WORK_VISIT_AGENDA_EMPTY: 'Visit to {{host}} ({{programme}}): no agenda yet',
  WORK_VISIT_FEEDBACK_MISSING: 'Visit to {{host}} ({{programme}}): cities without feedback',
  WORK_EVALUATE_HOST_APPLICATION: 'Evaluate {{city}} (host call of {{programme}})',
  WORK_EVALUATE_VISITOR_APPLICATION: 'Evaluate {{city}} (visitor call of {{programme}})',
  WORK_MEETING: '{{meeting}}, {{group}}',
  WORK_ATTENDANCE_TO_RECORD: 'Record who attended: {{meeting}}, {{group}}',
  WORK_THREAD_WAITING: 'Answer “{{thread}}” in {{group}}',
  WORK_CITY_MAY_APPLY_HOST: '{{city}} may apply to the host call of {{programme}}',
  WORK_CITY_MAY_APPLY_VISITOR: '{{city}} may apply to the visitor call of {{programme}}',
  WORK_CITY_HOST_APPLICATION: '{{city}}: application to the host call of {{programme}}',
  WORK_CITY_VISITOR_APPLICATION: '{{city}}: application to the visitor call of {{programme}}',
  WORK_CITY_GROUP_PROGRESS: '{{city}} in {{group}}: {{done}} of {{phases}} learning phases completed',
  WORK_CITY_GROUP_COMPLETE: '{{city}} in {{group}}: learning phases completed',
  WORK_CITY_HOSTS_VISIT: '{{city}} hosts its study visit ({{programme}})',
  WORK_CITY_VISITS_HOST: '{{city}} visits {{host}} ({{programme}})',
  WORK_CITY_FEEDBACK_DUE: '{{city}}: feedback on the visit to {{host}}',
  WORK_CITY_REPLICATION_UPDATE_DUE: '{{city}}: {{months}}-month update of “{{plan}}”',
  // People and roles (issue 17): the directory, roles, deactivation, invitations, a city's representatives.
  PERSON_NOT_FOUND: 'There is no such person.',
  CITY_NOT_FOUND: 'There is no city “{{slug}}”.',
  ACCOUNT_DEACTIVATED: 'Your account has been deactivated. Ask the programme team if you need it again.',
  PERSON_DEACTIVATED: 'The account of {{name}} is deactivated: reactivate it first.',
  CANNOT_DEACTIVATE_YOURSELF: 'You cannot deactivate your own account: ask another programme manager.',
  LAST_PROGRAMME_MANAGER: '{{name}} is the last active programme manager: make someone else a programme manager first.',
  ROLE_ALREADY_HELD: 'This person already holds this role.',
  ROLE_NOT_HELD: '{{name}} does not hold this role.',
  LAST_REPRESENTATIVE: '{{name}} is the last representative of {{city}}: invite or add another representative first.',
  HAND_OVER_PRIMARY_CONTACT_FIRST: '{{name}} is the primary contact of {{city}}: make another representative the primary contact first.',
  NOT_A_REPRESENTATIVE: '{{name}} does not represent {{city}}.',
  REPRESENTATIVES_NOT_YOURS: 'Only the representatives of {{city}} and programme managers may see who represents it.',
  NOT_PRIMARY_CONTACT: 'Only the primary contact of {{city}} and programme managers may change who represents it.',
  INVITATION_NOT_FOUND: 'There is no such invitation.',
  INVITATION_ALREADY_PENDING: '{{email}} already has a pending invitation for this role: send it again or revoke it first.',
  INVITATION_ACCEPTED: 'This invitation was already accepted.',
  INVITATION_REVOKED: 'This invitation was revoked.',
  INVITATION_EXPIRED: 'This invitation has expired.',
} as const satisfies Record<string, string>;

export type ReasonCode = keyof typeof REASON_TEXTS;

export const isReasonCode = (code: string): code is ReasonCode => Object.hasOwn(REASON_TEXTS, code);

/** A reason with a code from the catalogue. */
export function reason(code: ReasonCode, params?: ReasonParams): Reason {
  return params ? { code, params } : { code };
}

/** The English sentence of a reason (an unknown code falls back to the code itself). */
export function englishText(r: Reason): string {
  return isReasonCode(r.code) ? fillTemplate(REASON_TEXTS[r.code], r.params) : r.code;
}
