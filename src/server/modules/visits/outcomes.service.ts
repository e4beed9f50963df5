import type { ProgrammeOutcomes } from '../../../shared/outcomes.schemas.ts';
import type { Db } from '../../db/client.ts';
import { listPlans, programmeImpact } from './follow-up.service.ts';
import { participantsOfVisits, travelOfVisits, visitRows } from './visits.repository.ts';
import { programmeBySlugOrThrow } from '../programmes/programme-lookup.ts';

const city = (c: { name: string; slug: string; country: string }) => ({ name: c.name, slug: c.slug, country: c.country });

/**
 * What a programme achieved, for its public page: only visits whose dates
 * were confirmed, and only cities, solutions and counts — the response is
 * built field by field so that no personal data can slip in with a row.
 */
export async function programmeOutcomes(db: Db, slug: string): Promise<ProgrammeOutcomes> {
  const programme = await programmeBySlugOrThrow(db, slug);
  const rows = (await visitRows(db, { programmeId: programme.id })).filter((r) => r.schedule_confirmed_at !== null);
  const ids = rows.map((r) => r.id);
  const [participants, travel] = await Promise.all([participantsOfVisits(db, ids), travelOfVisits(db, ids)]);
  const visits = [];
  for (const r of rows) {
    const plans = await listPlans(db, r.id);
    visits.push({
      id: r.id,
      host: { name: r.host_name, slug: r.host_slug, country: r.host_country },
      visitors: participants.filter((p) => p.visit_id === r.id).map(city),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      plans: plans.length,
      replicated: plans.filter((p) => p.status === 'done').length,
      inProgress: plans.filter((p) => p.status === 'in_progress').length,
      replications: plans.map((p) => ({ city: p.cityName, title: p.title, solutionId: p.solutionId, solutionTitle: p.solutionTitle, status: p.status })),
    });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const visiting = new Map(visits.flatMap((v) => v.visitors).map((c) => [c.slug, c]));
  return {
    programme: { slug: programme.slug, title: programme.title, editionYear: programme.edition_year },
    hosts: visits.map((v) => v.host).sort(byName),
    visitingCities: [...visiting.values()].sort(byName),
    visits,
    travelCo2Kg: Math.round(travel.reduce((s, t) => s + t.co2_kg, 0)),
    impact: await programmeImpact(db, programme.id),
  };
}
