import { buildCalendar } from '../../../domain/calendar/ics.ts';
import { delegationTravel } from '../../../domain/visits/delegation-travel.ts';
import { scheduleVisits } from '../../../domain/visits/schedule-visits.ts';
import { publicHolidays } from '../../lib/public-holidays.ts';
import { localDateAt, zonedToUtc } from '../../../domain/time/zoned-time.ts';
import { agendaClosedReason, overlappingItem } from '../../../domain/visits/agenda-rules.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Visit, VisitSummary } from '../../../shared/visit.schemas.ts';
import type { Db } from '../../db/client.ts';
import type { FieldError } from '../../../shared/problem.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { holdersOfRole } from '../people/people.repository.ts';
import { enqueueEmails } from '../email/outbox.repository.ts';
import { loadProgramme } from '../programmes/programmes.service.ts';
import { scheduleConfirmedEmail } from './visit-emails.ts';
import { isHostOf, mayArrangeVisit, mayNameDelegates, mayPlanVisit, maySeeDelegatesOf, takesPartIn, visitingCitiesOf, type VisitParties } from './visits.policy.ts';
import {
  agendaOf,
  confirmSchedule,
  delegatesOf,
  facilitatorDaysOff,
  insertVisit,
  selectedCities,
  insertAgendaItem,
  participantsOfVisits,
  replaceDelegation,
  setHostUnavailable,
  setVisitDates,
  travelOfVisits,
  visitAudience,
  visitRows,
  type VisitRow,
} from './visits.repository.ts';
import { programmeBySlugOrThrow } from '../programmes/programme-lookup.ts';

type Participants = Awaited<ReturnType<typeof participantsOfVisits>>;
type Travel = Awaited<ReturnType<typeof travelOfVisits>>;

function summaryOf(v: VisitRow, participants: Participants, travel: Travel): VisitSummary {
  return {
    id: v.id,
    programmeSlug: v.programme_slug,
    host: { id: v.host_city_id, name: v.host_name, slug: v.host_slug, country: v.host_country },
    visitors: participants.filter((p) => p.visit_id === v.id).map((p) => ({ id: p.id, name: p.name, slug: p.slug, country: p.country })),
    facilitator: v.facilitator_name,
    startsOn: v.starts_on,
    endsOn: v.ends_on,
    confirmed: v.schedule_confirmed_at !== null,
    co2Kg: Math.round(travel.filter((t) => t.visit_id === v.id).reduce((s, t) => s + t.co2_kg, 0) * 10) / 10,
  };
}

async function loadVisit(db: Db, id: string) {
  const [row] = await visitRows(db, { visitId: id });
  if (!row) throw new AppError('NOT_FOUND', reason('VISIT_NOT_FOUND'));
  return row;
}

const partiesOf = (v: VisitRow, visitorCityIds: readonly string[] = []): VisitParties => ({ hostCityId: v.host_city_id, facilitatorId: v.facilitator_id, visitorCityIds });

export async function listVisits(db: Db, slug: string): Promise<VisitSummary[]> {
  return visitSummaries(db, (await programmeBySlugOrThrow(db, slug)).id);
}

async function visitSummaries(db: Db, programmeId: string): Promise<VisitSummary[]> {
  const rows = await visitRows(db, { programmeId });
  const ids = rows.map((r) => r.id);
  const [participants, travel] = await Promise.all([participantsOfVisits(db, ids), travelOfVisits(db, ids)]);
  return rows.map((r) => summaryOf(r, participants, travel));
}

export async function getVisit(db: Db, id: string, user: CurrentUser | null): Promise<Visit> {
  return presentVisit(db, await loadVisit(db, id), user);
}

/** A visit row with its cities, agenda and travel, and the personal data this person may see. */
async function presentVisit(db: Db, v: VisitRow, user: CurrentUser | null): Promise<Visit> {
  const id = v.id;
  const [participants, travel, agenda] = await Promise.all([participantsOfVisits(db, [id]), travelOfVisits(db, [id]), agendaOf(db, id)]);
  const summary = summaryOf(v, participants, travel);
  const parties = partiesOf(v, summary.visitors.map((c) => c.id));
  const delegates = takesPartIn(user, parties) ? await delegatesOf(db, id) : null;
  return {
    ...summary,
    agenda: agenda.map((a) => ({ id: a.id, day: a.day, startsAt: a.starts_at.slice(0, 5), endsAt: a.ends_at.slice(0, 5), kind: a.kind, title: a.title, place: a.place, solutionId: a.solution_id })),
    travel: travel.map((t) => ({ cityId: t.city_id, mode: t.mode, distanceKm: t.distance_km, travellers: t.travellers, co2Kg: t.co2_kg })),
    delegates:
      delegates === null
        ? null
        : delegates
            .filter((d) => maySeeDelegatesOf(user, parties, d.city_id))
            .map((d) => ({ id: d.id, cityId: d.city_id, name: d.name, roleTitle: d.role_title, email: d.email, dietary: d.dietary, accessNeeds: d.access_needs })),
    hostUnavailable: mayArrangeVisit(user, parties) ? v.host_unavailable : null,
    viewer: { canPlan: mayPlanVisit(user, parties), visitingCityIds: visitingCitiesOf(user, parties), isHost: isHostOf(user, parties) },
    version: v.version,
  };
}

