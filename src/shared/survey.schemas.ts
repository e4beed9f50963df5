import { z } from 'zod';
import { SectorCode } from './city.schemas.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { LeverCode } from './solution.schemas.ts';
import { Instant, LocalDate, text } from './text.ts';

// Surveys (issue 22): questionnaires programme teams build without a
// developer, sent to an audience, answered by cities or people, with results
// people read and use. docs/surveys.md explains the model; the pure rules
// (which questions show, what an answer must hold, which changes a survey
// with answers accepts) are in src/domain/surveys/.

/** A key inside a questionnaire (a question, section, option or matrix item): lower case, digits and dashes. */
export const SurveyKey = text()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes, like "priority-sectors".');
export type SurveyKey = z.infer<typeof SurveyKey>;

/** A choice people pick: `value` is stored and exported, `label` is shown (and may be reworded later). */
export const SurveyOption = z.object({ value: SurveyKey, label: text().trim().min(1).max(200) });
export type SurveyOption = z.infer<typeof SurveyOption>;

/** A rating scale: 1–5 or 0–10, with optional words at both ends ("Not at all", "Very much"). */
export const RatingScale = z.enum(['1-5', '0-10']);
export type RatingScale = z.infer<typeof RatingScale>;

/** Show the question only when an earlier question's answer is (or, for a multiple choice, includes) `equals`. */
export const ShowIf = z.object({ questionId: SurveyKey, equals: text().min(1).max(60) });
export type ShowIf = z.infer<typeof ShowIf>;

const questionBase = {
  id: SurveyKey,
  text: text().trim().min(1).max(500),
  help: text().trim().max(1000).optional(),
  required: z.boolean(),
  showIf: ShowIf.optional(),
};
const scaleFields = { scale: RatingScale, lowLabel: text().trim().max(60).optional(), highLabel: text().trim().max(60).optional() };

export const SurveyQuestion = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('single'), options: z.array(SurveyOption).min(2).max(30) }),
  z.object({ ...questionBase, type: z.literal('multiple'), options: z.array(SurveyOption).min(2).max(30), max: z.number().int().min(1).max(30).optional() }),
  z.object({ ...questionBase, type: z.literal('rating'), ...scaleFields }),
  z.object({ ...questionBase, type: z.literal('matrix'), items: z.array(SurveyOption).min(2).max(20), ...scaleFields }),
  z.object({ ...questionBase, type: z.literal('ranking'), options: z.array(SurveyOption).min(2).max(12) }),
  z.object({ ...questionBase, type: z.literal('short-text'), maxLength: z.number().int().min(1).max(500).optional() }),
  z.object({ ...questionBase, type: z.literal('long-text'), maxLength: z.number().int().min(1).max(10000).optional() }),
  z.object({ ...questionBase, type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().optional() }),
  z.object({ ...questionBase, type: z.literal('date') }),
  z.object({ ...questionBase, type: z.literal('country') }),
  z.object({ ...questionBase, type: z.literal('city') }),
  z.object({ ...questionBase, type: z.literal('sector'), multiple: z.boolean(), max: z.number().int().min(1).max(6).optional() }),
  z.object({ ...questionBase, type: z.literal('lever'), multiple: z.boolean(), max: z.number().int().min(1).max(6).optional() }),
]);
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;
export type SurveyQuestionType = SurveyQuestion['type'];
export const SURVEY_QUESTION_TYPES = ['single', 'multiple', 'rating', 'matrix', 'ranking', 'short-text', 'long-text', 'number', 'date', 'country', 'city', 'sector', 'lever'] as const satisfies readonly SurveyQuestionType[];

export const SurveySection = z.object({
  id: SurveyKey,
  title: text().trim().min(1).max(200),
  description: text().trim().max(2000).optional(),
  questions: z.array(SurveyQuestion).max(100),
});
export type SurveySection = z.infer<typeof SurveySection>;

/** The questionnaire: sections of questions. Keys are unique across the whole questionnaire (checked by checkDefinition). */
export const SurveyDefinition = z.object({ sections: z.array(SurveySection).min(1).max(30) });
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

/**
 * One question's answer, by type:
 * single, date (YYYY-MM-DD), country (two letters), city (a registry id),
 * sector and lever with `multiple: false`: a string;
 * multiple, sector and lever with `multiple: true`: strings;
 * ranking: every option's value, best first;
 * rating and number: a number;
 * matrix: item value → a number on the scale;
 * short and long text: a string.
 */
export const SurveyAnswerValue = z.union([text().max(10000), z.array(text().max(60)).max(30), z.number(), z.record(SurveyKey, z.number())]);
export type SurveyAnswerValue = z.infer<typeof SurveyAnswerValue>;

/** Answers by question id; a question left out is unanswered. */
export const SurveyAnswers = z.record(SurveyKey, SurveyAnswerValue);
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

