import { z } from 'zod';
import { SectorCode } from './city.schemas.ts';
import { LocalDate, Instant, text } from './text.ts';
import { SupportState } from './support.schemas.ts';

// The managers' support dashboard (issue 21, docs/support.md "Dashboard"):
// requests by state, sector and country, time to a first answer, the overdue
// list, the experts' load and the cities' satisfaction, for the requests
// submitted in a period (days in Europe/Brussels), and the same requests as
// a CSV or Excel table.

/** The requests submitted from `from` to `to`, both days included, in Europe/Brussels; either left out: no bound. */
export const SupportDashboardQuery = z.object({ from: LocalDate.optional(), to: LocalDate.optional() });
export type SupportDashboardQuery = z.infer<typeof SupportDashboardQuery>;

export const SupportDashboardExportParams = z.object({ format: z.enum(['csv', 'xlsx']) });

const Count = z.number().int().min(0);

/** Median and 90th percentile (percentile_cont) of the time from submission to the first answer; null when nothing was answered. */
export const FirstAnswerTimes = z.object({
  /** Requests of the period with a first answer (an answer, or a call or peer session held). */
  answered: Count,
  medianWorkingDays: z.number().nullable(),
  p90WorkingDays: z.number().nullable(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export type FirstAnswerTimes = z.infer<typeof FirstAnswerTimes>;

export const SupportOverdueItem = z.object({
  id: z.uuid(),
  title: text(),
  city: z.object({ id: z.uuid(), name: text() }),
  expert: z.object({ id: z.uuid(), name: text() }).nullable(),
  dueAt: Instant,
  /** Working days (Brussels, Belgian holidays off) since the due date; 0 when it passed only over days off. */
  daysOverdue: Count,
});
export type SupportOverdueItem = z.infer<typeof SupportOverdueItem>;

export const SupportExpertLoad = z.object({
  id: z.uuid(),
  name: text(),
  /** Requests assigned to them and not closed, now (whatever the period). */
  openLoad: Count,
  weeklyCapacity: Count,
  /** Requests of the period assigned to them that have a first answer. */
  answeredInPeriod: Count,
  medianWorkingDays: z.number().nullable(),
  medianHours: z.number().nullable(),
});
export type SupportExpertLoad = z.infer<typeof SupportExpertLoad>;

export const SupportDashboard = z.object({
  period: z.object({ from: LocalDate.nullable(), to: LocalDate.nullable() }),
  total: Count,
  byState: z.array(z.object({ state: SupportState, count: Count })),
  /** A request naming two sectors counts once in each. */
  bySector: z.array(z.object({ sector: SectorCode, count: Count })),
  /** ISO 3166 country codes of the requesting cities. */
  byCountry: z.array(z.object({ country: text(), count: Count })),
  firstAnswer: FirstAnswerTimes,
  /** Not answered, not closed and past the due date now; oldest due first. */
  overdue: z.array(SupportOverdueItem),
  experts: z.array(SupportExpertLoad),
  satisfaction: z.object({
    ratings: Count,
    mean: z.number().nullable(),
    /** Scores 1 to 5, each with its count (zeros included). */
    byScore: z.array(z.object({ score: z.number().int().min(1).max(5), count: Count })),
    /** Ratings that came with a comment. */
    comments: Count,
  }),
  /** Answers of the period published to the library. */
  publishedAnswers: Count,
  /** Calls and peer sessions of the period after which the city wrote what it takes away. */
  takeaways: Count,
});
export type SupportDashboard = z.infer<typeof SupportDashboard>;

/** Ask a manager's "Route again" with the version read. */
export const RouteSupportRequest = z.object({ version: z.number().int().min(1) });
export type RouteSupportRequest = z.infer<typeof RouteSupportRequest>;
