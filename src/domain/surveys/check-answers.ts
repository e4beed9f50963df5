import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { LocalDate } from '../../shared/text.ts';
import type { SurveyAnswerValue, SurveyAnswers, SurveyDefinition, SurveyQuestion } from '../../shared/survey.schemas.ts';
import { allQuestions, allowedValues, isEmptyAnswer, scaleBounds, takesSeveral, visibleQuestions } from './questions.ts';

/** A problem with one question's answer. */
export interface AnswerProblem {
  questionId: string;
  reason: Reason;
}

const TEXT_MAX = { 'short-text': 500, 'long-text': 10000 } as const;

/** What is wrong with one answer given to a question (nothing: null). */
function checkValue(question: SurveyQuestion, value: SurveyAnswerValue): Reason | null {
  const wrongKind = reason('SURVEY_ANSWER_WRONG_KIND');
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'sector':
    case 'lever': {
      const allowed = allowedValues(question) ?? [];
      if (takesSeveral(question)) {
        if (!Array.isArray(value)) return wrongKind;
        if (value.some((v) => !allowed.includes(v)) || new Set(value).size !== value.length) return reason('SURVEY_ANSWER_NOT_AN_OPTION');
        const max = 'max' in question ? question.max : undefined;
        if (max !== undefined && value.length > max) return reason('SURVEY_ANSWER_TOO_MANY', { max });
        return null;
      }
      if (typeof value !== 'string') return wrongKind;
      return allowed.includes(value) ? null : reason('SURVEY_ANSWER_NOT_AN_OPTION');
    }
    case 'ranking': {
      if (!Array.isArray(value)) return wrongKind;
      const options = question.options.map((o) => o.value);
      const complete = value.length === options.length && new Set(value).size === value.length && value.every((v) => options.includes(v));
      return complete ? null : reason('SURVEY_ANSWER_RANK_ALL');
    }
    case 'rating': {
      if (typeof value !== 'number') return wrongKind;
      const { min, max } = scaleBounds(question.scale);
      if (!Number.isInteger(value)) return reason('SURVEY_ANSWER_NOT_WHOLE');
      return value < min || value > max ? reason('SURVEY_ANSWER_OUT_OF_RANGE', { min, max }) : null;
    }
    case 'matrix': {
      if (typeof value !== 'object' || Array.isArray(value)) return wrongKind;
      const { min, max } = scaleBounds(question.scale);
      const items = question.items.map((i) => i.value);
      for (const [item, point] of Object.entries(value)) {
        if (!items.includes(item)) return reason('SURVEY_ANSWER_NOT_AN_OPTION');
        if (!Number.isInteger(point)) return reason('SURVEY_ANSWER_NOT_WHOLE');
        if (point < min || point > max) return reason('SURVEY_ANSWER_OUT_OF_RANGE', { min, max });
      }
      return null;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongKind;
      if (question.integer && !Number.isInteger(value)) return reason('SURVEY_ANSWER_NOT_WHOLE');
      const min = question.min ?? -1e12;
      const max = question.max ?? 1e12;
      return value < min || value > max ? reason('SURVEY_ANSWER_OUT_OF_RANGE', { min, max }) : null;
    }
    case 'short-text':
    case 'long-text': {
      if (typeof value !== 'string') return wrongKind;
      const max = question.maxLength ?? TEXT_MAX[question.type];
      return value.length > max ? reason('SURVEY_ANSWER_TOO_LONG', { max }) : null;
    }
    case 'date':
      if (typeof value !== 'string') return wrongKind;
      return LocalDate.safeParse(value).success ? null : reason('SURVEY_ANSWER_BAD_DATE');
    case 'country':
      if (typeof value !== 'string') return wrongKind;
      return /^[A-Z]{2}$/.test(value) ? null : reason('SURVEY_ANSWER_BAD_COUNTRY');
    case 'city':
      // That the city is in the registry is the service's to check (it needs the database).
      if (typeof value !== 'string') return wrongKind;
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? null : reason('SURVEY_ANSWER_NOT_AN_OPTION');
  }
}

/**
 * What is wrong with these answers. A draft (`complete: false`) may leave
 * questions unanswered; a submitted answer must answer every required
 * question shown. Answers to hidden questions are not checked (the service
 * drops them with keepVisibleAnswers); answers to no question are refused.
 */
export function checkAnswers(definition: SurveyDefinition, answers: SurveyAnswers, { complete }: { complete: boolean }): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(allQuestions(definition).map((q) => q.id));
  for (const questionId of Object.keys(answers)) {
    if (!known.has(questionId)) problems.push({ questionId, reason: reason('SURVEY_ANSWER_UNKNOWN_QUESTION') });
  }
  for (const question of visibleQuestions(definition, answers)) {
    const value = answers[question.id];
    if (value === undefined || isEmptyAnswer(value)) {
      if (complete && question.required) problems.push({ questionId: question.id, reason: reason('SURVEY_ANSWER_REQUIRED') });
      continue;
    }
    const why = checkValue(question, value);
    if (why) problems.push({ questionId: question.id, reason: why });
    else if (complete && question.required && question.type === 'matrix' && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length < question.items.length) {
      problems.push({ questionId: question.id, reason: reason('SURVEY_ANSWER_REQUIRED') });
    }
  }
  return problems;
}