/**
 * Proposes dates for every visit of a programme inside its visits window,
 * respecting host and facilitator unavailability and manager-fixed dates;
 * with `apply` the proposal is written (still to be confirmed).
 */
export async function proposeSchedule(db: Db, input: { slug: string; fixed: { visitId: string; startsOn: string }[]; apply: boolean; actor: CurrentUser; ip: string; now: Date }) {
  const programme = await loadProgramme(db, input.slug, input.now);
  const window = programme.milestones.find((m) => m.kind === 'visits');
  if (!window) throw new AppError('CONFLICT', reason('VISITS_NO_WINDOW'));
  const rows = await visitRows(db, { programmeId: programme.id });
  if (!rows.length) throw new AppError('CONFLICT', reason('VISITS_NONE_TO_SCHEDULE'));
  const fixed = new Map(input.fixed.map((f) => [f.visitId, f.startsOn]));
  const facilitatorIds = [...new Set(rows.flatMap((r) => (r.facilitator_id ? [r.facilitator_id] : [])))];
  const daysOff = await facilitatorDaysOff(db, facilitatorIds);
  // The public holidays of each host's country in the window (decision 0018), looked up here so the scheduler stays pure.
  const holidays = new Map([...new Set(rows.map((r) => r.host_country))].map((country) => [country, publicHolidays(country, window.startsOn, window.endsOn)]));
  const result = scheduleVisits(
    rows.map((r) => ({
      id: r.id,
      hostName: r.host_name,
      facilitatorId: r.facilitator_id,
      facilitatorName: r.facilitator_name,
      hostUnavailable: r.host_unavailable,
      hostHolidays: holidays.get(r.host_country) ?? [],
      fixedStart: fixed.get(r.id) ?? null,
    })),
    facilitatorIds.map((id) => ({ id, unavailable: daysOff.filter((d) => d.person_id === id).map((d) => d.day) })),
    { windowStart: window.startsOn, windowEnd: window.endsOn, lengthDays: programme.settings.visitLengthDays, daysWithoutVisits: programme.settings.daysWithoutVisits },
  );
  if (result.status === 'conflict') return result;
  if (input.apply) {
    await db.transaction().execute(async (trx) => {
      for (const v of result.visits) await setVisitDates(trx, v.id, v.start, v.end);
      await recordAudit(trx, { actorId: input.actor.id, action: 'visits.schedule', entityType: 'programme', entityId: programme.id, ip: input.ip, details: { after: result.visits } });
    });
  }
  const host = new Map(rows.map((r) => [r.id, r.host_name]));
  return { status: 'scheduled' as const, applied: input.apply, visits: result.visits.map((v) => ({ ...v, host: host.get(v.id) ?? '' })), avoided: result.avoided };
}

/** Fixes the schedule and tells everyone involved, by email. */
export async function confirmVisits(db: Db, input: { slug: string; actor: CurrentUser; ip: string; publicUrl: string }) {
  const programme = await programmeBySlugOrThrow(db, input.slug);
  const rows = await visitRows(db, { programmeId: programme.id });
  const undated = rows.filter((r) => !r.starts_on);
  if (!rows.length) throw new AppError('CONFLICT', reason('VISITS_NONE_YET'));
  if (undated.length) throw new AppError('CONFLICT', reason('VISITS_UNDATED', { hosts: undated.map((r) => r.host_name).join(', ') }));
  await db.transaction().execute(async (trx) => {
    await confirmSchedule(trx, programme.id);
    for (const r of rows) {
      const audience = await visitAudience(trx, r.id);
      await enqueueEmails(
        trx,
        audience.map((person) => scheduleConfirmedEmail({ to: person.email, name: person.name, hostName: r.host_name, programmeTitle: programme.title, startsOn: r.starts_on ?? '', endsOn: r.ends_on ?? '', url: `${input.publicUrl}/visits/${r.id}` })),
      );
    }
    await recordAudit(trx, { actorId: input.actor.id, action: 'visits.confirm_schedule', entityType: 'programme', entityId: programme.id, ip: input.ip });
  });
  return visitSummaries(db, programme.id);
}

