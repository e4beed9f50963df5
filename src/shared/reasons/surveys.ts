// The English texts of the reasons of one area — surveys (issue 22).
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const SURVEYS_REASONS = {
  // The questionnaire (src/domain/surveys/definition-rules.ts)
  SURVEY_KEY_TWICE: 'The key "{{key}}" is used twice; each section, question, option and item needs its own.',
  SURVEY_SHOW_IF_UNKNOWN: 'A question can only depend on an earlier question; "{{questionId}}" is not one.',
  SURVEY_SHOW_IF_VALUE_UNKNOWN: '"{{value}}" is not one of the choices of "{{questionId}}".',
  SURVEY_RANGE_REVERSED: 'The smallest number must not be larger than the largest.',
  SURVEY_MAX_OVER_OPTIONS: 'At most {{max}} choices were allowed, but there are only {{options}} options.',
  SURVEY_QUESTION_REMOVED: 'The question "{{text}}" has answers: it can be reworded, not removed.',
  SURVEY_QUESTION_RETYPED: 'The question "{{text}}" has answers: its kind of answer cannot change.',
  SURVEY_OPTION_REMOVED: 'The choice "{{label}}" of "{{text}}" has answers: it can be reworded, not removed.',
  SURVEY_SCALE_CHANGED: 'The question "{{text}}" has answers: its scale cannot change.',
  SURVEY_LIMITS_NARROWED: 'The question "{{text}}" has answers: its limits can only widen.',
  // Answers (src/domain/surveys/check-answers.ts)
  SURVEY_ANSWER_REQUIRED: 'Answer this question.',
  SURVEY_ANSWER_WRONG_KIND: 'This answer is not of the kind the question asks for.',
  SURVEY_ANSWER_NOT_AN_OPTION: 'Choose from the options given.',
  SURVEY_ANSWER_TOO_MANY: 'Choose at most {{max}}.',
  SURVEY_ANSWER_OUT_OF_RANGE: 'Give a number from {{min}} to {{max}}.',
  SURVEY_ANSWER_NOT_WHOLE: 'Give a whole number.',
  SURVEY_ANSWER_TOO_LONG: 'Write at most {{max}} characters.',
  SURVEY_ANSWER_RANK_ALL: 'Put every option in order, each once.',
  SURVEY_ANSWER_BAD_DATE: 'Use a real date like 2027-05-20.',
  SURVEY_ANSWER_BAD_COUNTRY: 'Choose a country from the list.',
  SURVEY_ANSWER_UNKNOWN_QUESTION: 'There is no such question in this survey.',
} as const;
