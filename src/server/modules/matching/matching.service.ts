import { createHash } from 'node:crypto';
import { assignFacilitators } from '../../../domain/matching/facilitator-assignment.ts';
import { DEFAULT_FIT_SETTINGS, scoreFit, type FitApplicant, type FitHost } from '../../../domain/matching/fit-model.ts';
import { matchingInstance } from '../../../domain/matching/matching-instance.ts';
import { solveMatching } from '../../../domain/matching/solve-matching.ts';
import { SECTORS } from '../../../domain/reference/sectors.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type {
  CandidateCity,
  FacilitatorStage,
  MatchingOverview,
  MatchingRuleSettings,
  MatchingWeights,
  PairRuleBody,
  RunContext,
  RunDetail,
  RunSummary,
  StoredInstance,
  StoredResult,
  UpdateMatchingSettingsBody,
} from '../../../shared/matching.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { representativesOf } from '../applications/applications.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { loadProgramme } from '../programmes/programmes.service.ts';
import { evaluationOverview } from '../review/review.service.ts';
import { createVisits } from '../visits/visits.service.ts';
import { selectedCities } from '../visits/visits.repository.ts';
import { matchingPublishedEmail } from './matching-emails.ts';
import {
  applicationsOfProgramme,
  bumpSettingsVersion,
  callsOf,
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
import { programmeBySlugOrThrow } from '../programmes/programme-lookup.ts';

export const DEFAULT_WEIGHTS: MatchingWeights = {
  ...DEFAULT_FIT_SETTINGS.weights,
  railThresholdKm: DEFAULT_FIT_SETTINGS.railThresholdKm,
  travelCo2ReferenceKg: DEFAULT_FIT_SETTINGS.travelCo2ReferenceKg,
};
export const DEFAULT_RULES: MatchingRuleSettings = { maxPerCountryPerHost: null, minScore: null, placeAsManyAsPossible: true, facilitators: [] };
/** Every visit can work in the programme's language; a facilitator who also speaks the host's language is preferred. */
const SHARED_LANGUAGES = ['en'];
const DEFAULT_FACILITATOR = { languages: ['en'], maxVisits: 1 };
const SECTOR_CODES = new Set<string>(SECTORS.map((s) => s.code));

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Runs `fn` in the caller's transaction when there is one (Kysely does not nest them), else in a new one. */
function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

async function currentSettings(db: Db, programmeId: string) {
  const [row, pairRules] = await Promise.all([settingsRow(db, programmeId), pairRulesOf(db, programmeId)]);
  return { weights: row?.weights ?? DEFAULT_WEIGHTS, rules: row?.rules ?? DEFAULT_RULES, version: row?.version ?? 0, pairRules };
}

/** Sector codes found in an application's answers (the "sectors" question, whatever its id). */
function sectorsIn(answers: Record<string, unknown>): string[] {
  const found = new Set<string>();
  for (const value of Object.values(answers)) {
    if (Array.isArray(value)) for (const item of value) if (typeof item === 'string' && SECTOR_CODES.has(item)) found.add(item);
  }
  return [...found];
}

/** Whether a facilitator has `length` consecutive free days inside the window. */
function hasFreeStretch(daysOff: readonly string[], window: { startsOn: string; endsOn: string }, length: number): boolean {
  const off = new Set(daysOff);
  let run = 0;
  for (let d = new Date(`${window.startsOn}T00:00:00Z`); d.toISOString().slice(0, 10) <= window.endsOn; d.setUTCDate(d.getUTCDate() + 1)) {
    run = off.has(d.toISOString().slice(0, 10)) ? 0 : run + 1;
    if (run >= length) return true;
  }
  return false;
}

/** JSON with keys in sorted order, so equal inputs hash equally whatever their construction order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Everything the matching of a programme depends on, read once. */
async function gather(db: Db, slug: string, now: Date) {
  const row = await programmeBySlugOrThrow(db, slug);
  const programme = await loadProgramme(db, slug, now);
  const [settings, calls, selected, applications, facilitators] = await Promise.all([
    currentSettings(db, row.id),
    callsOf(db, row.id),
    selectedCities(db, row.id),
    applicationsOfProgramme(db, row.id),
    facilitatorsWithDaysOff(db),
  ]);
  const hostsPublished = calls.some((c) => c.kind === 'host' && c.decisions_published_at !== null);
  const visitorsPublished = calls.some((c) => c.kind === 'visitor' && c.decisions_published_at !== null);
  const cities = await citiesForFit(db, [...selected.hosts, ...selected.visitors]);
  // Evaluation scores of the visiting cities' applications (0–100).
  const scoreOf = new Map<string, number | null>();
  if (visitorsPublished) {
    const overview = await evaluationOverview(db, slug, 'visitor', now);
    const byApplication = new Map(overview.applications.map((a) => [a.applicationId, a.score]));
    for (const a of applications) if (a.kind === 'visitor') scoreOf.set(a.city_id, byApplication.get(a.id) ?? null);
  }
  const answerSectors = new Map<string, string[]>();
  for (const a of applications) answerSectors.set(`${a.kind}:${a.city_id}`, sectorsIn(a.answers));
  const candidate = (c: (typeof cities)[number], kind: 'host' | 'visitor'): CandidateCity => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    country: c.country,
    latitude: c.latitude,
    longitude: c.longitude,
    languages: c.languages,
    sectors: [...new Set([...(kind === 'host' ? c.solution_sectors : c.sectors_of_interest), ...(answerSectors.get(`${kind}:${c.id}`) ?? [])])].sort(),
    evaluationScore: kind === 'visitor' ? (scoreOf.get(c.id) ?? null) : null,
  });
  const hosts = hostsPublished ? cities.filter((c) => selected.hosts.has(c.id)).map((c) => candidate(c, 'host')) : [];
  const visitors = visitorsPublished ? cities.filter((c) => selected.visitors.has(c.id)).map((c) => candidate(c, 'visitor')) : [];
  const blocker = !hostsPublished
    ? 'The host selection is not published yet: matching starts once the selected hosts and visiting cities are published.'
    : !visitorsPublished
      ? 'The visiting cities’ selection is not published yet: matching starts once it is.'
      : hosts.length === 0
        ? 'No host city is selected.'
        : visitors.length === 0
          ? 'No visiting city is selected.'
          : null;
  const profile = new Map(settings.rules.facilitators.map((f) => [f.personId, f]));
  const facilitatorList = facilitators.map((f) => ({ id: f.id, name: f.name, daysOff: f.daysOff, languages: profile.get(f.id)?.languages ?? DEFAULT_FACILITATOR.languages, maxVisits: profile.get(f.id)?.maxVisits ?? DEFAULT_FACILITATOR.maxVisits }));
  const visitWindow = programme.milestones.find((m) => m.kind === 'visits') ?? null;
  return { row, programme, settings, hostsPublished, visitorsPublished, blocker, hosts, visitors, cities, facilitators: facilitatorList, visitWindow };
}
type Gathered = Awaited<ReturnType<typeof gather>>;

