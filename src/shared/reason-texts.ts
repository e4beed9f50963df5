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

  // Programmes, calls and their timeline (issue 17, timeline control). `call`
  // is the call's kind (host, visitor); `step` the step's English name and
  // `stepKind` its code; dates are local to the programme (`timeZone`).
  PROGRAMME_EXISTS: 'There is already a programme {{title}}.',
  PROGRAMME_ADDRESS_TAKEN: 'The address “{{slug}}” belongs to the programme {{title}}; choose another.',
  PROGRAMME_STALE: 'Someone else changed this programme since you opened it. Reload to see their changes, then apply yours again.',
  PROGRAMME_IS_DRAFT: 'The programme is a draft: publish it first.',
  PROGRAMME_ALREADY_PUBLISHED: 'The programme was published on {{date}}.',
  PROGRAMME_CHANGES_REFUSED: 'Some changes are not allowed; nothing was saved.',
  TIME_ZONE_UNKNOWN: 'Not a known time zone (use e.g. Europe/Brussels).',
  TIMELINE_STEP_MISSING: 'The timeline has no {{step}}.',
  TIMELINE_STEP_TWICE: 'The timeline names a step twice.',
  TIMELINE_ENDS_BEFORE_START: 'The {{step}} ends ({{endsOn}}) before it starts ({{startsOn}}).',
  TIMELINE_STARTS_BEFORE_PREVIOUS_ENDS: 'The {{step}} starts ({{startsOn}}) before the {{previous}} ends ({{previousEndsOn}}).',
  STEP_STARTED: 'The {{step}} step started on {{date}}: its first day can no longer change.',
  STEP_OVER: 'The {{step}} step ended on {{date}}: its dates can no longer change.',
  STEP_DECIDED: 'The {{step}} step is done (its decisions are published): its dates can no longer change.',
  STEP_END_BEFORE_TODAY: 'The {{step}} step has started: its last day can move, but not before today ({{date}}).',
  SETTING_FIXED: 'Can no longer change: the {{step}} started on {{date}}.',
  LEARNING_STARTED: 'The discussion groups started on {{date}}: their dates and learning phases can no longer change.',
  LEARNING_PHASE_HAS_MEETINGS: 'Phase {{phase}} has discussion-group meetings ({{count}}): move them to another phase before reducing the number of phases.',
  CALL_DATES_BY_ACTIONS: 'The {{call}} call has opened: change its deadline with “Extend the deadline” or “Close now” on the call, which tell the applicants.',
  CALL_NOT_FOUND: 'The programme has no {{call}} call.',
  CALL_STALE: 'Someone else changed this call since you opened it. Reload and apply your changes again.',
  CALL_CLOSED_ON: 'The {{call}} call closed on {{date}} at {{time}} ({{timeZone}} time).',
  CALL_OPENS_ON: 'The {{call}} call opens on {{date}} at {{time}} ({{timeZone}} time).',
  CALL_IN_DRAFT: 'The programme is a draft: its {{call}} call opens only once the programme is published.',
  CALL_FORM_LOCKED: 'Applications have been submitted ({{count}} so far): the questions and criteria can no longer change.',
  CALL_NEEDS_QUESTIONS: 'The {{call}} call has no questions: add them before it opens.',
  CALL_NEEDS_CRITERIA: 'The {{call}} call has no evaluation criteria: add them before it opens.',
  CALL_ALREADY_OPEN: 'The {{call}} call is already open.',
  CALL_ALREADY_CLOSED: 'The {{call}} call has closed: extend its deadline, or reopen it for a late city.',
  CALL_NOT_OPENED_YET: 'The {{call}} call has not opened yet: open it now, or change its dates in the settings.',
  CALL_STILL_OPEN: 'The {{call}} call is still open: every eligible city can apply until the deadline.',
  CALL_DECISIONS_PUBLISHED: 'The decisions of the {{call}} call are published: its window can no longer change.',
  DEADLINE_NOT_FUTURE: 'Choose a moment after now ({{date}} at {{time}}, {{timeZone}} time).',
  DEADLINE_NOT_LATER: 'The new deadline must be after the current one ({{date}} at {{time}}, {{timeZone}} time); to end the call sooner, close it now.',
  DEADLINE_BEFORE_SUBMISSION: 'The deadline cannot be earlier than the last submitted application ({{date}} at {{time}}, {{timeZone}} time).',
  STEP_CANNOT_MOVE: 'The {{step}} step started on {{date}} and cannot move: choose an earlier deadline.',
  HOSTS_NOT_PUBLISHED: 'The hosts are not published yet: the visitor call opens after the host selection.',
  VISITORS_NOT_PUBLISHED: 'The visitors are not published yet: the visits start after the visitor selection.',
  DISCUSSION_GROUPS_RUNNING: 'The discussion groups run until {{date}}: the visitor call opens after them.',
  PREVIOUS_STEP_OPEN: 'The {{step}} is still open: close it first.',
  NO_NEXT_STEP: 'Every step has started: there is no next step to move to.',
  REOPEN_AFTER_SELECTION: 'A late application must come in before the {{step}} ends ({{date}}).',
  CITY_NOT_FOUND: 'There is no such city.',
  ELIGIBILITY_OWN_CITY_ONLY: 'You can check only a city you represent.',
  HOST_NOT_MISSION_CITY: 'Only Mission Cities may host study visits; {{city}} is not a Mission City.',
  VISITOR_IS_MISSION_CITY: '{{city}} is a Mission City: Mission Cities host visits rather than apply to visit.',
  CLIMATE_TARGET_MISSING: '{{city}} has not stated the year by which it aims to be climate neutral; add it to the city profile.',
  CLIMATE_TARGET_TOO_LATE: '{{city}} aims for climate neutrality by {{year}}; this call is for cities committed to {{maxYear}} at the latest.',
  LEARNING_PHASE_MISSING: "{{city}} has not yet completed the discussion groups' learning phase {{phase}}.",
  LEARNING_PHASES_MISSING: "{{city}} has not yet completed the discussion groups' learning phases {{phases}} and {{last}}.",
  // What an action will do (its preview) and did.
  EFFECT_PROGRAMME_PUBLIC: 'The programme becomes public: everyone can read its page and its calls.',
  EFFECT_CALL_OPENS_AT_ONCE: 'The {{call}} call opens at once: its dates have begun.',
  EFFECT_CALL_DATES_PASSED: 'The dates of the {{call}} call have passed: it will show as closed until you extend its deadline.',
  EFFECT_CALL_OPENS_NOW: 'The {{call}} call opens now: eligible cities can start their applications.',
  EFFECT_DEADLINE: 'Cities can apply to the {{call}} call until {{date}} at {{time}} ({{timeZone}} time).',
  EFFECT_CALL_CLOSES_NOW: 'The {{call}} call closes now ({{date}} at {{time}}, {{timeZone}} time): no city can start, change or submit an application after that.',
  EFFECT_DRAFTS_LEFT: 'Applications still in draft: {{count}}. They will not be considered.',
  EFFECT_SELECTION_STARTS: 'The {{step}} starts: evaluators can score the {{count}} submitted applications.',
  EFFECT_NEW_DEADLINE: 'The new deadline of the {{call}} call is {{date}} at {{time}} ({{timeZone}} time).',
  EFFECT_CALL_OPEN_AGAIN: 'The {{call}} call opens again until then, for every eligible city.',
  EFFECT_APPLICANTS_EMAILED: 'The representatives of the {{cities}} cities with an application are emailed the new date ({{emails}} emails).',
  EFFECT_STEP_MOVES: 'The {{step}} step moves to {{startsOn}} – {{endsOn}}.',
  EFFECT_STEP_ENDS: 'The {{step}} step ends on {{date}}.',
  EFFECT_STEP_STARTS_TODAY: 'The {{step}} step starts today ({{date}}).',
  EFFECT_CITY_REOPENED: 'Only {{city}} may start, change and submit its application, until {{date}} at {{time}} ({{timeZone}} time).',
  EFFECT_CITY_EMAILED: 'The representatives of {{city}} are emailed ({{emails}} emails).',
  EFFECT_LEARNING_PHASES_REBUILT: 'The {{count}} learning phases are spread again over the dates of the discussion groups.',
  EFFECT_AUDITED: 'The change is recorded in the audit log.',
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
