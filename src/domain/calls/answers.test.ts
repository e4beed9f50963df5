import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
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
      { questionId: 'motivation', reason: reason('ANSWER_REQUIRED', { label: 'Why do you want to visit?' }) },
      { questionId: 'sectors', reason: reason('ANSWER_REQUIRED', { label: 'Sectors of interest' }) },
    ]);
  });

  it('checks each kind of answer', () => {
    const problems = answerProblems(
      questions,
      { motivation: 'x'.repeat(21), sectors: ['energy', 'space'], format: 'by post', dates: ['2027-05-40'], delegates: 5, extra: 'hi' },
      { submitting: true, maxDelegates: 3 },
    );
    expect(problems).toEqual([
      { questionId: 'extra', reason: reason('ANSWER_NOT_A_QUESTION') },
      { questionId: 'motivation', reason: reason('ANSWER_TOO_LONG', { max: 20, length: 21 }) },
      { questionId: 'sectors', reason: reason('ANSWER_CHOOSE_SECTORS') },
      { questionId: 'format', reason: reason('ANSWER_CHOOSE_ONE') },
      { questionId: 'dates', reason: reason('ANSWER_DATES') },
      { questionId: 'delegates', reason: reason('ANSWER_DELEGATES', { max: 3 }) },
    ]);
  });

  it('reads in English as the server has always written it', () => {
    const problems = answerProblems(questions, { motivation: 'x'.repeat(21), delegates: 5 }, { submitting: true, maxDelegates: 3 });
    expect(problems.map((p) => englishText(p.reason))).toEqual([
      'Use at most 20 characters (now 21).',
      'Answer “Sectors of interest” before submitting.',
      'Give a number of delegates from 1 to 3.',
    ]);
  });

  it('refuses preferred dates outside the study visits period, naming them', () => {
    const visitWindow = { startsOn: '2027-05-01', endsOn: '2027-06-30' };
    const problems = answerProblems(questions, { dates: ['2027-04-30', '2027-05-01', '2027-06-30', '2027-07-01'] }, { submitting: false, maxDelegates: 3, visitWindow });
    expect(problems).toEqual([{ questionId: 'dates', reason: reason('ANSWER_DATES_OUTSIDE_VISITS', { dates: '2027-04-30, 2027-07-01', windowStart: '2027-05-01', windowEnd: '2027-06-30' }) }]);
    expect(englishText(problems[0]?.reason ?? reason('ANSWER_DATES'))).toBe('Choose dates in the study visits period, 2027-05-01 to 2027-06-30; outside it: 2027-04-30, 2027-07-01.');
    expect(answerProblems(questions, { dates: ['2027-05-01', '2027-06-30'] }, { submitting: false, maxDelegates: 3, visitWindow })).toEqual([]);
  });

  it('accepts a complete, valid application', () => {
    expect(
      answerProblems(questions, { motivation: 'District heating', sectors: ['energy'], format: 'hybrid', dates: ['2027-05-20'], delegates: 2 }, { submitting: true, maxDelegates: 3 }),
    ).toEqual([]);
  });
});
