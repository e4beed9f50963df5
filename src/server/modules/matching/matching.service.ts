import { createHash } from 'node:crypto';
import { DEFAULT_FIT_SETTINGS } from '../../../domain/matching/fit-model.ts';
import { matchingInputs, withProfiles } from '../../../domain/matching/matching-inputs.ts';
import { matchingSelection } from '../../../domain/matching/matching-selection.ts';
import { cityNamer, placementsOf } from '../../../domain/matching/run-placements.ts';
import { solveRun } from '../../../domain/matching/solve-run.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { MatchingOverview, MatchingRuleSettings, MatchingWeights, PairRule, PairRuleBody, RunDetail, UpdateMatchingSettingsBody } from '../../../shared/matching.schemas.ts';
import type { FieldError } from '../../../shared/problem.ts';
import type { Programme } from '../../../shared/programme.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { representativesOf } from '../applications/applications.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { programmeBySlugOrThrow } from '../programmes/programme-lookup.ts';
import { loadProgramme } from '../programmes/programmes.service.ts';
import { evaluationOverviewOf } from '../review/review.service.ts';
import { callContext } from '../programmes/calls.service.ts';
import { callsOfProgramme, type CallRow } from '../programmes/calls.repository.ts';
import { createVisits } from '../visits/visits.service.ts';
import { selectedCities } from '../visits/visits.repository.ts';
import { matchingPublishedEmail } from './matching-emails.ts';
import { presentOverview, presentRun } from './matching.presenter.ts';
import {
  applicationsOfProgramme,
  bumpSettingsVersion,
  citiesForFit,
  countRuns,
  facilitatorsWithDaysOff,
  findRun,
  insertPublication,
  insertRun,
  latestRunNumber,
  listRuns,
  pairRulesOf,
  previousRun,
  publicationOf,
  saveSettings,
  setPairRule,
  settingsRow,
  type RunRow,
} from './matching.repository.ts';

// Gathering what a run needs, storing runs, settings and pair rules, and
// publishing. Building the instance, the fit, the solve's post-processing
// and the run diff are in src/domain/matching; the API shapes in the presenter.

export const DEFAULT_WEIGHTS: MatchingWeights = {
  ...DEFAULT_FIT_SETTINGS.weights,
  railThresholdKm: DEFAULT_FIT_SETTINGS.railThresholdKm,
  travelCo2ReferenceKg: DEFAULT_FIT_SETTINGS.travelCo2ReferenceKg,
};
export const DEFAULT_RULES: MatchingRuleSettings = { maxPerCountryPerHost: null, minScore: null, placeAsManyAsPossible: true, facilitators: [] };

/** Runs `fn` in the caller's transaction when there is one (Kysely does not nest them), else in a new one. */
function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

async function currentSettings(db: Db, programmeId: string) {
  const [row, pairRules] = await Promise.all([settingsRow(db, programmeId), pairRulesOf(db, programmeId)]);
  // Settings saved before the `priorities` weight existed take its default.
  return { weights: { ...DEFAULT_WEIGHTS, ...row?.weights }, rules: row?.rules ?? DEFAULT_RULES, version: row?.version ?? 0, pairRules };
}

/** Mean weighted evaluation score (0–100, as on the selection page) per visitor application id. */
async function visitorEvaluationScores(db: Db, programme: Programme, visitorCall: CallRow, now: Date): Promise<Map<string, number | null>> {
  const overview = await evaluationOverviewOf(db, callContext(programme, visitorCall, now));
  return new Map(overview.applications.map((a) => [a.applicationId, a.score]));
}

