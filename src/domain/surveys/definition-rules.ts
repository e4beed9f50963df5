import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import type { SurveyDefinition, SurveyQuestion } from '../../shared/survey.schemas.ts';
import { allQuestions, allowedValues } from './questions.ts';

/** A problem with a questionnaire, at a path people can follow ("sections.0.questions.2"). */
export interface DefinitionProblem {
  path: string;
  reason: Reason;
}

/**
 * What is wrong with a questionnaire the schema accepted: keys used twice
 * (sections and questions across the whole survey, options and items within
 * their question), conditions on a question that is not earlier or on a
 * value it cannot take, reversed number ranges, a maximum of choices above
 * the number of options.
 */
export function checkDefinition(definition: SurveyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const keys = new Set<string>();
  const earlier = new Map<string, SurveyQuestion>();
  const twice = (path: string, key: string) => problems.push({ path, reason: reason('SURVEY_KEY_TWICE', { key }) });
  definition.sections.forEach((section, s) => {
    if (keys.has(section.id)) twice(`sections.${s}.id`, section.id);
    keys.add(section.id);
    section.questions.forEach((question, q) => {
      const path = `sections.${s}.questions.${q}`;
      if (keys.has(question.id)) twice(`${path}.id`, question.id);
      keys.add(question.id);
      const choices = 'options' in question ? question.options : question.type === 'matrix' ? question.items : [];
      const seen = new Set<string>();
      for (const choice of choices) {
        if (seen.has(choice.value)) twice(`${path}.${question.type === 'matrix' ? 'items' : 'options'}`, choice.value);
        seen.add(choice.value);
      }
      if (question.showIf) {
        const target = earlier.get(question.showIf.questionId);
        if (!target) problems.push({ path: `${path}.showIf.questionId`, reason: reason('SURVEY_SHOW_IF_UNKNOWN', { questionId: question.showIf.questionId }) });
        else {
          const values = conditionValues(target);
          if (values && !values.includes(question.showIf.equals)) {
            problems.push({ path: `${path}.showIf.equals`, reason: reason('SURVEY_SHOW_IF_VALUE_UNKNOWN', { value: question.showIf.equals, questionId: target.id }) });
          }
        }
      }
      if (question.type === 'number' && question.min !== undefined && question.max !== undefined && question.min > question.max) {
        problems.push({ path: `${path}.min`, reason: reason('SURVEY_RANGE_REVERSED') });
      }
      if (question.type === 'multiple' && question.max !== undefined && question.max > question.options.length) {
        problems.push({ path: `${path}.max`, reason: reason('SURVEY_MAX_OVER_OPTIONS', { max: question.max, options: question.options.length }) });
      }
      earlier.set(question.id, question);
    });
  });
  return problems;
}

/** The values a condition on this question can name; null when any text goes. */
function conditionValues(question: SurveyQuestion): string[] | null {
  if (question.type === 'rating') {
    const [min, max] = question.scale === '1-5' ? [1, 5] : [0, 10];
    return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  }
  return allowedValues(question);
}

/**
 * Once a survey has answers, its questions can be added or reworded, never
 * removed or retyped: what the change from `before` to `after` breaks.
 * Refused: a question removed or of another type; an option or matrix item
 * removed (rewording its label is fine, adding is fine); a rating scale
 * changed; number limits narrowed or a multiple-choice maximum lowered (the
 * answers given could fall outside them).
 */
export function checkDefinitionChange(before: SurveyDefinition, after: SurveyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const now = new Map(allQuestions(after).map((q) => [q.id, q]));
  for (const old of allQuestions(before)) {
    const path = `questions.${old.id}`;
    const current = now.get(old.id);
    if (!current) {
      problems.push({ path, reason: reason('SURVEY_QUESTION_REMOVED', { text: old.text }) });
      continue;
    }
    if (current.type !== old.type || takesSeveralChanged(old, current)) {
      problems.push({ path, reason: reason('SURVEY_QUESTION_RETYPED', { text: old.text }) });
      continue;
    }
    const oldChoices = 'options' in old ? old.options : old.type === 'matrix' ? old.items : [];
    const newChoices = 'options' in current ? current.options : current.type === 'matrix' ? current.items : [];
    for (const choice of oldChoices) {
      if (!newChoices.some((c) => c.value === choice.value)) problems.push({ path, reason: reason('SURVEY_OPTION_REMOVED', { label: choice.label, text: old.text }) });
    }
    if ((old.type === 'rating' || old.type === 'matrix') && (current.type === 'rating' || current.type === 'matrix') && old.scale !== current.scale) {
      problems.push({ path, reason: reason('SURVEY_SCALE_CHANGED', { text: old.text }) });
    }
    if (narrowed(old, current)) problems.push({ path, reason: reason('SURVEY_LIMITS_NARROWED', { text: old.text }) });
  }
  return problems;
}

function takesSeveralChanged(old: SurveyQuestion, current: SurveyQuestion): boolean {
  return (old.type === 'sector' || old.type === 'lever') && (current.type === 'sector' || current.type === 'lever') && old.multiple !== current.multiple;
}

function narrowed(old: SurveyQuestion, current: SurveyQuestion): boolean {
  const lower = (a: number | undefined, b: number | undefined) => b !== undefined && (a === undefined || b < a);
  if (old.type === 'number' && current.type === 'number') {
    const minRaised = current.min !== undefined && (old.min === undefined || current.min > old.min);
    const maxLowered = current.max !== undefined && (old.max === undefined || current.max < old.max);
    return minRaised || maxLowered || (current.integer === true && old.integer !== true);
  }
  if ((old.type === 'multiple' || old.type === 'sector' || old.type === 'lever') && old.type === current.type) {
    return lower(old.max, current.max);
  }
  if ((old.type === 'short-text' || old.type === 'long-text') && old.type === current.type) {
    return lower(old.maxLength, current.maxLength);
  }
  return false;
}
