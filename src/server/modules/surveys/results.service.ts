import { allQuestions, scaleBounds, takesSeveral } from '../../../domain/surveys/questions.ts';
import { SECTORS, SYSTEMIC_LEVERS } from '../../../domain/reference/sectors.ts';
import {
  ANONYMOUS_MIN_SEGMENT,
  type QuestionResult,
  type ResultsQuery,
  type SegmentBy,
  type SegmentComparison,
  type SurveyQuestion,
  type SurveyResults,
} from '../../../shared/survey.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import {
  answerCounts,
  invitedInSegment,
  responsesAndAnswered,
  cityNames,
  countsBySegment,
  findResultsSurvey,
  programmeTitles,
  responsesInSegment,
  textAnswerPage,
  type AnswerCountRow,
  type ResultsSurvey,
} from './results.repository.ts';

// A survey's results for programme managers (docs/surveys.md, "Results").

export const TEXT_TYPES: ReadonlySet<SurveyQuestion['type']> = new Set(['short-text', 'long-text']);

const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryName = (code: string) => {
  try {
    return COUNTRY_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
};

export const CITY_KIND_LABELS: Record<string, string> = { mission: 'Mission city', aspiring: 'Aspiring city' };
export const POPULATION_BAND_LABELS: Record<string, string> = {
  'under-50k': 'Under 50,000',
  '50k-100k': '50,000 to 100,000',
  '100k-250k': '100,000 to 250,000',
  '250k-500k': '250,000 to 500,000',
  '500k-1m': '500,000 to 1 million',
  'over-1m': 'Over 1 million',
  unknown: 'Population not known',
};

/** The survey, or 404. */
export async function resultsSurvey(db: Db, id: string): Promise<ResultsSurvey> {
  const survey = await findResultsSurvey(db, id);
  if (!survey) throw new AppError('NOT_FOUND', 'No such survey.');
  return survey;
}

/** An anonymous survey with fewer than ANONYMOUS_MIN_SEGMENT answers in a segment shows nothing of it. Named surveys never hide. */
export const isSuppressed = (survey: { anonymous: boolean }, responses: number) => survey.anonymous && responses < ANONYMOUS_MIN_SEGMENT;

const round1 = (v: number) => Math.round(v * 10) / 10;
const round2 = (v: number) => Math.round(v * 100) / 100;
const percent = (count: number, of: number) => (of === 0 ? 0 : round1((count / of) * 100));
const meanOf = (points: readonly { value: number; count: number }[]) => {
  const n = points.reduce((s, p) => s + p.count, 0);
  return n === 0 ? null : round2(points.reduce((s, p) => s + p.value * p.count, 0) / n);
};

/** The options a choice-like question lists, in its order (null: values of any kind, ordered by count). */
function knownOptions(question: SurveyQuestion): { value: string; label: string }[] | null {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options;
    case 'sector':
      return SECTORS.map((s) => ({ value: s.code, label: s.label }));
    case 'lever':
      return SYSTEMIC_LEVERS.map((l) => ({ value: l.code, label: l.label }));
    default:
      return null;
  }
}

function questionResult(question: SurveyQuestion, rows: readonly AnswerCountRow[], distinctAnswered: number | undefined, cities: Map<string, string>): QuestionResult {
  const base = { questionId: question.id, type: question.type, text: question.text };
  const total = rows.reduce((s, r) => s + Number(r.n), 0);
  switch (question.type) {
    case 'short-text':
    case 'long-text':
      return { ...base, answered: total };
    case 'rating':
    case 'number': {
      const byValue = new Map<number, number>();
      for (const r of rows) if (r.number !== null) byValue.set(Number(r.number), (byValue.get(Number(r.number)) ?? 0) + Number(r.n));
      let points: number[] = [...byValue.keys()].sort((a, b) => a - b);
      if (question.type === 'rating') {
        const { min, max } = scaleBounds(question.scale);
        points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      }
      const distribution = points.map((value) => ({ value, count: byValue.get(value) ?? 0 }));
      return { ...base, answered: total, distribution, mean: meanOf(distribution) };
    }
    case 'matrix': {
      const { min, max } = scaleBounds(question.scale);
      const matrix = question.items.map((item) => {
        const counts = Array.from({ length: max - min + 1 }, (_, i) => {
          const value = min + i;
          return { value, count: rows.filter((r) => r.item === item.value && Number(r.number) === value).reduce((s, r) => s + Number(r.n), 0) };
        });
        return { item: item.value, label: item.label, counts, mean: meanOf(counts) };
      });
      return { ...base, answered: distinctAnswered ?? 0, matrix };
    }
    case 'ranking': {
      const ranks = question.options.map((o) => {
        const mine = rows.filter((r) => r.item === o.value && r.number !== null);
        const count = mine.reduce((s, r) => s + Number(r.n), 0);
        const sum = mine.reduce((s, r) => s + Number(r.number) * Number(r.n), 0);
        return { value: o.value, label: o.label, averageRank: count === 0 ? null : round2(sum / count), count };
      });
      // Every answer ranks every option once: the answers are the first places.
      const answered = rows.filter((r) => Number(r.number) === 1).reduce((s, r) => s + Number(r.n), 0);
      return { ...base, answered, ranks };
    }
    default: {
      const answered = takesSeveral(question) ? (distinctAnswered ?? 0) : total;
      const byChoice = new Map<string, number>();
      for (const r of rows) if (r.choice !== null) byChoice.set(r.choice, (byChoice.get(r.choice) ?? 0) + Number(r.n));
      const options = knownOptions(question);
      const label = (value: string) =>
        question.type === 'country' ? countryName(value) : question.type === 'city' ? (cities.get(value) ?? value) : (options?.find((o) => o.value === value)?.label ?? value);
      const values = options
        ? [...options.map((o) => o.value), ...[...byChoice.keys()].filter((v) => !options.some((o) => o.value === v))]
        : [...byChoice.keys()].sort((a, b) => (byChoice.get(b) ?? 0) - (byChoice.get(a) ?? 0) || (question.type === 'date' ? a.localeCompare(b) : label(a).localeCompare(label(b), 'en')));
      // Multiple choice: per option, as a share of the respondents who answered the question (the shares may add up to more than 100).
      const counts = values.map((value) => {
        const count = byChoice.get(value) ?? 0;
        return { value, label: label(value), count, percent: percent(count, answered) };
      });
      return { ...base, answered, counts };
    }
  }
}