/** The templates the platform ships (src/domain/surveys/templates.ts). */
export const SurveyTemplateKey = z.enum(['support-needs', 'group-meeting-feedback', 'study-visit-feedback', 'six-months-after-visit']);
export type SurveyTemplateKey = z.infer<typeof SurveyTemplateKey>;

/**
 * Who is asked. `all-cities`: every registered city; `aspiring-cities`,
 * `mission-cities`; `programme-applicants`: cities that applied to (or
 * expressed interest in) a programme's calls; `group-members`: a discussion
 * group's cities; `visit-participants`: a study visit's host and visitors;
 * `experts`: people with the expert role; `list`: named cities and people.
 */
export const SurveyAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all-cities') }),
  z.object({ kind: z.literal('aspiring-cities') }),
  z.object({ kind: z.literal('mission-cities') }),
  z.object({ kind: z.literal('programme-applicants'), programmeId: z.uuid() }),
  z.object({ kind: z.literal('group-members'), groupId: z.uuid() }),
  z.object({ kind: z.literal('visit-participants'), visitId: z.uuid() }),
  z.object({ kind: z.literal('experts') }),
  z.object({ kind: z.literal('list'), cityIds: z.array(z.uuid()).max(5000), personIds: z.array(z.uuid()).max(5000) }),
]);
export type SurveyAudience = z.infer<typeof SurveyAudience>;

/** One answer per city (any of its representatives answers for it) or one per person. */
export const SurveyRespondent = z.enum(['city', 'person']);
export type SurveyRespondent = z.infer<typeof SurveyRespondent>;

/** draft: being built, nobody asked yet; open: sent, answers taken within the window; closed: no more answers. */
export const SurveyState = z.enum(['draft', 'open', 'closed']);
export type SurveyState = z.infer<typeof SurveyState>;

/** Fewer answers than this in a segment of an anonymous survey: its results are not shown. */
export const ANONYMOUS_MIN_SEGMENT = 5;

/** The settings a manager edits besides the questions. */
export const SurveySettings = z.object({
  title: text().trim().min(3).max(200),
  description: text().trim().max(5000),
  audience: SurveyAudience,
  respondent: SurveyRespondent,
  anonymous: z.boolean(),
  /** The answer window, as days in the programme's time zone: open from the start of `opensOn` to the end of `closesOn`. */
  opensOn: LocalDate,
  closesOn: LocalDate,
  /** For the "programme" segment of results; optional. */
  programmeId: z.uuid().nullable(),
});
export type SurveySettings = z.infer<typeof SurveySettings>;

export const CreateSurveyBody = z.union([
  z.object({ template: SurveyTemplateKey }).extend(SurveySettings.partial().shape),
  z.object({ duplicateOf: z.uuid() }),
  SurveySettings.extend({ definition: SurveyDefinition }),
]);
export type CreateSurveyBody = z.infer<typeof CreateSurveyBody>;

/** Saving the questions or settings names the version it started from (409 when someone saved in between). */
export const UpdateSurveyBody = SurveySettings.partial().extend({ definition: SurveyDefinition.optional(), version: z.number().int().min(1) });
export type UpdateSurveyBody = z.infer<typeof UpdateSurveyBody>;

export const SurveySummary = z.object({
  id: z.uuid(),
  title: text(),
  state: SurveyState,
  template: SurveyTemplateKey.nullable(),
  audience: SurveyAudience,
  respondent: SurveyRespondent,
  anonymous: z.boolean(),
  opensOn: LocalDate,
  closesOn: LocalDate,
  invited: z.number().int(),
  responses: z.number().int(),
  updatedAt: Instant,
});
export type SurveySummary = z.infer<typeof SurveySummary>;
export const SurveyPage = pageOf(SurveySummary);
export type SurveyPage = z.infer<typeof SurveyPage>;
export const SurveyListQuery = PageQuery.extend({ state: SurveyState.optional() });

export const Survey = SurveySummary.extend({
  description: text(),
  programmeId: z.uuid().nullable(),
  definition: SurveyDefinition,
  version: z.number().int(),
  sentAt: Instant.nullable(),
  /** Answers exist: questions can only be added or reworded (checkDefinitionChange). */
  hasResponses: z.boolean(),
});
export type Survey = z.infer<typeof Survey>;

/** A survey waiting for me (or my city), with my draft if I started one. */
export const MySurvey = z.object({
  id: z.uuid(),
  title: text(),
  description: text(),
  anonymous: z.boolean(),
  respondent: SurveyRespondent,
  /** The city I answer for (per-city surveys); null for per-person ones. */
  city: z.object({ id: z.uuid(), name: text() }).nullable(),
  closesOn: LocalDate,
  status: z.enum(['not-started', 'draft', 'answered', 'closed']),
  definition: SurveyDefinition,
  draft: SurveyAnswers.nullable(),
  draftSavedAt: Instant.nullable(),
});
export type MySurvey = z.infer<typeof MySurvey>;

