import { describe, expect, it } from 'vitest';
import { answerProblems, type QuestionRule } from './answers.ts';

const questions: QuestionRule[] = [
  { id: 'motivation', type: 'long_text', label: 'Why do you want to visit?', required: true, options: [], maxLength: 20 },
  { id: 'sectors', type: 'sectors', label: 'Sectors of interest', required: true, options: [] },
  { id: 'format', type: 'single_choice', label: 'Format', required: false, options: ['in person', 'hybrid'] },
  { id: 'dates', type: 'preferred_dates', label: 'Preferred dates', required: false, options: [] },
  { id: 'delegates', type: 'delegates', label: 'Delegates', required: false, options: [] },
];

describe('application answers', () => {
  it('lets a draft leave required answers empty but not a submission', () => {
    expect(answerProblems(questions, {}, { submitting: false, maxDelegates: 3 })).toEqual([]);
    expect(answerProblems(questions, {}, { submitting: true, maxDelegates: 3 })).toEqual([
      { questionId: 'motivation', message: 'Answer “Why do you want to visit?” before submitting.' },
      { questionId: 'sectors', message: 'Answer “Sectors of interest” before submitting.' },
    ]);
  });

  it('checks each kind of answer', () => {
    const problems = answerProblems(
      questions,
      { motivation: 'x'.repeat(21), sectors: ['energy', 'space'], format: 'by post', dates: ['2027-05-40'], delegates: 5, extra: 'hi' },
      { submitting: true, maxDelegates: 3 },
    );
    expect(problems).toEqual([
      { questionId: 'extra', message: 'This is not a question of the call.' },
      { questionId: 'motivation', message: 'Use at most 20 characters (now 21).' },
      { questionId: 'sectors', message: 'Choose among the six sectors.' },
      { questionId: 'format', message: 'Choose one of the options.' },
      { questionId: 'dates', message: 'Give dates like 2027-05-20.' },
      { questionId: 'delegates', message: 'Give a number of delegates from 1 to 3.' },
    ]);
  });

  it('accepts a complete, valid application', () => {
    expect(
      answerProblems(questions, { motivation: 'District heating', sectors: ['energy'], format: 'hybrid', dates: ['2027-05-20'], delegates: 2 }, { submitting: true, maxDelegates: 3 }),
    ).toEqual([]);
  });
});
