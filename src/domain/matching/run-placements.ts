import type { FacilitatorStage, FitComponent, RunContext, RunDetail, StoredAlternative, StoredFitComponent, StoredInstance, StoredReason, StoredResult } from '../../shared/matching.schemas.ts';
import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { fitLookup } from './pair-fits.ts';

// Who goes where in a stored run, why the others were not placed, and the
// study visits it decides. Figures are shown to two decimals.

/** What these functions read of a stored run. */
export interface StoredRun {
  instance: StoredInstance;
  context: RunContext;
  result: StoredResult;
  facilitators: FacilitatorStage;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A stored reason as people read it: the English text of a run stored before reasons existed is shown as it was written. */
export function storedReason(stored: StoredReason): Reason {
  return typeof stored === 'string' ? reason('STORED_TEXT', { text: stored }) : stored;
}

function fitComponent(c: StoredFitComponent): FitComponent {
  return { key: c.key, value: c.value, weight: c.weight, contribution: c.contribution, reasons: 'reasons' in c ? c.reasons : [storedReason(c.text)] };
}
const NO_TRAVEL = { km: 0, mode: 'rail' as const, co2KgReturn: 0 };

/** A city's name in the run (its id when the run does not know it). */
export function cityNamer(context: RunContext): (cityId: string) => string {
  return (cityId) => context.cities[cityId]?.name ?? cityId;
}

/** The facilitator of each visit (the visit's id is its host city's id), when the facilitator stage succeeded. */
export function facilitatorOf(stage: FacilitatorStage): Map<string, string> {
  return new Map(stage.status === 'optimal' ? stage.assignments.map((a) => [a.visit, a.facilitator]) : []);
}

/** The travel of a placed pair as stored with its fit. */
export function travelOf(context: RunContext): (visitor: string, host: string) => RunContext['fits'][number]['travel'] {
  const fitOf = fitLookup(context);
  return (visitor, host) => fitOf(visitor, host)?.travel ?? NO_TRAVEL;
}

/** The study visits a run decides: one per host with visitors, with its facilitator when there is one. */
export function placementsOf(run: StoredRun): { hostCityId: string; visitorCityIds: string[]; facilitatorId: string | null }[] {
  const facilitator = facilitatorOf(run.facilitators);
  const assignments = run.result.assignments ?? [];
  return run.instance.hosts
    .map((h) => ({ hostCityId: h.id, visitorCityIds: assignments.filter((a) => a.host === h.id).map((a) => a.applicant), facilitatorId: facilitator.get(h.id) ?? null }))
    .filter((p) => p.visitorCityIds.length > 0);
}

/** Per host: its facilitator, its visitors (best fit first) with their fit, travel and runner-up host, and who would come next. */
export function hostsOf(run: StoredRun): RunDetail['hosts'] {
  const { context, result, instance } = run;
  const name = cityNamer(context);
  const fitOf = fitLookup(context);
  const explanation = new Map((result.explanation?.applicants ?? []).map((a) => [a.applicant, a]));
  const facilitator = facilitatorOf(run.facilitators);
  const facilitatorName = new Map(context.facilitatorInput.facilitators.map((f) => [f.id, f.name]));
  const assignments = result.assignments ?? [];
  const hostAlternates = new Map((result.explanation?.hosts ?? []).map((h) => [h.host, h.alternates]));
  return instance.hosts.map((h) => {
    const fid = facilitator.get(h.id);
    return {
      cityId: h.id,
      name: h.name ?? h.id,
      country: h.country ?? '',
      capacity: h.capacity,
      facilitator: fid ? { id: fid, name: facilitatorName.get(fid) ?? '' } : null,
      visitors: assignments
        .filter((a) => a.host === h.id)
        .map((a) => {
          const fit = fitOf(a.applicant, a.host);
          const why = explanation.get(a.applicant);
          return {
            cityId: a.applicant,
            name: name(a.applicant),
            country: context.cities[a.applicant]?.country ?? '',
            score: a.score,
            locked: why?.placement?.locked ?? false,
            components: (fit?.components ?? []).map(fitComponent),
            travel: fit?.travel ?? NO_TRAVEL,
            runnerUp: why?.runnerUp ? alternative(why.runnerUp, name) : null,
          };
        })
        .sort((x, y) => y.score - x.score || x.name.localeCompare(y.name)),
      alternates: (hostAlternates.get(h.id) ?? []).map((a) => ({ cityId: a.applicant, name: name(a.applicant), score: a.score, totalDrop: round2(a.totalDrop) })),
    };
  });
}

/** The cities left without a host, each with the reason per host it was not given. */
export function unplacedOf(run: Pick<StoredRun, 'context' | 'result'>): RunDetail['unplaced'] {
  const name = cityNamer(run.context);
  const explanation = new Map((run.result.explanation?.applicants ?? []).map((a) => [a.applicant, a]));
  return (run.result.unassigned ?? []).map((cityId) => ({
    cityId,
    name: name(cityId),
    country: run.context.cities[cityId]?.country ?? '',
    reasons: (explanation.get(cityId)?.notGiven ?? []).map((n) => alternative(n, name)),
  }));
}

function alternative(n: StoredAlternative, name: (cityId: string) => string) {
  return { hostCityId: n.host, hostName: name(n.host), score: n.score, totalDrop: n.totalDrop === null ? null : round2(n.totalDrop), reason: 'why' in n ? n.why : storedReason(n.text) };
}