/** The solver's instance, every pair's fit, the facilitator stage's inputs and their hash. */
function buildInputs(g: Gathered) {
  const { weights, rules, pairRules } = g.settings;
  const fitSettings = { weights: { thematic: weights.thematic, evaluation: weights.evaluation, likeness: weights.likeness, language: weights.language, travel: weights.travel }, evaluationMax: 100, railThresholdKm: weights.railThresholdKm, travelCo2ReferenceKg: weights.travelCo2ReferenceKg };
  const full = new Map(g.cities.map((c) => [c.id, c]));
  const asFitHost = (h: CandidateCity): FitHost => {
    const c = full.get(h.id);
    return { id: h.id, name: h.name, country: h.country, latitude: h.latitude, longitude: h.longitude, languages: h.languages, solutions: h.sectors, ...(c?.region ? { region: c.region } : {}), ...(c?.population ? { population: c.population } : {}) };
  };
  const asFitApplicant = (v: CandidateCity): FitApplicant => {
    const c = full.get(v.id);
    return {
      id: v.id,
      name: v.name,
      country: v.country,
      latitude: v.latitude,
      longitude: v.longitude,
      languages: v.languages,
      sectors: v.sectors,
      solutionsOfInterest: [],
      ...(v.evaluationScore !== null ? { evaluationScore: v.evaluationScore } : {}),
      ...(c?.region ? { region: c.region } : {}),
      ...(c?.population ? { population: c.population } : {}),
    };
  };
  const hostIds = new Set(g.hosts.map((h) => h.id));
  const visitorIds = new Set(g.visitors.map((v) => v.id));
  const fits: RunContext['fits'] = [];
  const pairs: StoredInstance['pairs'] = [];
  for (const v of g.visitors) {
    for (const h of g.hosts) {
      if (v.id === h.id) continue;
      const fit = scoreFit(asFitApplicant(v), asFitHost(h), fitSettings);
      pairs.push({ applicant: v.id, host: h.id, score: fit.score });
      fits.push({ visitor: v.id, host: h.id, score: fit.score, components: fit.components, travel: { km: round1(fit.travel.greatCircleKm), mode: fit.travel.mode, co2KgReturn: round1(fit.travel.co2KgReturn) } });
    }
  }
  const applies = (r: { hostCityId: string; visitorCityId: string }) => hostIds.has(r.hostCityId) && visitorIds.has(r.visitorCityId);
  const instance: StoredInstance = {
    hosts: g.hosts.map((h) => ({ id: h.id, name: h.name, country: h.country, capacity: g.programme.settings.visitorsPerHost })),
    applicants: g.visitors.map((v) => ({ id: v.id, name: v.name, country: v.country })),
    pairs,
    rules: {
      placeAsManyAsPossible: rules.placeAsManyAsPossible,
      locked: pairRules.filter((r) => r.rule === 'locked' && applies(r)).map((r) => ({ applicant: r.visitorCityId, host: r.hostCityId })),
      forbidden: pairRules.filter((r) => r.rule === 'forbidden' && applies(r)).map((r) => ({ applicant: r.visitorCityId, host: r.hostCityId })),
      ...(rules.maxPerCountryPerHost !== null ? { maxPerCountryPerHost: rules.maxPerCountryPerHost } : {}),
      ...(rules.minScore !== null ? { minScore: rules.minScore } : {}),
    },
  };
  const window = g.visitWindow ? { startsOn: g.visitWindow.startsOn, endsOn: g.visitWindow.endsOn } : null;
  const facilitators = g.facilitators.map((f) => ({
    id: f.id,
    name: f.name,
    languages: f.languages,
    maxVisits: f.maxVisits,
    availability: window && hasFreeStretch(f.daysOff, window, g.programme.settings.visitLengthDays) ? [{ from: window.startsOn, to: window.endsOn }] : [],
  }));
  const cities: RunContext['cities'] = {};
  for (const c of [...g.hosts, ...g.visitors]) cities[c.id] = { name: c.name, slug: c.slug, country: c.country, latitude: c.latitude, longitude: c.longitude, languages: c.languages };
  const context: RunContext = {
    cities,
    fits,
    weights,
    rules,
    visitWindow: window,
    // Visits are filled in after the solve (hosts that receive visitors).
    facilitatorInput: { visits: [], facilitators, sharedLanguages: SHARED_LANGUAGES, preferences: [] },
  };
  const inputsHash = createHash('sha256')
    .update(canonical({ instance, fitSettings, facilitators, sharedLanguages: SHARED_LANGUAGES, window, visitLengthDays: g.programme.settings.visitLengthDays }))
    .digest('hex');
  return { instance, context, inputsHash };
}

