import { DEFAULT_SETTINGS, type Milestone, type ProgrammeFormat, type ProgrammeSettings } from '../../domain/programmes/programme-template.ts';
import type { Criterion } from '../../shared/programme.schemas.ts';
import { insertProgramme } from '../modules/programmes/programmes.repository.ts';
import type { Db } from '../db/client.ts';
import type { DemoCalendar } from './demo-calendar.ts';
import { HOST_CRITERIA, HOST_QUESTIONS, months, VISITOR_CRITERIA, VISITOR_QUESTIONS } from './demo-programmes.ts';

const SEED_NAME = 'demo-stages-v1';

type Trx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];
type Outcome = 'selected' | 'waitlisted' | 'rejected';

const timeline = (steps: Record<Milestone['kind'], [string, string]>): Milestone[] =>
  (Object.entries(steps) as [Milestone['kind'], [string, string]][]).map(([kind, [startsOn, endsOn]]) => ({ kind, startsOn, endsOn }));

/*
 * The editions between the open host call and the finished edition, as on
 * the reference day (7 December 2026, DemoCalendar), each at its stage:
 *
 * - Twinning 2027, in evaluation: the host call closed on 30 November; the
 *   demo evaluators have host applications to evaluate by 14 December, and
 *   Ingrid Hansen (evaluator2) declared a conflict of interest on Zaragoza,
 *   which went to Tomás Herrera (manager2, also an evaluator).
 * - Twinning 2026, in selection: hosts published in July; the visitor call
 *   closed on 31 October, every application is evaluated, and the decisions
 *   (four selected, two on the waiting list, one not selected) wait to be
 *   published by 18 December; the visits run January–March 2027.
 * - Group Study Visits 2026, visitors selected and not yet matched: hosts and
 *   visitors published (the visitors completed the learning phases), no
 *   matching run yet; the visits start on 11 January 2027.
 */
const TWINNING_EVALUATION = timeline({
  discussion_groups: ['2026-05-01', '2026-09-30'],
  host_call: ['2026-10-01', '2026-11-30'],
  host_selection: ['2026-12-01', '2027-01-15'],
  visitor_call: ['2027-01-16', '2027-02-28'],
  visitor_selection: ['2027-03-01', '2027-03-31'],
  visits: ['2027-05-01', '2027-06-30'],
  follow_up: ['2027-07-01', '2028-06-30'],
});
const TWINNING_SELECTION = timeline({
  discussion_groups: ['2026-02-01', '2026-05-31'],
  host_call: ['2026-06-01', '2026-06-30'],
  host_selection: ['2026-07-01', '2026-07-31'],
  visitor_call: ['2026-09-01', '2026-10-31'],
  visitor_selection: ['2026-11-01', '2026-12-18'],
  visits: ['2027-01-18', '2027-03-31'],
  follow_up: ['2027-04-01', '2028-03-31'],
});
const GSV_SELECTED = timeline({
  discussion_groups: ['2026-03-01', '2026-07-31'],
  host_call: ['2026-08-01', '2026-08-31'],
  host_selection: ['2026-09-01', '2026-09-30'],
  visitor_call: ['2026-10-01', '2026-10-31'],
  visitor_selection: ['2026-11-01', '2026-11-30'],
  visits: ['2027-01-11', '2027-02-26'],
  follow_up: ['2027-03-01', '2028-02-29'],
});