/** Everything the matching of a programme depends on, read once. */
async function gather(db: Db, programme: Programme, now: Date) {
  const [settings, calls, selected, applications, people] = await Promise.all([
    currentSettings(db, programme.id),
    callsOfProgramme(db, programme.id),
    selectedCities(db, programme.id),
    applicationsOfProgramme(db, programme.id),
    facilitatorsWithDaysOff(db),
  ]);
  const hostsPublished = calls.some((c) => c.kind === 'host' && c.decisions_published_at !== null);
  const visitorCall = calls.find((c) => c.kind === 'visitor' && c.decisions_published_at !== null);
  const visitorsPublished = visitorCall !== undefined;
  const cities = await citiesForFit(db, [...selected.hosts, ...selected.visitors]);
  const evaluationScores = visitorCall ? await visitorEvaluationScores(db, programme, visitorCall, now) : new Map<string, number | null>();
  const selection = matchingSelection({ hostsPublished, visitorsPublished, selected, cities, applications, evaluationScores });
  const facilitators = withProfiles(people, settings.rules.facilitators);
  const visitWindow = programme.milestones.find((m) => m.kind === 'visits') ?? null;
  return { programme, settings, selection, cities, facilitators, visitWindow };
}
type Gathered = Awaited<ReturnType<typeof gather>>;

/** The run's inputs and the SHA-256 of their canonical JSON. */
function inputsOf(g: Gathered) {
  const inputs = matchingInputs({
    hosts: g.selection.hosts,
    visitors: g.selection.visitors,
    cities: g.cities,
    settings: g.settings,
    visitorsPerHost: g.programme.settings.visitorsPerHost,
    visitLengthDays: g.programme.settings.visitLengthDays,
    visitWindow: g.visitWindow,
    facilitators: g.facilitators,
  });
  return { ...inputs, inputsHash: createHash('sha256').update(inputs.hashInput).digest('hex') };
}

export async function matchingOverview(db: Db, slug: string, page: { page: number; pageSize: number }, now: Date): Promise<MatchingOverview> {
  const programme = await loadProgramme(db, slug, now);
  const g = await gather(db, programme, now);
  const [rows, total, publication] = await Promise.all([listRuns(db, programme.id, page.pageSize, (page.page - 1) * page.pageSize), countRuns(db, programme.id), publicationOf(db, programme.id)]);
  return presentOverview({ programme, selection: g.selection, settings: g.settings, facilitators: g.facilitators, runs: { rows, total, page: page.page, pageSize: page.pageSize }, publication });
}

export async function updateSettings(db: Db, input: { slug: string; body: UpdateMatchingSettingsBody; actor: CurrentUser; ip: string }) {
  const row = await programmeBySlugOrThrow(db, input.slug);
  const people = new Set((await facilitatorsWithDaysOff(db)).map((f) => f.id));
  const errors = input.body.rules.facilitators.flatMap((f, i) => (people.has(f.personId) ? [] : [fieldError(`body.rules.facilitators.${i}.personId`, reason('CHOOSE_A_FACILITATOR'))]));
  if (errors.length) throw new AppError('VALIDATION_FAILED', reason('MATCHING_SETTINGS_NOT_VALID'), { errors });
  await db.transaction().execute(async (trx) => {
    const before = await currentSettings(trx, row.id);
    const ok = await saveSettings(trx, { programmeId: row.id, weights: input.body.weights, rules: input.body.rules, expectedVersion: input.body.version, by: input.actor.id });
    if (!ok) throw new AppError('EDIT_CONFLICT', reason('MATCHING_SETTINGS_SAVED_ELSEWHERE'));
    await recordAudit(trx, { actorId: input.actor.id, action: 'matching.settings', entityType: 'programme', entityId: row.id, ip: input.ip, details: { before: { weights: before.weights, rules: before.rules }, after: { weights: input.body.weights, rules: input.body.rules } } });
  });
  return currentSettings(db, row.id);
}

/** Once a run is published the visits exist: nothing new could be published, so runs and pair rules are refused. */
const publishedFinal = (publication: { number: number }) => reason('MATCHING_PUBLISHED_FINAL', { number: publication.number });

