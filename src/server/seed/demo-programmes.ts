import { DEFAULT_SETTINGS, defaultTimeline } from '../../domain/programmes/programme-template.ts';
import type { Criterion, Question } from '../../shared/programme.schemas.ts';
import { insertProgramme } from '../modules/programmes/programmes.repository.ts';
import type { Db } from '../db/client.ts';
import type { DemoCalendar } from './demo-calendar.ts';

export const HOST_QUESTIONS: Question[] = [
  { id: 'motivation', type: 'long_text', label: 'Why does your city want to host a Group Study Visit?', help: '', required: true, options: [], maxLength: 3000 },
  { id: 'solutions', type: 'long_text', label: 'Which of your solutions could visitors see on site?', help: 'Name the sites and what makes them worth a visit.', required: true, options: [], maxLength: 3000 },
  { id: 'sectors', type: 'sectors', label: 'Sectors the visit would cover', help: '', required: true, options: [] },
  { id: 'dates', type: 'preferred_dates', label: 'Dates in May–June that suit you', help: '', required: false, options: [] },
];
export const HOST_CRITERIA: Criterion[] = [
  { id: 'solutions', name: 'Solutions worth visiting', weight: 3, scaleMax: 5 },
  { id: 'capacity', name: 'Capacity to host and facilitate', weight: 2, scaleMax: 5 },
  { id: 'fit', name: 'Fit with the visiting cities’ interests', weight: 1, scaleMax: 5 },
];
export const VISITOR_QUESTIONS: Question[] = [
  { id: 'motivation', type: 'long_text', label: 'What does your city want to learn, and why now?', help: '', required: true, options: [], maxLength: 3000 },
  { id: 'sectors', type: 'sectors', label: 'Sectors of interest', help: '', required: true, options: [] },
  { id: 'replication', type: 'long_text', label: 'What could you replicate within two years?', help: '', required: true, options: [], maxLength: 3000 },
  { id: 'delegates', type: 'delegates', label: 'Number of delegates', help: 'Up to three people.', required: true, options: [] },
  { id: 'language', type: 'single_choice', label: 'Working language of your delegation', help: '', required: false, options: ['English', 'French', 'German', 'Spanish', 'Italian'] },
];
export const VISITOR_CRITERIA: Criterion[] = [
  { id: 'motivation', name: 'Motivation and learning goals', weight: 2, scaleMax: 5 },
  { id: 'replication', name: 'Replication potential', weight: 3, scaleMax: 5 },
  { id: 'commitment', name: 'Political commitment', weight: 1, scaleMax: 5 },
];

const HOSTS_2025 = [
  { slug: 'valencia', score: [5, 5, 4], outcome: 'selected' },
  { slug: 'milan', score: [5, 4, 5], outcome: 'selected' },
  { slug: 'espoo', score: [4, 5, 4], outcome: 'selected' },
  { slug: 'vitoria-gasteiz', score: [4, 3, 4], outcome: 'waitlisted' },
  { slug: 'dunkerque', score: [3, 3, 3], outcome: 'rejected' },
] as const;

// Aspiring cities of the library's demo set (src/server/seed/demo-solutions-data.ts).
const VISITORS_2025 = ['cologne', 'bilbao', 'graz', 'ghent', 'brno', 'gdansk', 'oulu', 'plovdiv', 'tallinn', 'freiburg', 'galway', 'maribor'];

const SEED_NAME = 'demo-programmes-v1';

/** The slugs of the finished edition and of the one whose host call is open, on this calendar. */
export const finishedEditionSlug = (cal: DemoCalendar) => `group-study-visits-${cal.year(2025)}`;
export const openEditionSlug = (cal: DemoCalendar) => `group-study-visits-${cal.year(2027)}`;

/**
 * The programmes' demo data: the finished 2025 Group Study Visits (hosts,
 * visitors, scores, published decisions) for the reports and the matching,
 * and the 2027 edition whose host call opened on 1 December 2026 — dates
 * of the reference day, moved to the first start (DemoCalendar).
 */