/** The solver names cities by id (the instance's ids are city ids); people read names. */
function withNames(text: string, context: RunContext): string {
  return Object.entries(context.cities).reduce((out, [cityId, city]) => out.replaceAll(cityId, city.name), text);
}

/** Solves the instance exactly, explains it, then assigns one facilitator per visit. */
function solve(inputs: ReturnType<typeof buildInputs>) {
  const { instance, context } = inputs;
  const solved = solveMatching(matchingInstance(instance), { explain: true });
  const result: StoredResult =
    solved.status === 'infeasible'
      ? { status: 'infeasible', reason: withNames(solved.reason, context) }
      : {
          status: solved.status,
          objective: solved.objective,
          assignments: solved.assignments,
          unassigned: solved.unassigned,
          ...(solved.gap !== undefined ? { gap: solved.gap } : {}),
          ...(solved.explanation
            ? {
                explanation: {
                  applicants: solved.explanation.applicants.map((a) => ({
                    applicant: a.applicant,
                    placement: a.placement,
                    runnerUp: a.runnerUp ? { host: a.runnerUp.host, score: a.runnerUp.score, totalDrop: a.runnerUp.totalDrop, text: a.runnerUp.text } : null,
                    notGiven: a.notGiven.map((n) => ({ host: n.host, score: n.score, totalDrop: n.totalDrop, text: n.text })),
                  })),
                  hosts: solved.explanation.hosts,
                },
              }
            : {}),
        };

  let facilitators: FacilitatorStage;
  let totalCo2Kg: number | null = null;
  if (solved.status === 'infeasible') {
    facilitators = { status: 'skipped', reason: 'The matching is infeasible, so no visit needs a facilitator yet.' };
  } else {
    const fitOf = new Map(context.fits.map((f) => [`${f.visitor}|${f.host}`, f]));
    totalCo2Kg = round1(solved.assignments.reduce((sum, a) => sum + (fitOf.get(`${a.applicant}|${a.host}`)?.travel.co2KgReturn ?? 0), 0));
    const hostsWithVisitors = [...new Set(solved.assignments.map((a) => a.host))];
    const window = context.visitWindow;
    if (!window) {
      facilitators = { status: 'skipped', reason: 'The programme has no study visits window.' };
    } else {
      const visits = instance.hosts
        .filter((h) => hostsWithVisitors.includes(h.id))
        .map((h) => ({ id: h.id, host: h.name ?? h.id, languages: context.cities[h.id]?.languages ?? [], start: window.startsOn, end: window.endsOn }));
      const preferences = visits.flatMap((v) =>
        context.facilitatorInput.facilitators.filter((f) => f.languages.some((l) => v.languages.includes(l))).map((f) => ({ facilitator: f.id, visit: v.id, score: 1 })),
      );
      context.facilitatorInput.visits = visits;
      context.facilitatorInput.preferences = preferences;
      if (!context.facilitatorInput.facilitators.length) facilitators = { status: 'infeasible', reason: 'Nobody holds the facilitator role yet.' };
      else {
        const named = new Map(context.facilitatorInput.facilitators.map((f) => [f.id, f.name]));
        const assigned = assignFacilitators(visits, context.facilitatorInput.facilitators, { sharedLanguages: context.facilitatorInput.sharedLanguages, preferences });
        // Reasons name people, not ids.
        const readable = (text: string) => [...named].reduce((s, [id, name]) => s.replaceAll(id, name), [...visits].reduce((s, v) => s.replaceAll(`visit ${v.id}`, `the visit to ${v.host}`).replaceAll(v.id, v.host), text));
        facilitators = assigned.status === 'optimal' ? { ...assigned, warnings: assigned.warnings.map(readable) } : { status: 'infeasible', reason: readable(assigned.reason) };
      }
    }
  }
  return { result, facilitators, totalCo2Kg };
}

