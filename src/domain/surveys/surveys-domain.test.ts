import { describe, expect, it } from 'vitest';
import { SurveyDefinition, type SurveyQuestion } from '../../shared/survey.schemas.ts';
import { answerRows } from './answer-rows.ts';
import { checkAnswers } from './check-answers.ts';
import { checkDefinition, checkDefinitionChange } from './definition-rules.ts';
import { populationBand } from './population-band.ts';
import { prioritiesFromAnswers } from './priorities.ts';
import { keepVisibleAnswers, visibleQuestions } from './questions.ts';
import { SURVEY_TEMPLATES } from './templates.ts';

const survey = (...questions: SurveyQuestion[]) => SurveyDefinition.parse({ sections: [{ id: 'main', title: 'Main', questions }] });
const colours = [
  { value: 'red', label: 'Red' },
  { value: 'green', label: 'Green' },
  { value: 'blue', label: 'Blue' },
];

describe('templates', () => {
  it.each(Object.values(SURVEY_TEMPLATES))('$key is a valid questionnaire', (template) => {
    expect(SurveyDefinition.safeParse(template.definition).success).toBe(true);
    expect(checkDefinition(template.definition)).toEqual([]);
  });
});

describe('conditional questions', () => {
  const definition = survey(
    { id: 'travel', type: 'single', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], required: true, text: 'Travel?' },
    { id: 'how-many', type: 'number', min: 1, max: 10, required: true, showIf: { questionId: 'travel', equals: 'yes' }, text: 'How many?' },
    { id: 'why-not', type: 'long-text', required: false, showIf: { questionId: 'travel', equals: 'no' }, text: 'Why not?' },
  );

  it('shows a question only when the earlier answer has the value', () => {
    expect(visibleQuestions(definition, {}).map((q) => q.id)).toEqual(['travel']);
    expect(visibleQuestions(definition, { travel: 'yes' }).map((q) => q.id)).toEqual(['travel', 'how-many']);
    expect(visibleQuestions(definition, { travel: 'no' }).map((q) => q.id)).toEqual(['travel', 'why-not']);
  });

  it('requires a hidden question only when it shows, and drops its answer when it hides', () => {
    expect(checkAnswers(definition, { travel: 'yes' }, { complete: true })).toEqual([{ questionId: 'how-many', reason: { code: 'SURVEY_ANSWER_REQUIRED' } }]);
    expect(checkAnswers(definition, { travel: 'no' }, { complete: true })).toEqual([]);
    expect(keepVisibleAnswers(definition, { travel: 'no', 'how-many': 3 })).toEqual({ travel: 'no' });
    expect(answerRows(definition, { travel: 'no', 'how-many': 3 })).toEqual([{ questionId: 'travel', item: '', choice: 'no', number: null, textValue: null }]);
  });

  it('refuses a condition on a later question or on a value the question cannot take', () => {
    const later = survey(
      { id: 'a', type: 'short-text', required: false, showIf: { questionId: 'b', equals: 'x' }, text: 'A' },
      { id: 'b', type: 'single', options: colours, required: false, text: 'B' },
      { id: 'c', type: 'short-text', required: false, showIf: { questionId: 'b', equals: 'purple' }, text: 'C' },
    );
    expect(checkDefinition(later).map((p) => p.reason.code)).toEqual(['SURVEY_SHOW_IF_UNKNOWN', 'SURVEY_SHOW_IF_VALUE_UNKNOWN']);
  });
});