export async function updateHostUnavailable(db: Db, input: { visitId: string; dates: string[]; user: CurrentUser; ip: string }) {
  const v = await loadVisit(db, input.visitId);
  if (!mayArrangeVisit(input.user, partiesOf(v))) throw new AppError('FORBIDDEN', reason('VISIT_HOST_DATES_PARTIES_ONLY'));
  await db.transaction().execute(async (trx) => {
    await setHostUnavailable(trx, v.id, [...new Set(input.dates)].sort());
    await recordAudit(trx, { actorId: input.user.id, action: 'visit.host_unavailable', entityType: 'visit', entityId: v.id, ip: input.ip, details: { before: v.host_unavailable, after: input.dates } });
  });
  return getVisit(db, v.id, input.user);
}

export async function addAgendaItem(
  db: Db,
  input: { visitId: string; item: { day: number; startsAt: string; endsAt: string; kind: 'site_visit' | 'talk' | 'workshop' | 'meal' | 'other'; title: string; place: string; solutionId: string | null }; user: CurrentUser; ip: string; now: Date },
) {
  const v = await loadVisit(db, input.visitId);
  if (!mayArrangeVisit(input.user, partiesOf(v))) throw new AppError('FORBIDDEN', reason('VISIT_AGENDA_PARTIES_ONLY'));
  const closed = agendaClosedReason({ startsOn: v.starts_on, endsOn: v.ends_on }, localDateAt(input.now, v.settings.timeZone));
  if (closed) throw new AppError('CONFLICT', closed);
  const days = v.settings.visitLengthDays;
  if (input.item.day > days) throw new AppError('VALIDATION_FAILED', reason('VISIT_SHORTER'), { errors: [fieldError('body.day', reason('VISIT_DAY_RANGE', { days }))] });
  const overlap = overlappingItem(
    (await agendaOf(db, v.id)).map((i) => ({ day: i.day, startsAt: i.starts_at, endsAt: i.ends_at, title: i.title })),
    input.item,
  );
  if (overlap) {
    const params = { title: overlap.title, from: overlap.startsAt.slice(0, 5), to: overlap.endsAt.slice(0, 5), day: overlap.day };
    throw new AppError('VALIDATION_FAILED', reason('VISIT_AGENDA_OVERLAP_SUMMARY'), { errors: [fieldError('body.startsAt', reason('VISIT_AGENDA_OVERLAP', params))] });
  }
  await db.transaction().execute(async (trx) => {
    await insertAgendaItem(trx, v.id, input.item);
    await recordAudit(trx, { actorId: input.user.id, action: 'visit.agenda_add', entityType: 'visit', entityId: v.id, ip: input.ip, details: { after: input.item } });
  });
  return getVisit(db, v.id, input.user);
}

/** A visiting city names its delegates (up to the programme's number) and travel mode; the CO2 follows. */
export async function saveDelegation(
  db: Db,
  input: { visitId: string; cityId: string; mode: 'rail' | 'air'; delegates: { name: string; roleTitle: string; email: string | null; dietary: string; accessNeeds: string }[]; user: CurrentUser; ip: string },
) {
  const v = await loadVisit(db, input.visitId);
  const participants = await participantsOfVisits(db, [v.id]);
  const city = participants.find((p) => p.id === input.cityId);
  if (!city) throw new AppError('NOT_FOUND', reason('VISIT_CITY_NOT_TAKING_PART'));
  if (!mayNameDelegates(input.user, partiesOf(v), input.cityId)) throw new AppError('FORBIDDEN', reason('VISIT_DELEGATES_OWN_CITY_ONLY'));
  const max = v.settings.maxDelegatesPerCity;
  if (input.delegates.length > max) throw new AppError('VALIDATION_FAILED', reason('VISIT_TOO_MANY_DELEGATES'), { errors: [fieldError('body.delegates', reason('VISIT_DELEGATES_MAX', { max }))] });
  const travel = delegationTravel({ latitude: city.latitude, longitude: city.longitude }, { latitude: v.host_latitude, longitude: v.host_longitude }, input.mode, input.delegates.length);
  await db.transaction().execute(async (trx) => {
    await replaceDelegation(trx, v.id, city.id, input.delegates, travel);
    // Names only: delegates' needs are personal data and stay out of the audit log.
    await recordAudit(trx, { actorId: input.user.id, action: 'visit.delegation', entityType: 'visit', entityId: v.id, ip: input.ip, details: { cityId: city.id, delegates: input.delegates.length, mode: input.mode, co2Kg: travel.co2Kg } });
  });
  return getVisit(db, v.id, input.user);
}

