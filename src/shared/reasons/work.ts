// The English texts of the reasons of one area — work queues: the items of the start page and their reminders.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const WORK_REASONS = {
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
  // operate (issue 17): the facilitator's start page
  WORK_FACILITATOR_VISIT: 'Accompany the visit to {{host}} ({{programme}})',
  // An expert's queue (issue 21): a support request assigned and not answered yet.
  WORK_EXPERT_SUPPORT_REQUEST: '{{city}} asks: {{title}}',
} as const satisfies Record<string, string>;