/** Mission Cities applying to host, with their scores per criterion. */
const EVALUATION_HOSTS = ['rotterdam', 'lyon', 'aarhus', 'bologna', 'gothenburg', 'zaragoza'];
const CONFLICT_CITY = 'zaragoza';
const TWINNING_HOSTS: { slug: string; outcome: Outcome }[] = [
  { slug: 'utrecht', outcome: 'selected' },
  { slug: 'leuven', outcome: 'selected' },
  { slug: 'turku', outcome: 'selected' },
  { slug: 'porto', outcome: 'selected' },
  { slug: 'bristol', outcome: 'waitlisted' },
];
const TWINNING_VISITORS: { slug: string; outcome: Outcome }[] = [
  { slug: 'berlin', outcome: 'selected' },
  { slug: 'vienna', outcome: 'selected' },
  { slug: 'prague', outcome: 'selected' },
  { slug: 'naples', outcome: 'selected' },
  { slug: 'genoa', outcome: 'waitlisted' },
  { slug: 'strasbourg', outcome: 'waitlisted' },
  { slug: 'bergen', outcome: 'rejected' },
];
const GSV_HOSTS: { slug: string; outcome: Outcome }[] = [
  { slug: 'amsterdam', outcome: 'selected' },
  { slug: 'stockholm', outcome: 'selected' },
  { slug: 'ljubljana', outcome: 'selected' },
  { slug: 'lisbon', outcome: 'waitlisted' },
];
const GSV_VISITORS: { slug: string; outcome: Outcome }[] = [
  ...['hamburg', 'zurich', 'birmingham', 'belgrade', 'skopje', 'tirana', 'debrecen', 'nicosia', 'patras'].map((slug) => ({ slug, outcome: 'selected' as const })),
  { slug: 'amadora', outcome: 'waitlisted' },
  { slug: 'iasi', outcome: 'waitlisted' },
];
/** One city of each edition gets a representative account, to see the applicant's side. */
const REPRESENTED = ['rotterdam', 'genoa', 'hamburg'];

const HOST_ANSWERS = { motivation: 'We want to share what our Climate City Contract sets in motion.', solutions: 'See our solutions in the library.', sectors: ['energy', 'buildings'] };
const visitorAnswers = (name: string, i: number) => ({
  motivation: `${name} wants to learn how Mission Cities organise their transition.`,
  sectors: i % 2 ? ['energy', 'buildings'] : ['mobility', 'nature-based-solutions'],
  replication: 'A pilot within two years.',
  delegates: 3,
});
const REASONS: Record<Outcome, string> = {
  selected: 'Clear goals and a strong fit with the programme.',
  waitlisted: 'A good application; the places are taken.',
  rejected: 'Less fit with this edition’s themes.',
};

/**
 * Three editions at the stages between the open host call and the finished
 * edition (see above), with dates relative to the first start, so that on any
 * start date the demo has an edition at each of the five stages.
 */