export async function matchingOverview(db: Db, slug: string, page: { page: number; pageSize: number }, now: Date): Promise<MatchingOverview> {
  const g = await gather(db, slug, now);
  const [rows, total, publication] = await Promise.all([listRuns(db, g.row.id, page.pageSize, (page.page - 1) * page.pageSize), countRuns(db, g.row.id), publicationOf(db, g.row.id)]);
  return {
    programme: { slug: g.row.slug, title: g.row.title, timeZone: g.programme.settings.timeZone, visitorsPerHost: g.programme.settings.visitorsPerHost },
    selection: { hostsPublished: g.hostsPublished, visitorsPublished: g.visitorsPublished, blocker: g.blocker, hosts: g.hosts, visitors: g.visitors },
    settings: g.settings,
    facilitators: g.facilitators.map((f) => ({ id: f.id, name: f.name, languages: f.languages, maxVisits: f.maxVisits, daysOff: f.daysOff.length })),
    runs: { items: rows.map((r) => summaryOf(r, publication?.run_id ?? null)), total, page: page.page, pageSize: page.pageSize },
    published: publication ? { runId: publication.run_id, number: publication.number, publishedAt: new Date(publication.published_at).toISOString(), publishedBy: publication.published_by_name } : null,
  };
}

function summaryOf(r: { id: string; number: number; created_at: Date; created_by_name: string | null; status: RunSummary['status']; objective: number | null; result: StoredResult; total_co2_kg: number | null }, publishedRunId: string | null): RunSummary {
  return {
    id: r.id,
    number: r.number,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by_name,
    status: r.status,
    objective: r.objective === null ? null : round2(r.objective),
    placed: r.result.assignments?.length ?? 0,
    unplaced: r.result.unassigned?.length ?? 0,
    totalCo2Kg: r.total_co2_kg,
    published: r.id === publishedRunId,
  };
}

