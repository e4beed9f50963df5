import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { SECTORS } from '../reference/sectors.ts';

/** The subset of a call question the checks need (see src/shared/programme.schemas.ts). */
export interface QuestionRule {
  id: string;
  type: 'text' | 'long_text' | 'single_choice' | 'multiple_choice' | 'sectors' | 'solutions' | 'preferred_dates' | 'delegates' | 'file';
  label: string;
  required: boolean;
  options: readonly string[];
  maxLength?: number | undefined;
}

export type AnswerValue = string | readonly string[] | number;

export interface AnswerProblem {
  questionId: string;
  reason: Reason;
}

const SECTOR_CODES = new Set<string>(SECTORS.map((s) => s.code));
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/**
 * Checks answers against the call's questions, the server's check and the
 * application form's alike. Drafts may leave required questions empty;
 * `submitting` demands them. Unknown question ids are refused.
 */
export function answerProblems(
  questions: readonly QuestionRule[],
  answers: Readonly<Record<string, AnswerValue>>,
  options: { submitting: boolean; maxDelegates: number; visitWindow?: { startsOn: string; endsOn: string } | undefined },
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) if (!byId.has(id)) problems.push({ questionId: id, reason: reason('ANSWER_NOT_A_QUESTION') });

  for (const q of questions) {
    const value = answers[q.id];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (options.submitting && q.required) problems.push({ questionId: q.id, reason: reason('ANSWER_REQUIRED', { label: q.label }) });
      continue;
    }
    const problem = valueProblem(q, value, options.maxDelegates, options.visitWindow);
    if (problem) problems.push({ questionId: q.id, reason: problem });
  }
  return problems;
}

function valueProblem(q: QuestionRule, value: AnswerValue, maxDelegates: number, visitWindow: { startsOn: string; endsOn: string } | undefined): Reason | null {
  const list = Array.isArray(value) ? value : null;
  switch (q.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return reason('ANSWER_NOT_TEXT');
      const max = q.maxLength ?? (q.type === 'text' ? 300 : 5000);
      return value.length > max ? reason('ANSWER_TOO_LONG', { max, length: value.length }) : null;
    }
    case 'single_choice':
      return typeof value === 'string' && q.options.includes(value) ? null : reason('ANSWER_CHOOSE_ONE');
    case 'multiple_choice':
      return list && list.every((v) => q.options.includes(v)) && new Set(list).size === list.length ? null : reason('ANSWER_CHOOSE_EACH_ONCE');
    case 'sectors':
      return list && list.every((v) => SECTOR_CODES.has(v)) ? null : reason('ANSWER_CHOOSE_SECTORS');
    case 'solutions':
    case 'file':
      return list || typeof value === 'string' ? null : reason('ANSWER_CHOOSE_FROM_LIST');
    case 'preferred_dates': {
      if (!list || !list.every(isDate)) return reason('ANSWER_DATES');
      // Dates for a visit can only be in the programme's study visits step.
      const outside = visitWindow ? list.filter((d) => d < visitWindow.startsOn || d > visitWindow.endsOn) : [];
      return outside.length ? reason('ANSWER_DATES_OUTSIDE_VISITS', { dates: outside.join(', '), windowStart: visitWindow?.startsOn ?? '', windowEnd: visitWindow?.endsOn ?? '' }) : null;
    }
    case 'delegates':
      return typeof value === 'number' && value >= 1 && value <= maxDelegates ? null : reason('ANSWER_DELEGATES', { max: maxDelegates });
  }
}
