// For tests: a complete, valid answer to any questionnaire.
import { scaleBounds, visibleQuestions } from '../../../domain/surveys/questions.ts';
import { LeverCode } from '../../../shared/solution.schemas.ts';
import type { SurveyAnswerValue, SurveyAnswers, SurveyDefinition, SurveyQuestion } from '../../../shared/survey.schemas.ts';

function valueFor(q: SurveyQuestion, cityId: string): SurveyAnswerValue {
  switch (q.type) {
    case 'single':
      return q.options[0]!.value;
    case 'multiple':
      return [q.options[0]!.value];
    case 'rating':
      return scaleBounds(q.scale).max;
    case 'matrix':
      return Object.fromEntries(q.items.map((i) => [i.value, scaleBounds(q.scale).min]));
    case 'ranking':
      return q.options.map((o) => o.value);
    case 'short-text':
    case 'long-text':
      return `Answer to ${q.id}`;
    case 'number':
      return q.min ?? 1;
    case 'date':
      return '2027-01-15';
    case 'country':
      return 'FI';
    case 'city':
      return cityId;
    case 'sector':
      return q.multiple ? ['energy', 'mobility'] : 'energy';
    case 'lever':
      return q.multiple ? [LeverCode.options[0]!] : LeverCode.options[0]!;
  }
}

/** Every question shown gets a valid answer (the first option, the top of the scale…); `overrides` first. */
export function completeAnswers(definition: SurveyDefinition, cityId: string, overrides: SurveyAnswers = {}): SurveyAnswers {
  const answers: SurveyAnswers = { ...overrides };
  for (let changed = true; changed; ) {
    changed = false;
    for (const q of visibleQuestions(definition, answers)) {
      if (answers[q.id] === undefined) {
        answers[q.id] = valueFor(q, cityId);
        changed = true;
      }
    }
  }
  return answers;
}