/** A line of "my surveys": what waits for me, without the questions. */
export const MySurveyItem = MySurvey.omit({ definition: true, draft: true });
export type MySurveyItem = z.infer<typeof MySurveyItem>;
export const MySurveyList = z.object({ items: z.array(MySurveyItem) });
export const MySurveyQuery = z.object({ cityId: z.uuid().optional() });

/** A template as the "new survey" page lists it. */
export const SurveyTemplateSummary = z.object({ key: SurveyTemplateKey, title: text(), description: text(), respondent: SurveyRespondent, anonymous: z.boolean(), questionCount: z.number().int() });
export const SurveyTemplateList = z.object({ items: z.array(SurveyTemplateSummary) });

/** Who the audience reaches now: the cities and people who would be (or were) invited. */
export const AudienceCount = z.object({ cities: z.number().int(), people: z.number().int() });

/** Sending, closing: the version the manager saw. */
export const SurveyVersionBody = z.object({ version: z.number().int().min(1) });

export const SaveDraftBody = z.object({ cityId: z.uuid().nullable(), answers: SurveyAnswers });
export const SubmitAnswersBody = SaveDraftBody;

// ---- Results ----

/** The segments results can be filtered and compared by. */
export const SegmentBy = z.enum(['country', 'city-kind', 'population-band', 'programme']);
export type SegmentBy = z.infer<typeof SegmentBy>;
export const PopulationBand = z.enum(['under-50k', '50k-100k', '100k-250k', '250k-500k', '500k-1m', 'over-1m', 'unknown']);
export type PopulationBand = z.infer<typeof PopulationBand>;

export const ResultsQuery = z.object({
  country: text().regex(/^[A-Z]{2}$/).optional(),
  cityKind: z.enum(['mission', 'aspiring']).optional(),
  populationBand: PopulationBand.optional(),
  programmeId: z.uuid().optional(),
});
export type ResultsQuery = z.infer<typeof ResultsQuery>;

const Count = z.object({ value: text(), label: text(), count: z.number().int(), percent: z.number() });

/** One question's results in the selected segment. `suppressed`: an anonymous survey with fewer than ANONYMOUS_MIN_SEGMENT answers here. */
export const QuestionResult = z.object({
  questionId: SurveyKey,
  type: text(),
  text: text(),
  answered: z.number().int(),
  /** single, multiple (per option, never per combination), date, country, city, sector, lever: counts per value. */
  counts: z.array(Count).optional(),
  /** rating and number: the distribution and the mean. */
  distribution: z.array(z.object({ value: z.number(), count: z.number().int() })).optional(),
  mean: z.number().nullable().optional(),
  /** matrix: per item, the count per scale point and the mean. */
  matrix: z.array(z.object({ item: text(), label: text(), counts: z.array(z.object({ value: z.number(), count: z.number().int() })), mean: z.number().nullable() })).optional(),
  /** ranking: the average rank per option (1 is best). */
  ranks: z.array(z.object({ value: text(), label: text(), averageRank: z.number().nullable(), count: z.number().int() })).optional(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const SurveyResults = z.object({
  surveyId: z.uuid(),
  responses: z.number().int(),
  invited: z.number().int(),
  suppressed: z.boolean(),
  questions: z.array(QuestionResult),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const SegmentComparison = z.object({
  by: SegmentBy,
  segments: z.array(z.object({ value: text(), label: text(), invited: z.number().int(), responses: z.number().int(), responseRate: z.number().nullable(), suppressed: z.boolean() })),
});
export type SegmentComparison = z.infer<typeof SegmentComparison>;

export const TextAnswersQuery = PageQuery.extend(ResultsQuery.shape).extend({ q: text().trim().max(200).optional() });
export const TextAnswer = z.object({ text: text(), submittedOn: LocalDate, city: text().nullable() });
export const TextAnswerPage = pageOf(TextAnswer);

// ---- What a city's answers tell the platform ----

/** A city's priority sectors and levers, from its latest named answer to the support-needs survey. */
export const CityPriorities = z.object({
  sectors: z.array(SectorCode),
  levers: z.array(LeverCode),
  surveyId: z.uuid(),
  surveyTitle: text(),
  answeredOn: LocalDate,
});
export type CityPriorities = z.infer<typeof CityPriorities>;

/** GET /api/cities/:slug/priorities: null while the city has not answered a support-needs survey. */
export const CityPrioritiesAnswer = z.object({ priorities: CityPriorities.nullable() });
export type CityPrioritiesAnswer = z.infer<typeof CityPrioritiesAnswer>;