export async function seedProgrammesDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const manager = await trx.selectFrom('people').select('id').where('email', '=', 'manager@demo.peercities.eu').executeTakeFirst();
    const evaluators = await trx.selectFrom('people').select(['id', 'email']).where('email', 'in', ['evaluator@demo.peercities.eu', 'evaluator2@demo.peercities.eu']).orderBy('email').execute();
    const cities = await trx.selectFrom('cities').select(['id', 'slug', 'kind', 'name']).execute();
    const bySlug = new Map(cities.map((c) => [c.slug, c]));

    const create = async (year: number, slug: string, title: string, description: string) => {
      const id = await insertProgramme(
        trx,
        // Published in the spring before the edition's discussion groups.
        { slug, title, description, format: 'group_study_visits', editionYear: cal.year(year), settings: DEFAULT_SETTINGS.group_study_visits, createdBy: manager?.id ?? null, demo: true, publishedAt: cal.instant(`${year - 1}-05-15T10:00:00Z`) },
        cal.timeline(defaultTimeline(year)),
      );
      for (const [kind, questions, criteria] of [
        ['host', HOST_QUESTIONS, HOST_CRITERIA],
        ['visitor', VISITOR_QUESTIONS, VISITOR_CRITERIA],
      ] as const) {
        await trx.updateTable('calls').set({ questions: JSON.stringify(questions), criteria: JSON.stringify(criteria) }).where('programme_id', '=', id).where('kind', '=', kind).execute();
      }
      return id;
    };

    const p2025 = await create(
      2025,
      finishedEditionSlug(cal),
      `Group Study Visits ${cal.year(2025)}`,
      `The first edition: three Mission Cities hosted nine cities aiming for climate neutrality by 2050, in ${months(cal, '2025-05-01', '2025-06-30')}. (Demo data.)`,
    );
    await create(
      2027,
      openEditionSlug(cal),
      `Group Study Visits ${cal.year(2027)}`,
      `Mission Cities: express your interest to host a two-day Group Study Visit in ${months(cal, '2027-05-01', '2027-06-30', '–')}. The host call runs through ${cal.month(cal.date('2026-12-31'))}. (Demo data.)`,
    );

    const calls = await trx.selectFrom('calls').select(['id', 'kind']).where('programme_id', '=', p2025).execute();
    const callId = (kind: 'host' | 'visitor') => calls.find((c) => c.kind === kind)?.id ?? '';

    const apply = async (kind: 'host' | 'visitor', citySlug: string, answers: Record<string, string | string[] | number>, submittedAt: string) => {
      const city = bySlug.get(citySlug);
      if (!city) return null;
      const { id } = await trx
        .insertInto('applications')
        .values({ call_id: callId(kind), city_id: city.id, status: 'submitted', answers: JSON.stringify(answers), submitted_at: cal.instant(submittedAt), created_at: cal.instant(submittedAt), updated_at: cal.instant(submittedAt) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id, city };
    };
    const evaluate = async (applicationId: string, criteria: Criterion[], base: readonly number[]) => {
      for (const [k, ev] of evaluators.entries()) {
        const scores = Object.fromEntries(criteria.map((c, i) => [c.id, Math.max(0, Math.min(c.scaleMax, (base[i] ?? 3) - (k === 1 && i === 0 ? 1 : 0)))]));
        await trx.insertInto('evaluator_assignments').values({ application_id: applicationId, evaluator_id: ev.id, assigned_by: manager?.id ?? null }).execute();
        await trx
          .insertInto('evaluations')
          .values({ application_id: applicationId, evaluator_id: ev.id, scores: JSON.stringify(scores), comment: 'Demo evaluation.', status: 'submitted', submitted_at: cal.instant('2025-01-15T10:00:00Z') })
          .execute();
      }
    };
    const decide = async (applicationId: string, outcome: 'selected' | 'waitlisted' | 'rejected', reason: string, waitlistPosition: number | null, at: string) => {
      await trx.insertInto('application_decisions').values({ application_id: applicationId, outcome, reason, waitlist_position: waitlistPosition, decided_by: manager?.id ?? null, decided_at: cal.instant(at) }).execute();
    };

    let waitlist = 0;
    for (const h of HOSTS_2025) {
      const a = await apply('host', h.slug, { motivation: 'We want to share what our Climate City Contract sets in motion.', solutions: 'See our solutions in the library.', sectors: ['energy', 'buildings'] }, '2024-12-12T09:00:00Z');
      if (!a) continue;
      await evaluate(a.id, HOST_CRITERIA, h.score);
      await decide(a.id, h.outcome, h.outcome === 'selected' ? 'Strong solutions to visit and capacity to host.' : h.outcome === 'waitlisted' ? 'Very close: first on the waiting list.' : 'Fewer visitable sites this year.', h.outcome === 'waitlisted' ? ++waitlist : null, '2025-01-20T10:00:00Z');
    }

    const visitorSlugs = VISITORS_2025.filter((s) => bySlug.get(s)?.kind === 'aspiring');
    const fallback = cities.filter((c) => c.kind === 'aspiring' && !visitorSlugs.includes(c.slug)).map((c) => c.slug);
    const visitors = [...visitorSlugs, ...fallback].slice(0, 12);
    waitlist = 0;
    for (const [i, slug] of visitors.entries()) {
      const city = bySlug.get(slug);
      if (!city) continue;
      await trx.insertInto('learning_completions').values({ programme_id: p2025, city_id: city.id, marked_by: manager?.id ?? null, marked_at: cal.instant('2024-11-30T12:00:00Z') }).execute();
      const a = await apply(
        'visitor',
        slug,
        { motivation: `${city.name} wants to learn how Mission Cities organise their transition.`, sectors: i % 2 ? ['energy', 'buildings'] : ['mobility', 'nature-based-solutions'], replication: 'A pilot within two years.', delegates: 3 },
        '2025-02-20T09:00:00Z',
      );
      if (!a) continue;
      const base = [5 - (i % 4 === 3 ? 2 : 0), 5 - Math.floor(i / 3), 4];
      await evaluate(a.id, VISITOR_CRITERIA, base);
      const outcome = i < 9 ? 'selected' : 'waitlisted';
      await decide(a.id, outcome, outcome === 'selected' ? 'Clear learning goals and strong replication potential.' : 'Good application; the visits are full.', outcome === 'waitlisted' ? ++waitlist : null, '2025-03-20T10:00:00Z');
    }
    await trx.updateTable('calls').set({ decisions_published_at: cal.instant('2025-01-24T10:00:00Z') }).where('id', '=', callId('host')).execute();
    await trx.updateTable('calls').set({ decisions_published_at: cal.instant('2025-03-24T10:00:00Z') }).where('id', '=', callId('visitor')).execute();
    return true;
  });
}

/** "May and June 2025" (or "December 2026 and January 2027" across a year) for two dates of the seed files, moved. */
export function months(cal: DemoCalendar, from: string, to: string, between = ' and '): string {
  const [a, b] = [cal.month(cal.date(from)), cal.month(cal.date(to))];
  const [ma, ya] = a.split(' ');
  const [mb, yb] = b.split(' ');
  if (a === b) return a;
  return ya === yb ? `${ma}${between}${mb} ${ya}` : `${a}${between}${b}`;
}
