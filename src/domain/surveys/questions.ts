import { SectorCode } from '../../shared/city.schemas.ts';
import { LeverCode } from '../../shared/solution.schemas.ts';
import type { SurveyAnswerValue, SurveyAnswers, SurveyDefinition, SurveyQuestion } from '../../shared/survey.schemas.ts';

/** Every question of a questionnaire, in the order people meet them. */
export function allQuestions(definition: SurveyDefinition): SurveyQuestion[] {
  return definition.sections.flatMap((section) => section.questions);
}

/** The values a choice-like question accepts (options, sectors, levers); null when any value of its kind goes (text, number, date, country, city). */
export function allowedValues(question: SurveyQuestion): string[] | null {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return question.options.map((o) => o.value);
    case 'sector':
      return [...SectorCode.options];
    case 'lever':
      return [...LeverCode.options];
    default:
      return null;
  }
}

/** True when the question takes several values (multiple choice, or a sector or lever picker that allows several). */
export function takesSeveral(question: SurveyQuestion): boolean {
  return question.type === 'multiple' || ((question.type === 'sector' || question.type === 'lever') && question.multiple);
}

/** The smallest and largest point of a rating scale. */
export function scaleBounds(scale: '1-5' | '0-10'): { min: number; max: number } {
  return scale === '1-5' ? { min: 1, max: 5 } : { min: 0, max: 10 };
}

/** Nothing given: no value, an empty text, an empty list or an empty matrix. */
export function isEmptyAnswer(value: SurveyAnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'number') return false;
  return Object.keys(value).length === 0;
}

/** Does this answer meet a condition's value? A list meets it when it includes it; a number when it reads the same. */
function meets(value: SurveyAnswerValue | undefined, equals: string): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.includes(equals);
  if (typeof value === 'string' || typeof value === 'number') return String(value) === equals;
  return false;
}

/**
 * The questions shown with these answers: a question with `showIf` shows
 * only when the earlier question is shown and its answer meets the value.
 */
export function visibleQuestions(definition: SurveyDefinition, answers: SurveyAnswers): SurveyQuestion[] {
  const shown = new Set<string>();
  const visible: SurveyQuestion[] = [];
  for (const question of allQuestions(definition)) {
    const condition = question.showIf;
    if (condition && !(shown.has(condition.questionId) && meets(answers[condition.questionId], condition.equals))) continue;
    shown.add(question.id);
    visible.push(question);
  }
  return visible;
}

/** The answers to the questions shown, without the ones a changed earlier answer has hidden. */
export function keepVisibleAnswers(definition: SurveyDefinition, answers: SurveyAnswers): SurveyAnswers {
  const kept: SurveyAnswers = {};
  for (const question of visibleQuestions(definition, answers)) {
    const value = answers[question.id];
    if (value !== undefined && !isEmptyAnswer(value)) kept[question.id] = value;
  }
  return kept;
}