export async function seedStagesDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const people = await trx.selectFrom('people').select(['id', 'email', 'password_hash']).where('email', 'like', '%@demo.peercities.eu').execute();
    const person = (email: string) => people.find((p) => p.email === email) ?? null;
    const manager = person('manager@demo.peercities.eu');
    const evaluator = person('evaluator@demo.peercities.eu');
    const evaluator2 = person('evaluator2@demo.peercities.eu');
    const manager2 = person('manager2@demo.peercities.eu');
    if (!manager || !evaluator || !evaluator2 || !manager2) return false;
    const cities = await trx.selectFrom('cities').select(['id', 'slug', 'name']).execute();
    const bySlug = new Map(cities.map((c) => [c.slug, c]));
    const seed = new StageSeeder(trx, cal, manager.id, bySlug);

    // ── Twinning 2027: host applications in evaluation, one conflict of interest.
    const twinning27 = await seed.programme('twinning', 2027, {
      slug: `twinning-${cal.year(2027)}`,
      title: `Twinning ${cal.year(2027)}`,
      description: `One-to-one pairs of cities visiting each other in ${months(cal, '2027-05-01', '2027-06-30', '–')}. The host applications are being evaluated. (Demo data.)`,
      milestones: TWINNING_EVALUATION,
      settings: { ...DEFAULT_SETTINGS.twinning, hostCount: 4 },
      publishedAt: '2026-04-15T10:00:00Z',
    });
    for (const [i, slug] of EVALUATION_HOSTS.entries()) {
      const app = await seed.apply(twinning27, 'host', slug, HOST_ANSWERS, `2026-11-${String(10 + 3 * i).padStart(2, '0')}T09:00:00Z`);
      if (!app) continue;
      await seed.assign(app, evaluator.id, '2026-12-01T09:00:00Z');
      if (slug === CONFLICT_CITY) {
        // What declaring a conflict does (evaluations.service declareConflict): the evaluator steps back, another is assigned.
        await trx
          .insertInto('evaluations')
          .values({ application_id: app, evaluator_id: evaluator2.id, scores: JSON.stringify({}), status: 'conflict', conflict_reason: 'I advised this city on its Climate City Contract last year. (Demo.)' })
          .execute();
        await seed.assign(app, manager2.id, '2026-12-02T09:00:00Z');
        continue;
      }
      await seed.assign(app, evaluator2.id, '2026-12-01T09:00:00Z');
      // Ingrid Hansen has submitted her first two; Jan Kowalski has a draft of his third.
      if (i < 2) await seed.evaluate(app, evaluator2.id, HOST_CRITERIA, [5 - i, 4, 4], '2026-12-04T15:00:00Z');
      if (i === 2) await trx.insertInto('evaluations').values({ application_id: app, evaluator_id: evaluator.id, scores: JSON.stringify({ solutions: 4 }), status: 'draft', comment: 'Strong district heating; capacity to check.' }).execute();
    }

    // ── Twinning 2026: visitors evaluated, decisions with a waiting list not yet published.
    const twinning26 = await seed.programme('twinning', 2026, {
      slug: `twinning-${cal.year(2026)}`,
      title: `Twinning ${cal.year(2026)}`,
      description: `One-to-one pairs of cities visiting each other from ${months(cal, '2027-01-18', '2027-03-31', ' to ')}. The visiting cities are being selected. (Demo data.)`,
      milestones: TWINNING_SELECTION,
      settings: { ...DEFAULT_SETTINGS.twinning, hostCount: 4 },
      publishedAt: '2026-01-15T10:00:00Z',
    });
    await seed.selection(twinning26, 'host', TWINNING_HOSTS, { applied: '2026-06-20T09:00:00Z', evaluated: '2026-07-10T10:00:00Z', decided: '2026-07-20T10:00:00Z', published: '2026-07-24T10:00:00Z' }, [evaluator.id, evaluator2.id]);
    await seed.selection(twinning26, 'visitor', TWINNING_VISITORS, { applied: '2026-10-20T09:00:00Z', evaluated: '2026-11-20T10:00:00Z', decided: '2026-12-03T10:00:00Z', published: null }, [evaluator.id, evaluator2.id]);

    // ── Group Study Visits 2026: visitors selected (after the learning phases), not yet matched.
    const gsv26 = await seed.programme('group_study_visits', 2026, {
      slug: `group-study-visits-${cal.year(2026)}`,
      title: `Group Study Visits ${cal.year(2026)}`,
      description: `Three Mission Cities host nine cities in ${months(cal, '2027-01-11', '2027-02-26')}: the visiting cities are selected and wait to be matched with their hosts. (Demo data.)`,
      milestones: GSV_SELECTED,
      settings: DEFAULT_SETTINGS.group_study_visits,
      publishedAt: '2026-02-01T10:00:00Z',
    });
    for (const v of GSV_VISITORS) {
      const city = bySlug.get(v.slug);
      if (city) await trx.insertInto('learning_completions').values({ programme_id: gsv26, city_id: city.id, marked_by: manager.id, marked_at: cal.instant('2026-07-31T12:00:00Z') }).execute();
    }
    await seed.selection(gsv26, 'host', GSV_HOSTS, { applied: '2026-08-20T09:00:00Z', evaluated: '2026-09-12T10:00:00Z', decided: '2026-09-22T10:00:00Z', published: '2026-09-25T10:00:00Z' }, [evaluator.id, evaluator2.id]);
    await seed.selection(gsv26, 'visitor', GSV_VISITORS, { applied: '2026-10-20T09:00:00Z', evaluated: '2026-11-14T10:00:00Z', decided: '2026-11-24T10:00:00Z', published: '2026-11-27T10:00:00Z' }, [evaluator.id, evaluator2.id]);

    for (const slug of REPRESENTED) {
      const city = bySlug.get(slug);
      const email = `${slug}@demo.peercities.eu`;
      if (!city || person(email)) continue;
      const { id } = await trx.insertInto('people').values({ email, name: `${city.name} representative`, password_hash: manager.password_hash }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('role_grants').values({ person_id: id, role: 'city_representative', city_id: city.id, primary_contact: true }).execute();
    }
    return true;
  });
}

class StageSeeder {
  constructor(
    private readonly trx: Trx,
    private readonly cal: DemoCalendar,
    private readonly managerId: string,
    private readonly cities: Map<string, { id: string; slug: string; name: string }>,
  ) {}