/** The visit and its agenda as an .ics file, for everyone taking part. */
export async function visitCalendar(db: Db, visitId: string, user: CurrentUser) {
  const v = await loadVisit(db, visitId);
  const visit = await presentVisit(db, v, user);
  if (!takesPartIn(user, partiesOf(v, visit.visitors.map((c) => c.id)))) throw new AppError('NOT_FOUND', reason('VISIT_NOT_FOUND'));
  if (!visit.startsOn) throw new AppError('CONFLICT', reason('VISIT_NO_DATES'));
  const tz = v.settings.timeZone;
  const dayDate = (day: number) => {
    const d = new Date(`${visit.startsOn}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + day - 1);
    return d.toISOString().slice(0, 10);
  };
  const stamp = new Date();
  const events = [
    {
      uid: `visit-${visit.id}@peercities`,
      start: zonedToUtc(visit.startsOn, '09:00', tz),
      end: zonedToUtc(visit.endsOn ?? visit.startsOn, '18:00', tz),
      summary: `Study visit to ${visit.host.name}`,
      description: `Visiting cities: ${visit.visitors.map((c) => c.name).join(', ')}. Facilitator: ${visit.facilitator ?? 'to be confirmed'}.`,
      location: visit.host.name,
      stamp,
    },
    ...visit.agenda.map((a) => ({
      uid: `agenda-${a.id}@peercities`,
      start: zonedToUtc(dayDate(a.day), a.startsAt, tz),
      end: zonedToUtc(dayDate(a.day), a.endsAt, tz),
      summary: `${visit.host.name}: ${a.title}`,
      ...(a.place ? { location: a.place } : {}),
      stamp,
    })),
  ];
  return buildCalendar(events, { name: `Study visit to ${visit.host.name}`, timeZone: tz });
}

/**
 * Creates one visit per host from a placement of the selected visitors (what
 * publishing a matching run does, or a programme manager by hand). Hosts and
 * visitors must be the programme's selected cities, each visitor placed once,
 * no host over its capacity, facilitators holding the role.
 */
export async function createVisits(
  db: Db,
  input: { slug: string; placements: { hostCityId: string; visitorCityIds: string[]; facilitatorId: string | null }[]; matchingRunId: string | null; actor: CurrentUser; ip: string },
) {
  const programme = await programmeBySlugOrThrow(db, input.slug);
  const selected = await selectedCities(db, programme.id);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const facilitators = new Set(await holdersOfRole(db, 'facilitator'));
  input.placements.forEach((p, i) => {
    if (!selected.hosts.has(p.hostCityId)) errors.push(fieldError(`body.placements.${i}.hostCityId`, reason('PLACEMENT_NOT_A_HOST')));
    if (p.visitorCityIds.length > programme.settings.visitorsPerHost) errors.push(fieldError(`body.placements.${i}.visitorCityIds`, reason('PLACEMENT_HOST_CAPACITY', { max: programme.settings.visitorsPerHost })));
    for (const v of p.visitorCityIds) {
      if (!selected.visitors.has(v)) errors.push(fieldError(`body.placements.${i}.visitorCityIds`, reason('PLACEMENT_NOT_A_VISITOR')));
      if (seen.has(v)) errors.push(fieldError(`body.placements.${i}.visitorCityIds`, reason('PLACEMENT_VISITOR_TWICE')));
      seen.add(v);
    }
    if (p.facilitatorId && !facilitators.has(p.facilitatorId)) errors.push(fieldError(`body.placements.${i}.facilitatorId`, reason('CHOOSE_A_FACILITATOR')));
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', reason('PLACEMENT_NOT_VALID'), { errors });
  if ((await visitRows(db, { programmeId: programme.id })).length) throw new AppError('CONFLICT', reason('VISITS_EXIST'));
  const write = async (trx: Db) => {
    for (const p of input.placements) {
      await insertVisit(trx, { programmeId: programme.id, hostCityId: p.hostCityId, facilitatorId: p.facilitatorId, matchingRunId: input.matchingRunId, visitorCityIds: p.visitorCityIds });
    }
    await recordAudit(trx, { actorId: input.actor.id, action: 'visits.create', entityType: 'programme', entityId: programme.id, ip: input.ip, details: { placements: input.placements, matchingRunId: input.matchingRunId } });
  };
  // Publishing a matching run calls this inside its own transaction (Kysely does not nest them).
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return visitSummaries(db, programme.id);
}