export async function updateSettings(db: Db, input: { slug: string; body: UpdateMatchingSettingsBody; actor: CurrentUser; ip: string }) {
  const row = await programmeBySlugOrThrow(db, input.slug);
  const people = new Set((await facilitatorsWithDaysOff(db)).map((f) => f.id));
  const errors = input.body.rules.facilitators.flatMap((f, i) => (people.has(f.personId) ? [] : [{ field: `body.rules.facilitators.${i}.personId`, message: 'Choose a person with the facilitator role.' }]));
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'Some settings are not valid.', { errors });
  await db.transaction().execute(async (trx) => {
    const before = await currentSettings(trx, row.id);
    const ok = await saveSettings(trx, { programmeId: row.id, weights: input.body.weights, rules: input.body.rules, expectedVersion: input.body.version, by: input.actor.id });
    if (!ok) throw new AppError('EDIT_CONFLICT', 'The matching settings were changed elsewhere since you opened them. Reload the page and try again.');
    await recordAudit(trx, { actorId: input.actor.id, action: 'matching.settings', entityType: 'programme', entityId: row.id, ip: input.ip, details: { before: { weights: before.weights, rules: before.rules }, after: { weights: input.body.weights, rules: input.body.rules } } });
  });
  return currentSettings(db, row.id);
}

