import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { LeverCode } from '../../../shared/solution.schemas.ts';
import type { ExpertList, ExpertProfile, UpdateExpertProfile } from '../../../shared/support.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { rerouteWaitingRequests } from './support-rerouting.ts';
import { conflictsOf, expertsWithProfiles, profileOf } from './support.repository.ts';

type ProfileWithVersion = ExpertProfile & { version: number };

const changed = () => new AppError('CONFLICT', reason('SUPPORT_PROFILE_CHANGED'));

/** My expert profile; before the first save, an empty one in my language with version 0. */
export async function myExpertProfile(db: Db, user: CurrentUser): Promise<ProfileWithVersion> {
  const [profile, conflicts] = await Promise.all([profileOf(db, user.id), conflictsOf(db, user.id)]);
  if (!profile) return { sectors: [], levers: [], languages: [user.locale], countries: [], weeklyCapacity: 0, conflictCityIds: conflicts, bio: '', version: 0 };
  return {
    sectors: profile.sectors as SectorCode[],
    levers: profile.levers as LeverCode[],
    languages: profile.languages.length ? profile.languages : [user.locale],
    countries: profile.countries,
    weeklyCapacity: profile.weekly_capacity,
    conflictCityIds: conflicts,
    bio: profile.bio,
    version: profile.version,
  };
}

/** Saves my profile (version 0 creates it; otherwise the version I read, else 409) with my declared conflicts, audited. */
export async function saveExpertProfile(db: Db, input: { user: CurrentUser; body: UpdateExpertProfile; ip: string; now: Date; publicUrl: string }): Promise<ProfileWithVersion> {
  const { body, user } = input;
  const conflictIds = [...new Set(body.conflictCityIds)];
  if (conflictIds.length) {
    const found = await db.selectFrom('cities').select('id').where('id', 'in', conflictIds).execute();
    if (found.length !== conflictIds.length) {
      throw new AppError('VALIDATION_FAILED', reason('SUPPORT_CONFLICT_CITY_UNKNOWN'), { errors: [fieldError('body.conflictCityIds', reason('SUPPORT_CONFLICT_CITY_UNKNOWN'))] });
    }
  }
  const values = {
    sectors: [...new Set(body.sectors)],
    levers: [...new Set(body.levers)],
    languages: [...new Set(body.languages)],
    countries: [...new Set(body.countries)],
    weekly_capacity: body.weeklyCapacity,
    bio: body.bio,
    updated_at: input.now,
  };
  await db.transaction().execute(async (trx) => {
    // Every profile first, in the order routing locks them (expertsWithProfiles):
    // saving re-routes waiting requests, and taking the own row first could
    // make a save and a routing each wait for the other (a deadlock on PostgreSQL).
    await trx.selectFrom('expert_profiles').select('person_id').orderBy('person_id').forUpdate().execute();
    const before = await trx.selectFrom('expert_profiles').selectAll().where('person_id', '=', user.id).forUpdate().executeTakeFirst();
    if ((before?.version ?? 0) !== body.version) throw changed();
    if (before) await trx.updateTable('expert_profiles').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('person_id', '=', user.id).execute();
    else await trx.insertInto('expert_profiles').values({ person_id: user.id, ...values }).execute();
    const conflictsBefore = await conflictsOf(trx, user.id);
    await trx.deleteFrom('expert_conflicts').where('person_id', '=', user.id).execute();
    if (conflictIds.length) await trx.insertInto('expert_conflicts').values(conflictIds.map((city_id) => ({ person_id: user.id, city_id }))).execute();
    await recordAudit(trx, {
      actorId: user.id,
      action: 'expert_profile.update',
      entityType: 'person',
      entityId: user.id,
      ip: input.ip,
      details: {
        before: before ? { sectors: before.sectors, levers: before.levers, languages: before.languages, countries: before.countries, weeklyCapacity: before.weekly_capacity, conflictCityIds: conflictsBefore } : null,
        after: { sectors: values.sectors, levers: values.levers, languages: values.languages, countries: values.countries, weeklyCapacity: values.weekly_capacity, conflictCityIds: conflictIds },
      },
    });
    // A new or changed profile may fit requests that found no expert: they are routed again.
    await rerouteWaitingRequests(trx, { now: input.now, publicUrl: input.publicUrl, actorId: user.id, trigger: 'expert_profile' });
  });
  return myExpertProfile(db, user);
}

/** Every active expert with a profile, with their open load (programme managers). */
export async function listExperts(db: Db): Promise<ExpertList> {
  const experts = await expertsWithProfiles(db);
  return {
    items: experts
      .filter((e) => e.languages.length > 0)
      .map((e) => ({
        id: e.id,
        name: e.name,
        sectors: e.sectors as SectorCode[],
        levers: e.levers as LeverCode[],
        languages: [...e.languages],
        countries: [...e.countries],
        weeklyCapacity: e.weeklyCapacity,
        bio: e.bio,
        openLoad: e.openLoad,
        version: e.version,
      })),
  };
}