/** GET /api/surveys/:id/results: every question's results in the selected segment. */
export async function surveyResults(db: Db, input: { id: string; filters: ResultsQuery }): Promise<SurveyResults> {
  const survey = await resultsSurvey(db, input.id);
  const questions = allQuestions(survey.definition);
  const severalRows = questions.filter((q) => q.type === 'matrix' || takesSeveral(q)).map((q) => q.id);
  // Three statements at once; the counts are dropped unread when the segment is hidden.
  const [totals, invited, rows] = await Promise.all([
    responsesAndAnswered(db, survey, input.filters, severalRows),
    invitedInSegment(db, survey, input.filters),
    answerCounts(db, survey, input.filters),
  ]);
  if (isSuppressed(survey, totals.responses)) {
    // Nothing of a small anonymous segment: no counts, no means, no texts, not even how many answered.
    return { surveyId: survey.id, responses: 0, invited, suppressed: true, questions: [] };
  }
  const answered = totals.answered;
  const byQuestion = new Map<string, AnswerCountRow[]>();
  for (const r of rows) {
    const list = byQuestion.get(r.question_id);
    if (list) list.push(r);
    else byQuestion.set(r.question_id, [r]);
  }
  const cityQuestions = new Set(questions.filter((q) => q.type === 'city').map((q) => q.id));
  const cityIds = [...new Set(rows.filter((r) => cityQuestions.has(r.question_id) && r.choice !== null).map((r) => r.choice as string))].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const cities = await cityNames(db, cityIds);
  return {
    surveyId: survey.id,
    responses: totals.responses,
    invited,
    suppressed: false,
    questions: questions.map((q) => questionResult(q, byQuestion.get(q.id) ?? [], answered.get(q.id), cities)),
  };
}

/** GET /api/surveys/:id/segments: responses, invitations and the response rate (a percent) per segment. */
export async function segmentComparison(db: Db, input: { id: string; by: SegmentBy; filters: ResultsQuery }): Promise<SegmentComparison> {
  const survey = await resultsSurvey(db, input.id);
  const counts = await countsBySegment(db, survey, input.by, input.filters);
  const values = [...new Set([...counts.invited.keys(), ...counts.responses.keys()])];
  const programmes = input.by === 'programme' ? await programmeTitles(db, values.filter((v): v is string => v !== null)) : new Map<string, string>();
  const label = (value: string | null) => {
    if (value === null) return input.by === 'programme' ? 'No programme' : 'Not known';
    switch (input.by) {
      case 'country':
        return countryName(value);
      case 'city-kind':
        return CITY_KIND_LABELS[value] ?? value;
      case 'population-band':
        return POPULATION_BAND_LABELS[value] ?? value;
      case 'programme':
        return programmes.get(value) ?? value;
    }
  };
  const segments = values.map((value) => {
    const invited = counts.invited.get(value) ?? 0;
    const responses = counts.responses.get(value) ?? 0;
    const suppressed = isSuppressed(survey, responses);
    return {
      value: value ?? 'unknown',
      label: label(value),
      invited,
      // A hidden segment shows who was asked, never how many answered.
      responses: suppressed ? 0 : responses,
      responseRate: suppressed || invited === 0 ? null : percent(responses, invited),
      suppressed,
    };
  });
  segments.sort((a, b) => (a.value === 'unknown' ? 1 : 0) - (b.value === 'unknown' ? 1 : 0) || a.label.localeCompare(b.label, 'en'));
  return { by: input.by, segments };
}

/** GET /api/surveys/:id/questions/:questionId/text-answers: a text question's answers, newest first. A hidden segment gives an empty page. */
export async function textAnswers(db: Db, input: { id: string; questionId: string; filters: ResultsQuery; q?: string; page: number; pageSize: number }) {
  const survey = await resultsSurvey(db, input.id);
  const question = allQuestions(survey.definition).find((q) => q.id === input.questionId);
  if (!question || !TEXT_TYPES.has(question.type)) throw new AppError('NOT_FOUND', 'No such text question in this survey.');
  const empty = { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  if (survey.anonymous) {
    if (isSuppressed(survey, await responsesInSegment(db, survey, input.filters))) return empty;
  }
  const rows = await textAnswerPage(db, survey, { questionId: input.questionId, filters: input.filters, q: input.q || undefined, page: input.page, pageSize: input.pageSize });
  return {
    items: rows.map((r) => ({ text: r.text_value ?? '', submittedOn: r.submitted_on, city: survey.anonymous ? null : r.city_name })),
    total: rows.length ? Number(rows[0]!.total) : input.page === 1 ? 0 : (await textAnswerPage(db, survey, { ...input, q: input.q || undefined, page: 1, pageSize: 1 })).map((r) => Number(r.total))[0] ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