  async programme(
    format: ProgrammeFormat,
    year: number,
    p: { slug: string; title: string; description: string; milestones: Milestone[]; settings: ProgrammeSettings; publishedAt: string },
  ): Promise<string> {
    const { cal, trx } = this;
    const id = await insertProgramme(
      trx,
      { slug: p.slug, title: p.title, description: p.description, format, editionYear: cal.year(year), settings: p.settings, createdBy: this.managerId, demo: true, publishedAt: cal.instant(p.publishedAt) },
      cal.timeline(p.milestones),
    );
    for (const [kind, questions, criteria] of [
      ['host', HOST_QUESTIONS, HOST_CRITERIA],
      ['visitor', VISITOR_QUESTIONS, VISITOR_CRITERIA],
    ] as const) {
      await trx.updateTable('calls').set({ questions: JSON.stringify(questions), criteria: JSON.stringify(criteria) }).where('programme_id', '=', id).where('kind', '=', kind).execute();
    }
    return id;
  }

  private async callId(programmeId: string, kind: 'host' | 'visitor') {
    return (await this.trx.selectFrom('calls').select('id').where('programme_id', '=', programmeId).where('kind', '=', kind).executeTakeFirstOrThrow()).id;
  }

  /** A submitted application, or null when the city is missing (a registry without it). */
  async apply(programmeId: string, kind: 'host' | 'visitor', citySlug: string, answers: Record<string, string | string[] | number>, submittedAt: string): Promise<string | null> {
    const city = this.cities.get(citySlug);
    if (!city) return null;
    const at = this.cal.instant(submittedAt);
    const { id } = await this.trx
      .insertInto('applications')
      .values({ call_id: await this.callId(programmeId, kind), city_id: city.id, status: 'submitted', answers: JSON.stringify(answers), submitted_at: at, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async assign(applicationId: string, evaluatorId: string, at: string) {
    await this.trx.insertInto('evaluator_assignments').values({ application_id: applicationId, evaluator_id: evaluatorId, assigned_by: this.managerId, assigned_at: this.cal.instant(at) }).execute();
  }

  async evaluate(applicationId: string, evaluatorId: string, criteria: Criterion[], base: readonly number[], at: string) {
    const scores = Object.fromEntries(criteria.map((c, i) => [c.id, Math.max(1, Math.min(c.scaleMax, base[i] ?? 3))]));
    await this.trx
      .insertInto('evaluations')
      .values({ application_id: applicationId, evaluator_id: evaluatorId, scores: JSON.stringify(scores), comment: 'Demo evaluation.', status: 'submitted', submitted_at: this.cal.instant(at) })
      .execute();
  }

  /**
   * A call evaluated by both evaluators, with scores that rank the cities in
   * the order given, and its decisions (published, or waiting to be).
   */
  async selection(
    programmeId: string,
    kind: 'host' | 'visitor',
    entrants: readonly { slug: string; outcome: Outcome }[],
    at: { applied: string; evaluated: string; decided: string; published: string | null },
    evaluatorIds: readonly string[],
  ) {
    const criteria = kind === 'host' ? HOST_CRITERIA : VISITOR_CRITERIA;
    let waitlist = 0;
    for (const [i, e] of entrants.entries()) {
      const city = this.cities.get(e.slug);
      if (!city) continue;
      const app = await this.apply(programmeId, kind, e.slug, kind === 'host' ? HOST_ANSWERS : visitorAnswers(city.name, i), at.applied);
      if (!app) continue;
      for (const [k, evaluatorId] of evaluatorIds.entries()) {
        await this.assign(app, evaluatorId, at.applied);
        await this.evaluate(app, evaluatorId, criteria, [5 - Math.floor(i / 3), 5 - (i % 3 === 2 ? 1 : 0) - k, 4 - Math.floor(i / 5)], at.evaluated);
      }
      await this.trx
        .insertInto('application_decisions')
        .values({ application_id: app, outcome: e.outcome, reason: REASONS[e.outcome], waitlist_position: e.outcome === 'waitlisted' ? ++waitlist : null, decided_by: this.managerId, decided_at: this.cal.instant(at.decided) })
        .execute();
    }
    if (at.published) {
      await this.trx.updateTable('calls').set({ decisions_published_at: this.cal.instant(at.published) }).where('id', '=', await this.callId(programmeId, kind)).execute();
    }
  }
}