/** Locks, forbids or frees one pair of a selected host and a selected visiting city. */
export async function changePairRule(db: Db, input: { slug: string; body: PairRuleBody; actor: CurrentUser; ip: string }) {
  const row = await programmeBySlugOrThrow(db, input.slug);
  const [selected, publication] = await Promise.all([selectedCities(db, row.id), publicationOf(db, row.id)]);
  if (publication) throw new AppError('CONFLICT', publishedFinal(publication));
  const errors: FieldError[] = [];
  if (!selected.hosts.has(input.body.hostCityId)) errors.push(fieldError('body.hostCityId', reason('PLACEMENT_NOT_A_HOST')));
  if (!selected.visitors.has(input.body.visitorCityId)) errors.push(fieldError('body.visitorCityId', reason('MATCHING_NOT_A_VISITOR')));
  if (errors.length) throw new AppError('VALIDATION_FAILED', reason('MATCHING_PAIR_NOT_VALID'), { errors });
  await db.transaction().execute(async (trx) => {
    await setPairRule(trx, { programmeId: row.id, ...input.body, by: input.actor.id });
    await bumpSettingsVersion(trx, row.id, { weights: DEFAULT_WEIGHTS, rules: DEFAULT_RULES }, input.actor.id);
    await recordAudit(trx, { actorId: input.actor.id, action: 'matching.pair_rule', entityType: 'programme', entityId: row.id, ip: input.ip, details: { after: input.body } });
  });
  return currentSettings(db, row.id);
}

/** Builds the instance from the selected cities, solves it exactly and stores inputs and result. */
export async function startRun(db: Db, input: { slug: string; settingsVersion: number; actor: Pick<CurrentUser, 'id'> | null; ip: string | null; now: Date; createdAt?: Date }) {
  const programme = await loadProgramme(db, input.slug, input.now);
  const publication = await publicationOf(db, programme.id);
  if (publication) throw new AppError('CONFLICT', publishedFinal(publication));
  const g = await gather(db, programme, input.now);
  if (g.selection.blocker) throw new AppError('CONFLICT', g.selection.blocker);
  if (input.settingsVersion !== g.settings.version) throw new AppError('EDIT_CONFLICT', reason('MATCHING_SETTINGS_CHANGED_SINCE_OPENED'));
  const inputs = inputsOf(g);
  const solved = solveRun(inputs.instance, inputs.context);
  const id = await inTransaction(db, async (trx) => {
    const number = (await latestRunNumber(trx, programme.id)) + 1;
    const runId = await insertRun(trx, {
      programmeId: programme.id,
      number,
      by: input.actor?.id ?? null,
      settingsVersion: g.settings.version,
      inputsHash: inputs.inputsHash,
      instance: inputs.instance,
      context: solved.context,
      result: solved.result,
      facilitators: solved.facilitators,
      totalCo2Kg: solved.totalCo2Kg,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    });
    await recordAudit(trx, { actorId: input.actor?.id ?? null, action: 'matching.run', entityType: 'matching_run', entityId: runId, ip: input.ip, details: { number, status: solved.result.status, objective: solved.result.objective ?? null, inputsHash: inputs.inputsHash } });
    return runId;
  });
  // Just stored: the newest run, made with the settings version read above, not published.
  return runDetail(db, await loadRun(db, id), { publishedRunId: null, pairRules: g.settings.pairRules, stale: null });
}

async function loadRun(db: Db, id: string): Promise<RunRow> {
  const run = await findRun(db, id);
  if (!run) throw new AppError('NOT_FOUND', reason('MATCHING_RUN_NOT_FOUND'));
  return run;
}

/**
 * Why a run can no longer be published (shown with the run) and the refusal
 * of its publication, or null. Cheap: versions and run numbers only.
 */
async function staleness(db: Db, run: RunRow): Promise<{ stale: Reason; refusal: Reason } | null> {
  const [latest, settings] = await Promise.all([latestRunNumber(db, run.programme_id), settingsRow(db, run.programme_id)]);
  if (latest > run.number) return { stale: reason('MATCHING_NEWER_RUN', { number: latest }), refusal: reason('MATCHING_RUN_OUT_OF_DATE_NEWER', { number: latest }) };
  if ((settings?.version ?? 0) !== run.settings_version) return { stale: reason('MATCHING_SETTINGS_CHANGED_AFTER_RUN'), refusal: reason('MATCHING_RUN_OUT_OF_DATE_SETTINGS') };
  return null;
}

