import { median, percentileCont } from '../../../domain/support/percentiles.ts';
import { workingDaysBetween, workingDaysOverdue } from '../../../domain/support/working-days.ts';
import { addDays, localDateAt, zonedToUtc } from '../../../domain/time/zoned-time.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { FirstAnswerTimes, SupportDashboard, SupportDashboardQuery } from '../../../shared/support-dashboard.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Table } from '../../lib/table-export.ts';
import { SUPPORT_CALENDAR } from './support-calendar.ts';
import { dashboardCounts, dashboardRequests, type DashboardPeriod, type DashboardRequestRow } from './support-dashboard.repository.ts';
import { expertsWithProfiles } from './support.repository.ts';

const TZ = SUPPORT_CALENDAR.timeZone;
const oneDecimal = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The instants of a period of days in Brussels: from the start of `from` to the start of the day after `to`. 400 when `from` is after `to`. */
export function periodOf(query: SupportDashboardQuery): DashboardPeriod {
  if (query.from && query.to && query.from > query.to) {
    throw new AppError('VALIDATION_FAILED', reason('SUPPORT_DASHBOARD_PERIOD'), { errors: [fieldError('querystring.to', reason('SUPPORT_DASHBOARD_PERIOD'))] });
  }
  return {
    from: query.from ? zonedToUtc(query.from, '00:00:00', TZ) : null,
    to: query.to ? zonedToUtc(addDays(query.to, 1), '00:00:00', TZ) : null,
  };
}

const answered = (rows: readonly DashboardRequestRow[]) => rows.filter((r): r is DashboardRequestRow & { first_answered_at: Date } => r.first_answered_at !== null);
const workingDaysToAnswer = (r: { created_at: Date; first_answered_at: Date }) => workingDaysBetween(new Date(r.created_at), new Date(r.first_answered_at), SUPPORT_CALENDAR);
const hoursToAnswer = (r: { created_at: Date; first_answered_at: Date }) => (new Date(r.first_answered_at).getTime() - new Date(r.created_at).getTime()) / 3_600_000;

/** Median and 90th percentile of the time to a first answer, in working days (Brussels, Belgian holidays off) and in hours. */
export function firstAnswerTimes(rows: readonly DashboardRequestRow[]): FirstAnswerTimes {
  const done = answered(rows);
  const days = done.map(workingDaysToAnswer);
  const hours = done.map(hoursToAnswer);
  return {
    answered: done.length,
    medianWorkingDays: oneDecimal(median(days)),
    p90WorkingDays: oneDecimal(percentileCont(days, 0.9)),
    medianHours: oneDecimal(median(hours)),
    p90Hours: oneDecimal(percentileCont(hours, 0.9)),
  };
}

const time = (d: Date) => new Date(d).getTime();
const isOverdue = (r: DashboardRequestRow, now: Date) => r.first_answered_at === null && r.state !== 'closed' && new Date(r.first_answer_due_at).getTime() < now.getTime();

/** The managers' support dashboard for the requests submitted in the period (docs/support.md, "Dashboard"). */
export async function supportDashboard(db: Db, input: { query: SupportDashboardQuery; now: Date }): Promise<SupportDashboard> {
  const period = periodOf(input.query);
  const [rows, counts, experts] = await Promise.all([dashboardRequests(db, period), dashboardCounts(db, period), expertsWithProfiles(db)]);
  const overdue = rows
    .filter((r) => isOverdue(r, input.now))
    .sort((a, b) => time(a.first_answer_due_at) - time(b.first_answer_due_at) || time(a.created_at) - time(b.created_at) || a.id.localeCompare(b.id))
    .map((r) => ({
      id: r.id,
      title: r.title,
      city: { id: r.city_id, name: r.city_name },
      expert: r.expert_id && r.expert_name !== null ? { id: r.expert_id, name: r.expert_name } : null,
      dueAt: new Date(r.first_answer_due_at).toISOString(),
      daysOverdue: workingDaysOverdue(new Date(r.first_answer_due_at), input.now, SUPPORT_CALENDAR),
    }));
  return {
    period: { from: input.query.from ?? null, to: input.query.to ?? null },
    total: rows.length,
    byState: counts.byState,
    bySector: counts.bySector,
    byCountry: counts.byCountry,
    firstAnswer: firstAnswerTimes(rows),
    overdue,
    experts: experts
      .map((e) => {
        const mine = answered(rows.filter((r) => r.expert_id === e.id));
        return {
          id: e.id,
          name: e.name,
          openLoad: e.openLoad,
          weeklyCapacity: e.weeklyCapacity,
          answeredInPeriod: mine.length,
          medianWorkingDays: oneDecimal(median(mine.map(workingDaysToAnswer))),
          medianHours: oneDecimal(median(mine.map(hoursToAnswer))),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id)),
    satisfaction: {
      ratings: counts.ratings,
      mean: counts.mean === null ? null : Math.round(counts.mean * 100) / 100,
      byScore: [1, 2, 3, 4, 5].map((score) => ({ score, count: counts.byScore.get(score) ?? 0 })),
      comments: counts.comments,
    },
    publishedAnswers: counts.publishedAnswers,
    takeaways: counts.takeaways,
  };
}

/** A moment as people in Brussels read it: 2026-12-07 11:00. */
const local = (d: Date) => `${localDateAt(d, TZ)} ${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TZ }).format(d)}`;

/** The requests of the period, one row each, for CSV or Excel (times in Brussels). */
export async function supportRequestsTable(db: Db, input: { query: SupportDashboardQuery; now: Date }): Promise<Table> {
  const rows = await dashboardRequests(db, periodOf(input.query));
  return {
    sheetName: 'Support requests',
    columns: [
      { header: 'id', width: 38 },
      { header: 'submitted (Brussels)', width: 18 },
      { header: 'city', width: 20 },
      { header: 'country', width: 8 },
      { header: 'sectors', width: 28 },
      { header: 'levers', width: 28 },
      { header: 'kind', width: 12 },
      { header: 'state', width: 12 },
      { header: 'expert', width: 22 },
      { header: 'first answer at (Brussels)', width: 18 },
      { header: 'working days to first answer', width: 12 },
      { header: 'overdue', width: 9 },
      { header: 'rating', width: 8 },
    ],
    rows: rows.map((r) => [
      r.id,
      local(new Date(r.created_at)),
      r.city_name,
      r.city_country,
      r.sectors.join('; '),
      r.levers.join('; '),
      r.kind,
      r.state,
      r.expert_name ?? '',
      r.first_answered_at ? local(new Date(r.first_answered_at)) : '',
      r.first_answered_at ? workingDaysToAnswer({ created_at: r.created_at, first_answered_at: r.first_answered_at }) : null,
      isOverdue(r, input.now),
      r.rating,
    ]),
  };
}
