import type { SurveyAnswers, SurveyDefinition } from '../../shared/survey.schemas.ts';
import { keepVisibleAnswers, takesSeveral, visibleQuestions } from './questions.ts';

/** One value of an answer as results count it (the survey_answers table, migration 0039). */
export interface AnswerRow {
  questionId: string;
  /** A matrix item, or the option a ranking places; '' otherwise. */
  item: string;
  choice: string | null;
  number: number | null;
  textValue: string | null;
}

/**
 * The rows results are counted from, for checked answers: a multiple choice
 * gives a row per option chosen (so results count per option, never per
 * combination), a matrix a row per item, a ranking a row per option with its
 * rank (1 is first). Hidden questions give none.
 */
export function answerRows(definition: SurveyDefinition, answers: SurveyAnswers): AnswerRow[] {
  const kept = keepVisibleAnswers(definition, answers);
  const rows: AnswerRow[] = [];
  const row = (questionId: string, fields: Partial<Omit<AnswerRow, 'questionId'>>) => rows.push({ questionId, item: '', choice: null, number: null, textValue: null, ...fields });
  for (const question of visibleQuestions(definition, kept)) {
    const value = kept[question.id];
    if (value === undefined) continue;
    switch (question.type) {
      case 'ranking':
        if (Array.isArray(value)) value.forEach((option, index) => row(question.id, { item: option, number: index + 1 }));
        break;
      case 'matrix':
        if (typeof value === 'object' && !Array.isArray(value)) for (const [item, point] of Object.entries(value)) row(question.id, { item, number: point });
        break;
      case 'rating':
      case 'number':
        if (typeof value === 'number') row(question.id, { number: value });
        break;
      case 'short-text':
      case 'long-text':
        if (typeof value === 'string') row(question.id, { textValue: value });
        break;
      default:
        if (takesSeveral(question) && Array.isArray(value)) for (const choice of value) row(question.id, { choice });
        else if (typeof value === 'string') row(question.id, { choice: value });
    }
  }
  return rows;
}