/** A run as the API shows it, from what the caller already knows of its programme. */
async function runDetail(db: Db, run: RunRow, known: { publishedRunId: string | null; pairRules: PairRule[]; stale: Reason | null }): Promise<RunDetail> {
  const previous = await previousRun(db, run.programme_id, run.number);
  return presentRun(run, { ...known, previous: previous ?? null });
}

export async function getRun(db: Db, id: string): Promise<RunDetail> {
  const run = await loadRun(db, id);
  const [publication, pairRules] = await Promise.all([publicationOf(db, run.programme_id), pairRulesOf(db, run.programme_id)]);
  const publishedRunId = publication?.run_id ?? null;
  const stale = publishedRunId === run.id ? null : await staleness(db, run);
  return runDetail(db, run, { publishedRunId, pairRules, stale: stale?.stale ?? null });
}

/**
 * Publishes a run: records the decision, creates one study visit per host
 * (with its visitors and facilitator) and emails the cities' representatives,
 * all in one transaction. Refuses an infeasible run, a stale one (a newer run
 * exists, the settings or the inputs changed) and a second publication.
 */
export async function publishRun(db: Db, input: { runId: string; actor: CurrentUser; ip: string; publicUrl: string; now: Date; sendEmails?: boolean }) {
  const run = await loadRun(db, input.runId);
  if (await publicationOf(db, run.programme_id)) throw new AppError('CONFLICT', reason('MATCHING_ALREADY_PUBLISHED'));
  // The run page shows why it is infeasible; the refusal says what to do.
  if (run.status === 'infeasible') throw new AppError('CONFLICT', reason('MATCHING_RUN_INFEASIBLE'));
  const stale = await staleness(db, run);
  if (stale) throw new AppError('CONFLICT', stale.refusal);
  const g = await gather(db, await loadProgramme(db, run.programme_slug, input.now), input.now);
  if (inputsOf(g).inputsHash !== run.inputs_hash) throw new AppError('CONFLICT', reason('MATCHING_RUN_OUT_OF_DATE_INPUTS'));
  const placements = placementsOf(run);
  const name = cityNamer(run.context);

  await db.transaction().execute(async (trx) => {
    await insertPublication(trx, { programmeId: run.programme_id, runId: run.id, by: input.actor.id });
    const visits = await createVisits(trx, { slug: run.programme_slug, placements, matchingRunId: run.id, actor: input.actor, ip: input.ip });
    const visitOf = new Map(visits.map((v) => [v.host.id, v.id]));
    if (input.sendEmails !== false) {
      for (const p of placements) {
        const url = `${input.publicUrl}/visits/${visitOf.get(p.hostCityId) ?? ''}`;
        const visitors = p.visitorCityIds.map(name);
        const cities = [{ cityId: p.hostCityId, role: 'host' as const }, ...p.visitorCityIds.map((cityId) => ({ cityId, role: 'visitor' as const }))];
        for (const city of cities) {
          for (const rep of await representativesOf(trx, city.cityId)) {
            await enqueueEmail(trx, matchingPublishedEmail({ to: rep.email, name: rep.name, role: city.role, cityName: name(city.cityId), hostName: name(p.hostCityId), visitors, programmeTitle: run.programme_title, window: run.context.visitWindow, url }));
          }
        }
      }
    }
    await recordAudit(trx, { actorId: input.actor.id, action: 'matching.publish', entityType: 'matching_run', entityId: run.id, ip: input.ip, details: { number: run.number, placements, inputsHash: run.inputs_hash } });
  });
  // Published by this request, so current; the pair rules are those just gathered.
  return runDetail(db, run, { publishedRunId: run.id, pairRules: g.settings.pairRules, stale: null });
}
