import { diffRuns } from '../../../domain/matching/run-diff.ts';
import type { MatchingFacilitator } from '../../../domain/matching/matching-inputs.ts';
import type { MatchingSelection } from '../../../domain/matching/matching-selection.ts';
import { cityNamer, hostsOf, storedReason, travelOf, unplacedOf } from '../../../domain/matching/run-placements.ts';
import type { MatchingOverview, MatchingSettings, PairRule, RunDetail, RunSummary } from '../../../shared/matching.schemas.ts';
import type { Programme } from '../../../shared/programme.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { listRuns, previousRun, publicationOf, RunRow } from './matching.repository.ts';

type SummaryRow = Awaited<ReturnType<typeof listRuns>>[number];
type PreviousRow = NonNullable<Awaited<ReturnType<typeof previousRun>>>;
type PublicationRow = NonNullable<Awaited<ReturnType<typeof publicationOf>>>;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A run as listed: who ran it and when, its status, total fit and counts. */
function presentRunSummary(r: SummaryRow, publishedRunId: string | null): RunSummary {
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

/** The run page: placements with their fit, unplaced cities with reasons, the change from the previous run, the map. */
export function presentRun(run: RunRow, facts: { publishedRunId: string | null; previous: PreviousRow | null; pairRules: PairRule[]; stale: Reason | null }): RunDetail {
  const { context, result, instance } = run;
  const travel = travelOf(context);
  const points = [
    ...instance.hosts.map((h) => ({ id: h.id, name: h.name ?? h.id, kind: 'host' as const })),
    ...instance.applicants.map((a) => ({ id: a.id, name: a.name ?? a.id, kind: 'visitor' as const })),
  ].flatMap((p) => {
    const c = context.cities[p.id];
    return c ? [{ ...p, latitude: c.latitude, longitude: c.longitude }] : [];
  });
  const lines = (result.assignments ?? []).map((a) => {
    const t = travel(a.applicant, a.host);
    return { from: a.applicant, to: a.host, mode: t.mode, km: t.km, co2Kg: t.co2KgReturn };
  });
  return {
    ...presentRunSummary(run, facts.publishedRunId),
    programmeSlug: run.programme_slug,
    programmeTitle: run.programme_title,
    inputsHash: run.inputs_hash,
    settingsVersion: run.settings_version,
    reason: result.status === 'infeasible' ? storedReason(result.reason ?? reason('MATCHING_RULES_UNMET')) : null,
    stale: facts.stale,
    hosts: hostsOf(run),
    unplaced: unplacedOf(run),
    pairRules: facts.pairRules,
    facilitatorStage:
      run.facilitators.status === 'optimal'
        ? { status: 'optimal', reason: null, warnings: run.facilitators.warnings.map(storedReason) }
        : { status: run.facilitators.status, reason: storedReason(run.facilitators.reason), warnings: [] },
    diff: facts.previous ? diffRuns(facts.previous, run, cityNamer(context)) : null,
    points,
    lines,
  };
}

/** The matching page: the programme, who takes part, settings, facilitators, runs and the publication. */
export function presentOverview(i: {
  programme: Programme;
  selection: MatchingSelection;
  settings: MatchingSettings;
  facilitators: readonly MatchingFacilitator[];
  runs: { rows: SummaryRow[]; total: number; page: number; pageSize: number };
  publication: PublicationRow | undefined;
}): MatchingOverview {
  const { programme, publication } = i;
  return {
    programme: { slug: programme.slug, title: programme.title, timeZone: programme.settings.timeZone, visitorsPerHost: programme.settings.visitorsPerHost },
    selection: i.selection,
    settings: i.settings,
    facilitators: i.facilitators.map((f) => ({ id: f.id, name: f.name, languages: f.languages, maxVisits: f.maxVisits, daysOff: f.daysOff.length })),
    runs: { items: i.runs.rows.map((r) => presentRunSummary(r, publication?.run_id ?? null)), total: i.runs.total, page: i.runs.page, pageSize: i.runs.pageSize },
    published: publication ? { runId: publication.run_id, number: publication.number, publishedAt: new Date(publication.published_at).toISOString(), publishedBy: publication.published_by_name } : null,
  };
}