/** Locks, forbids or frees one pair of a selected host and a selected visiting city. */
export async function changePairRule(db: Db, input: { slug: string; body: PairRuleBody; actor: CurrentUser; ip: string }) {
  const row = await programmeBySlugOrThrow(db, input.slug);
  const selected = await selectedCities(db, row.id);
  const errors = [];
  if (!selected.hosts.has(input.body.hostCityId)) errors.push({ field: 'body.hostCityId', message: 'Not a selected host of this programme.' });
  if (!selected.visitors.has(input.body.visitorCityId)) errors.push({ field: 'body.visitorCityId', message: 'Not a selected visiting city of this programme.' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'The pair is not valid.', { errors });
  await db.transaction().execute(async (trx) => {
    await setPairRule(trx, { programmeId: row.id, ...input.body, by: input.actor.id });
    await bumpSettingsVersion(trx, row.id, { weights: DEFAULT_WEIGHTS, rules: DEFAULT_RULES }, input.actor.id);
    await recordAudit(trx, { actorId: input.actor.id, action: 'matching.pair_rule', entityType: 'programme', entityId: row.id, ip: input.ip, details: { after: input.body } });
  });
  return currentSettings(db, row.id);
}

/** Builds the instance from the selected cities, solves it exactly and stores inputs and result. */
export async function startRun(db: Db, input: { slug: string; settingsVersion: number; actor: Pick<CurrentUser, 'id'> | null; ip: string | null; now: Date; createdAt?: Date }) {
  const g = await gather(db, input.slug, input.now);
  if (g.blocker) throw new AppError('CONFLICT', g.blocker);
  if (input.settingsVersion !== g.settings.version) throw new AppError('EDIT_CONFLICT', 'The matching settings changed since you opened the page. Reload it to see them, then run again.');
  const inputs = buildInputs(g);
  const solved = solve(inputs);
  const id = await inTransaction(db, async (trx) => {
    const number = (await latestRunNumber(trx, g.row.id)) + 1;
    const runId = await insertRun(trx, {
      programmeId: g.row.id,
      number,
      by: input.actor?.id ?? null,
      settingsVersion: g.settings.version,
      inputsHash: inputs.inputsHash,
      instance: inputs.instance,
      context: inputs.context,
      result: solved.result,
      facilitators: solved.facilitators,
      totalCo2Kg: solved.totalCo2Kg,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    });
    await recordAudit(trx, { actorId: input.actor?.id ?? null, action: 'matching.run', entityType: 'matching_run', entityId: runId, ip: input.ip, details: { number, status: solved.result.status, objective: solved.result.objective ?? null, inputsHash: inputs.inputsHash } });
    return runId;
  });
  return getRun(db, id);
}

async function loadRun(db: Db, id: string): Promise<RunRow> {
  const run = await findRun(db, id);
  if (!run) throw new AppError('NOT_FOUND', 'There is no such matching run.');
  return run;
}

/** Why a run can no longer be published, or null. Cheap: versions and run numbers only. */
async function staleness(db: Db, run: RunRow): Promise<string | null> {
  const [latest, settings] = await Promise.all([latestRunNumber(db, run.programme_id), settingsRow(db, run.programme_id)]);
  if (latest > run.number) return `A newer run (number ${latest}) exists: publish that one, or run again.`;
  if ((settings?.version ?? 0) !== run.settings_version) return 'The matching settings or locked and forbidden pairs changed after this run: run again before publishing.';
  return null;
}

export async function getRun(db: Db, id: string): Promise<RunDetail> {
  const run = await loadRun(db, id);
  const [publication, previous, pairRules] = await Promise.all([publicationOf(db, run.programme_id), previousRun(db, run.programme_id, run.number), pairRulesOf(db, run.programme_id)]);
  const published = publication?.run_id === run.id;
  const stale = published ? null : await staleness(db, run);
  const { context, result, instance } = run;
  const name = (cityId: string) => context.cities[cityId]?.name ?? cityId;
  const fitOf = new Map(context.fits.map((f) => [`${f.visitor}|${f.host}`, f]));
  const explanation = new Map((result.explanation?.applicants ?? []).map((a) => [a.applicant, a]));
  const alternative = (n: { host: string; score: number; totalDrop: number | null; text: string }) => ({ hostCityId: n.host, hostName: name(n.host), score: n.score, totalDrop: n.totalDrop === null ? null : round2(n.totalDrop), text: n.text });
  const facilitatorOf = new Map(run.facilitators.status === 'optimal' ? run.facilitators.assignments.map((a) => [a.visit, a.facilitator]) : []);
  const facilitatorName = new Map(context.facilitatorInput.facilitators.map((f) => [f.id, f.name]));
  const assignments = result.assignments ?? [];
  const hostAlternates = new Map((result.explanation?.hosts ?? []).map((h) => [h.host, h.alternates]));

  const hosts = instance.hosts.map((h) => {
    const fid = facilitatorOf.get(h.id);
    return {
      cityId: h.id,
      name: h.name ?? h.id,
      country: h.country ?? '',
      capacity: h.capacity,
      facilitator: fid ? { id: fid, name: facilitatorName.get(fid) ?? '' } : null,
      visitors: assignments
        .filter((a) => a.host === h.id)
        .map((a) => {
          const fit = fitOf.get(`${a.applicant}|${a.host}`);
          const why = explanation.get(a.applicant);
          return {
            cityId: a.applicant,
            name: name(a.applicant),
            country: context.cities[a.applicant]?.country ?? '',
            score: a.score,
            locked: why?.placement?.locked ?? false,
            components: fit?.components ?? [],
            travel: fit?.travel ?? { km: 0, mode: 'rail' as const, co2KgReturn: 0 },
            runnerUp: why?.runnerUp ? alternative(why.runnerUp) : null,
          };
        })
        .sort((x, y) => y.score - x.score || x.name.localeCompare(y.name)),
      alternates: (hostAlternates.get(h.id) ?? []).map((a) => ({ cityId: a.applicant, name: name(a.applicant), score: a.score, totalDrop: round2(a.totalDrop) })),
    };
  });
  const unplaced = (result.unassigned ?? []).map((cityId) => ({
    cityId,
    name: name(cityId),
    country: context.cities[cityId]?.country ?? '',
    reasons: (explanation.get(cityId)?.notGiven ?? []).map(alternative),
  }));

  let diff: RunDetail['diff'] = null;
  if (previous) {
    const before = new Map((previous.result.assignments ?? []).map((a) => [a.applicant, a.host]));
    const after = new Map(assignments.map((a) => [a.applicant, a.host]));
    const ids = [...new Set([...before.keys(), ...after.keys(), ...instance.applicants.map((a) => a.id)])];
    const moved = ids
      .filter((cityId) => (before.get(cityId) ?? null) !== (after.get(cityId) ?? null))
      .map((cityId) => {
        const from = before.get(cityId);
        const to = after.get(cityId);
        return { cityId, name: name(cityId), from: from ? name(from) : null, to: to ? name(to) : null };
      })
      .sort((x, y) => x.name.localeCompare(y.name));
    diff = {
      previousRunId: previous.id,
      previousNumber: previous.number,
      objectiveChange: run.objective !== null && previous.objective !== null ? round2(run.objective - previous.objective) : null,
      moved,
    };
  }

  const points = [
    ...instance.hosts.map((h) => ({ id: h.id, name: h.name ?? h.id, kind: 'host' as const })),
    ...instance.applicants.map((a) => ({ id: a.id, name: a.name ?? a.id, kind: 'visitor' as const })),
  ].flatMap((p) => {
    const c = context.cities[p.id];
    return c ? [{ ...p, latitude: c.latitude, longitude: c.longitude }] : [];
  });
  const lines = assignments.map((a) => {
    const travel = fitOf.get(`${a.applicant}|${a.host}`)?.travel ?? { km: 0, mode: 'rail' as const, co2KgReturn: 0 };
    return { from: a.applicant, to: a.host, mode: travel.mode, km: travel.km, co2Kg: travel.co2KgReturn };
  });

  return {
    ...summaryOf(run, publication?.run_id ?? null),
    programmeSlug: run.programme_slug,
    programmeTitle: run.programme_title,
    inputsHash: run.inputs_hash,
    settingsVersion: run.settings_version,
    reason: result.status === 'infeasible' ? (result.reason ?? 'The rules cannot all be met.') : null,
    stale,
    hosts,
    unplaced,
    pairRules,
    facilitatorStage:
      run.facilitators.status === 'optimal'
        ? { status: 'optimal', reason: null, warnings: run.facilitators.warnings }
        : { status: run.facilitators.status, reason: run.facilitators.reason, warnings: [] },
    diff,
    points,
    lines,
  };
}

/**
 * Publishes a run: records the decision, creates one study visit per host
 * (with its visitors and facilitator) and emails the cities' representatives,
 * all in one transaction. Refuses an infeasible run, a stale one (a newer run
 * exists, the settings or the inputs changed) and a second publication.
 */
export async function publishRun(db: Db, input: { runId: string; actor: CurrentUser; ip: string; publicUrl: string; now: Date; sendEmails?: boolean }) {
  const run = await loadRun(db, input.runId);
  if (await publicationOf(db, run.programme_id)) throw new AppError('CONFLICT', 'The matching of this programme is already published.');
  if (run.status === 'infeasible') throw new AppError('CONFLICT', `This run is infeasible and cannot be published: ${run.result.reason ?? 'the rules cannot all be met'}. Change the rules and run again.`);
  const stale = await staleness(db, run);
  if (stale) throw new AppError('CONFLICT', `This run is out of date. ${stale}`);
  const current = buildInputs(await gather(db, run.programme_slug, input.now));
  if (current.inputsHash !== run.inputs_hash) {
    throw new AppError('CONFLICT', 'This run is out of date. The selected cities or their data changed after it: run again before publishing.');
  }
  const facilitatorOf = new Map(run.facilitators.status === 'optimal' ? run.facilitators.assignments.map((a) => [a.visit, a.facilitator]) : []);
  const assignments = run.result.assignments ?? [];
  const placements = run.instance.hosts
    .map((h) => ({ hostCityId: h.id, visitorCityIds: assignments.filter((a) => a.host === h.id).map((a) => a.applicant), facilitatorId: facilitatorOf.get(h.id) ?? null }))
    .filter((p) => p.visitorCityIds.length > 0);
  const name = (id: string) => run.context.cities[id]?.name ?? id;

  await db.transaction().execute(async (trx) => {
    await insertPublication(trx, { programmeId: run.programme_id, runId: run.id, by: input.actor.id });
    const visits = await createVisits(trx, { slug: run.programme_slug, placements, matchingRunId: run.id, actor: input.actor, ip: input.ip });
    const visitOf = new Map(visits.map((v) => [v.host.id, v.id]));
    if (input.sendEmails !== false) {
      for (const p of placements) {
        const url = `${input.publicUrl}/visits/${visitOf.get(p.hostCityId) ?? ''}`;
        const visitors = p.visitorCityIds.map(name);
        for (const rep of await representativesOf(trx, p.hostCityId)) {
          await enqueueEmail(trx, matchingPublishedEmail({ to: rep.email, name: rep.name, role: 'host', cityName: name(p.hostCityId), hostName: name(p.hostCityId), visitors, programmeTitle: run.programme_title, window: run.context.visitWindow, url }));
        }
        for (const v of p.visitorCityIds) {
          for (const rep of await representativesOf(trx, v)) {
            await enqueueEmail(trx, matchingPublishedEmail({ to: rep.email, name: rep.name, role: 'visitor', cityName: name(v), hostName: name(p.hostCityId), visitors, programmeTitle: run.programme_title, window: run.context.visitWindow, url }));
          }
        }
      }
    }
    await recordAudit(trx, { actorId: input.actor.id, action: 'matching.publish', entityType: 'matching_run', entityId: run.id, ip: input.ip, details: { number: run.number, placements, inputsHash: run.inputs_hash } });
  });
  return getRun(db, run.id);
}