describe('answers', () => {
  it('counts a multiple choice per option chosen, never as a combination', () => {
    const definition = survey({ id: 'colours', type: 'multiple', options: colours, max: 2, required: true, text: 'Colours' });
    expect(answerRows(definition, { colours: ['red', 'blue'] }).map((r) => r.choice)).toEqual(['red', 'blue']);
    expect(checkAnswers(definition, { colours: ['red', 'blue', 'green'] }, { complete: true })[0]?.reason).toEqual({ code: 'SURVEY_ANSWER_TOO_MANY', params: { max: 2 } });
    expect(checkAnswers(definition, { colours: ['purple'] }, { complete: false })[0]?.reason.code).toBe('SURVEY_ANSWER_NOT_AN_OPTION');
  });

  it('keeps a ranking as ranks and a matrix as items, and checks their values', () => {
    const definition = survey(
      { id: 'order', type: 'ranking', options: colours, required: true, text: 'Order' },
      { id: 'grid', type: 'matrix', scale: '1-5', items: colours, required: true, text: 'Grid' },
    );
    const answers = { order: ['blue', 'red', 'green'], grid: { red: 5, green: 1, blue: 3 } };
    expect(checkAnswers(definition, answers, { complete: true })).toEqual([]);
    expect(answerRows(definition, answers).filter((r) => r.questionId === 'order').map((r) => [r.item, r.number])).toEqual([['blue', 1], ['red', 2], ['green', 3]]);
    expect(checkAnswers(definition, { order: ['blue', 'red'], grid: { red: 6 } }, { complete: false }).map((p) => p.reason.code)).toEqual(['SURVEY_ANSWER_RANK_ALL', 'SURVEY_ANSWER_OUT_OF_RANGE']);
    expect(checkAnswers(definition, { order: ['blue', 'red', 'green'], grid: { red: 5 } }, { complete: true }).map((p) => p.reason.code)).toEqual(['SURVEY_ANSWER_REQUIRED']);
  });

  it('lets a draft leave required questions empty, and refuses answers to no question', () => {
    const definition = survey({ id: 'name', type: 'short-text', required: true, text: 'Name' });
    expect(checkAnswers(definition, {}, { complete: false })).toEqual([]);
    expect(checkAnswers(definition, { other: 'x' }, { complete: false })[0]).toEqual({ questionId: 'other', reason: { code: 'SURVEY_ANSWER_UNKNOWN_QUESTION' } });
  });
});

describe('changing a survey that has answers', () => {
  const before = survey(
    { id: 'colour', type: 'single', options: colours, required: true, text: 'Colour' },
    { id: 'score', type: 'rating', scale: '1-5', required: true, text: 'Score' },
  );

  it('accepts rewording and additions', () => {
    const after = survey(
      { id: 'colour', type: 'single', options: [...colours.map((c) => ({ ...c, label: `${c.label}!` })), { value: 'yellow', label: 'Yellow' }], required: true, text: 'Which colour?' },
      { id: 'score', type: 'rating', scale: '1-5', required: true, text: 'Your score' },
      { id: 'new', type: 'long-text', required: false, text: 'New' },
    );
    expect(checkDefinitionChange(before, after)).toEqual([]);
  });

  it('refuses removing or retyping a question, removing an option, or changing a scale, saying which', () => {
    const after = survey(
      { id: 'colour', type: 'multiple', options: colours, required: true, text: 'Colour' },
      { id: 'score', type: 'rating', scale: '0-10', required: true, text: 'Score' },
    );
    expect(checkDefinitionChange(before, after).map((p) => p.reason)).toEqual([
      { code: 'SURVEY_QUESTION_RETYPED', params: { text: 'Colour' } },
      { code: 'SURVEY_SCALE_CHANGED', params: { text: 'Score' } },
    ]);
    const removed = survey({ id: 'colour', type: 'single', options: colours.slice(0, 2), required: true, text: 'Colour' });
    expect(checkDefinitionChange(before, removed).map((p) => p.reason.code)).toEqual(['SURVEY_OPTION_REMOVED', 'SURVEY_QUESTION_REMOVED']);
  });
});

describe('what answers tell the platform', () => {
  it('reads priority sectors and levers from a support-needs answer', () => {
    expect(prioritiesFromAnswers({ 'priority-sectors': ['mobility', 'energy'], 'priority-levers': ['finance-funding'] })).toEqual({ sectors: ['mobility', 'energy'], levers: ['finance-funding'] });
    expect(prioritiesFromAnswers({ formats: ['webinars'] })).toBeNull();
  });

  it('puts cities in population bands', () => {
    expect([null, 49_999, 50_000, 120_000, 999_999, 1_000_000].map(populationBand)).toEqual(['unknown', 'under-50k', '50k-100k', '100k-250k', '500k-1m', 'over-1m']);
  });
});
