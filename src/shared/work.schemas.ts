import { z } from 'zod';
import { ApplicationStatus } from './programme.schemas.ts';
import { Reason } from './reason.ts';
import { Role } from './roles.ts';
import { text } from './text.ts';

/** The queues of the start page, by the role they serve (docs/decisions/0016-work-queues.md). */
export const WorkSectionKind = z.enum([
  // programme managers
  'calls_closing',
  'applications_to_assign',
  'evaluations_overdue',
  'decisions_to_publish',
  'visits_to_confirm',
  'feedback_missing',
  'registrations_to_decide',
  // evaluators
  'evaluations_to_do',
  // facilitators
  'next_meetings',
  'attendance_to_record',
  'threads_waiting',
  'visits_to_accompany',
  // city representatives
  'city_deadlines',
  'city_applications',
  'city_groups',
  'city_visits',
  'city_follow_up',
  'city_claims',
  // experts
  'support_requests',
]);
export type WorkSectionKind = z.infer<typeof WorkSectionKind>;

/** Overdue: its date has passed; soon: within days; later: nothing presses. */
export const Urgency = z.enum(['overdue', 'soon', 'later']);
export type Urgency = z.infer<typeof Urgency>;

/** How to read an item's date: a deadline, a call's closing, a start, when it was held, since when it waits. */
export const WorkDateMeaning = z.enum(['due', 'closes', 'starts', 'held', 'since']);
export type WorkDateMeaning = z.infer<typeof WorkDateMeaning>;

export const WorkItem = z.object({
  /** Stable and unique on the page (and the key of the reminders sent about it). */
  key: text(),
  /** What it is, as a reason code with parameters (names, counts): the web app shows it translated. */
  label: Reason,
  /** How many (applications, cities, evaluations), when the label counts something. */
  count: z.number().int().min(0).nullable(),
  /** An instant (ISO 8601); `dateMeaning` says how to read it. */
  date: text().nullable(),
  dateMeaning: WorkDateMeaning.nullable(),
  urgency: Urgency,
  /** The application's status, for a city's applications. */
  status: ApplicationStatus.nullable(),
  /** The page of the web app where the work is done. */
  link: text(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const WorkSection = z.object({
  kind: WorkSectionKind,
  role: Role,
  /** The most urgent items first; at most WORK_ITEMS_SHOWN of them. */
  items: z.array(WorkItem),
  /** How many items there are in all. */
  total: z.number().int().min(0),
  /** Where to see them all, when the section has a page of its own. */
  link: text().nullable(),
});
export type WorkSection = z.infer<typeof WorkSection>;

/** GET /api/me/work: a section for each queue of each role the person holds, the most urgent first, empty ones last. */
export const MyWork = z.object({ sections: z.array(WorkSection) });
export type MyWork = z.infer<typeof MyWork>;

/** Items a section lists; the rest are counted in `total`. */
export const WORK_ITEMS_SHOWN = 20;
