import { slugify } from '../../../domain/cities/city-csv.ts';
import { isRegistrationCountry } from '../../../domain/reference/countries.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { FieldError } from '../../../shared/problem.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { MyRegistration, PendingRegistration, SignUpBody } from '../../../shared/registration.schemas.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { geonamesPlaceIndex } from '../../lib/geonames-places.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { checkNoticeVersion, currentNoticeVersion, recordEarlierConsent } from '../consent/consent.service.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { findPersonByEmail, findPersonById, grantRole, representativesOf } from '../people/people.repository.ts';
import {
  alreadyRegisteredEmail,
  cityClaimEmail,
  registrationApprovedEmail,
  registrationDeclinedEmail,
  verifyEmailEmail,
} from './registration-emails.ts';
import {
  citiesWherePrimaryContact,
  cityByGeonamesId,
  cityById,
  countAttempts,
  decideRegistration,
  deleteAttemptsBefore,
  deleteRegistration,
  deleteUnverifiedBefore,
  insertCity,
  insertPendingPerson,
  insertRegistration,
  latestRegistrationOf,
  markVerified,
  pendingRegistrations,
  possibleDuplicates,
  recordAttempt,
  registrationByTokenForUpdate,
  registrationForUpdate,
  registrationIsOpen,
  renewVerification,
  setApprovalPending,
  setRegistrationOpen,
  slugTaken,
  unverifiedRegistrationFor,
  type PendingRow,
} from './registration.repository.ts';

/** How long a verification link works, and how long an unverified registration is kept (decision 0020). */
export const VERIFICATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Rate limits per hour: sign-ups and verifications, per address and per email. */
export const REGISTRATION_LIMITS = {
  windowMs: 60 * 60 * 1000,
  signUp: { perIp: 10, perEmail: 3 },
  verify: { perIp: 20, perEmail: 10 },
} as const;

interface Ctx {
  publicUrl: string;
  contactEmail: string;
  passwordHashCost: number;
  ip: string;
  now: Date;
}

async function assertWithinLimits(db: Db, kind: 'sign_up' | 'verify', ip: string, email: string | null, now: Date) {
  const limits = kind === 'sign_up' ? REGISTRATION_LIMITS.signUp : REGISTRATION_LIMITS.verify;
  const since = new Date(now.getTime() - REGISTRATION_LIMITS.windowMs);
  const counts = await countAttempts(db, kind, ip, email, since);
  const blockedSince =
    counts.by_ip >= limits.perIp ? counts.oldest_by_ip : email !== null && counts.by_email >= limits.perEmail ? counts.oldest_by_email : null;
  if (blockedSince === null) return;
  const seconds = Math.max(1, Math.ceil((new Date(blockedSince).getTime() + REGISTRATION_LIMITS.windowMs - now.getTime()) / 1000));
  throw new AppError('TOO_MANY_ATTEMPTS', reason('REGISTRATION_TOO_MANY', { minutes: Math.ceil(seconds / 60) }), { headers: { 'retry-after': String(seconds) } });
}

const invalid = (errors: FieldError[]) => new AppError('VALIDATION_FAILED', reason('REGISTRATION_NOT_VALID'), { errors });

/** The city a sign-up names, checked against the registry or GeoNames: the facts stored come from there, not from the person. */
async function resolveClaimedCity(db: Db, body: SignUpBody) {
  if (body.citySource === 'registry') {
    const city = body.cityId ? await cityById(db, body.cityId) : undefined;
    if (!city) throw invalid([fieldError('body.cityId', reason('REGISTRATION_CITY_UNKNOWN'))]);
    return { city_source: 'registry' as const, city_id: city.id, geonames_id: city.geonames_id, city_name: city.name, country: city.country };
  }
  if (body.citySource === 'geonames') {
    const place = geonamesPlaceIndex().places.find((p) => p.geonamesId === body.geonamesId);
    if (!place) throw invalid([fieldError('body.geonamesId', reason('REGISTRATION_PLACE_UNKNOWN'))]);
    // A place already in the registry is claimed as the registry's city.
    const city = await cityByGeonamesId(db, place.geonamesId);
    if (city) return { city_source: 'registry' as const, city_id: city.id, geonames_id: city.geonames_id, city_name: city.name, country: city.country };
    return {
      city_source: 'geonames' as const,
      geonames_id: place.geonamesId,
      city_name: place.name,
      country: place.country,
      latitude: place.latitude,
      longitude: place.longitude,
      population: place.population,
    };
  }
  const country = body.country ?? '';
  if (!isRegistrationCountry(country)) throw invalid([fieldError('body.country', reason('REGISTRATION_COUNTRY_UNKNOWN'))]);
  return { city_source: 'unlisted' as const, city_name: body.cityName ?? '', country, description: body.cityDescription || null };
}

/**
 * Signs a person up. Every sign-up that passes validation gets the same
 * answer and costs the same (a password hash and one email): a new address
 * gets a verification link, a known one an email saying someone tried, a
 * filled honeypot nothing at all (decision 0020).
 */
export async function signUp(db: Db, body: SignUpBody, ctx: Ctx): Promise<void> {
  const email = body.email;
  if (!(await registrationIsOpen(db))) throw new AppError('FORBIDDEN', reason('REGISTRATION_CLOSED', { email: ctx.contactEmail }));
  // The notice the person read must be the one in force (replaced while the form was open: say so).
  await checkNoticeVersion(db, body.privacyNoticeVersion);
  const honeypot = (body.website ?? '').length > 0;
  if (!honeypot) await assertWithinLimits(db, 'sign_up', ctx.ip, email, ctx.now);
  assertPasswordAllowed(body.password, email, 'body.password');
  const city = await resolveClaimedCity(db, body);
  const passwordHash = await hashPassword(body.password, ctx.passwordHashCost);
  if (honeypot) return;
  const token = newToken();
  const expiresAt = new Date(ctx.now.getTime() + VERIFICATION_LIFETIME_MS);
  await db.transaction().execute(async (trx) => {
    await recordAttempt(trx, { kind: 'sign_up', ip: ctx.ip, email });
    const person = await findPersonByEmail(trx, email);
    if (person) {
      await enqueueEmail(trx, alreadyRegisteredEmail({ to: email, name: person.name, signInUrl: `${ctx.publicUrl}/sign-in`, resetUrl: `${ctx.publicUrl}/forgot-password` }));
      return;
    }
    const waiting = await unverifiedRegistrationFor(trx, email);
    if (waiting) {
      // Registered before without verifying: a fresh link (the old one stops working); the first registration stands.
      await renewVerification(trx, waiting.id, hashToken(token), expiresAt);
    } else {
      await insertRegistration(trx, {
        email,
        name: body.name,
        password_hash: passwordHash,
        token_hash: hashToken(token),
        token_expires_at: expiresAt,
        role_title: body.roleTitle,
        climate_target_year: body.climateTargetYear ?? null,
        has_climate_plan: body.hasClimatePlan ?? false,
        covenant_signatory: body.covenantSignatory ?? false,
        privacy_notice_version: body.privacyNoticeVersion,
        ...city,
      });
    }
    await enqueueEmail(trx, verifyEmailEmail({ to: email, name: body.name, url: `${ctx.publicUrl}/register/verify/${token}`, expiresAt }));
  });
}

const linkInvalid = () => new AppError('TOKEN_INVALID', reason('REGISTRATION_LINK_INVALID'));

/** Verifies the email of a registration: the account is created, restricted until approved. */
export async function verifyRegistration(db: Db, token: string, ctx: Pick<Ctx, 'ip' | 'now' | 'publicUrl'>): Promise<void> {
  await assertWithinLimits(db, 'verify', ctx.ip, null, ctx.now);
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await registrationByTokenForUpdate(trx, hashToken(token));
    await recordAttempt(trx, { kind: 'verify', ip: ctx.ip, email: row?.email ?? null });
    if (!row || row.status !== 'unverified' || !row.password_hash || !row.token_expires_at || new Date(row.token_expires_at) <= ctx.now) return 'invalid' as const;
    if (await findPersonByEmail(trx, row.email)) {
      // The address got an account meanwhile (an invitation): this registration has no more use.
      await deleteRegistration(trx, row.id);
      return 'invalid' as const;
    }
    const personId = await insertPendingPerson(trx, { email: row.email, name: row.name, passwordHash: row.password_hash });
    await markVerified(trx, row.id, personId, ctx.now);
    // Accepted when signing up; a version published since is asked for after sign-in, as for everyone.
    await recordEarlierConsent(trx, { personId, noticeVersion: row.privacy_notice_version, context: 'registration', acceptedAt: new Date(row.created_at) });
    await recordAudit(trx, { actorId: personId, action: 'registration.verify', entityType: 'registration', entityId: row.id, ip: ctx.ip });
    if (row.city_source === 'registry' && row.city_id) {
      const primary = (await representativesOf(trx, row.city_id)).find((r) => r.primary_contact && !r.disabled_at);
      const city = await cityById(trx, row.city_id);
      if (primary && city) await enqueueEmail(trx, cityClaimEmail({ to: primary.email, name: primary.name, cityName: city.name, url: `${ctx.publicUrl}/registrations` }));
    }
    return 'verified' as const;
  });
  if (outcome === 'invalid') throw linkInvalid();
}

export async function myRegistration(db: Db, user: CurrentUser): Promise<MyRegistration> {
  const row = await latestRegistrationOf(db, user.id);
  if (!row) throw new AppError('NOT_FOUND', reason('REGISTRATION_NOT_FOUND'));
  return {
    id: row.id,
    status: row.status,
    cityName: row.registry_city_name ?? row.city_name,
    country: row.country,
    awaitingPrimaryContact: row.status === 'pending' && row.has_representatives,
    declineReason: row.decline_reason,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    citySlug: row.status === 'approved' ? row.city_slug : null,
  };
}

async function present(db: Db, row: PendingRow): Promise<PendingRegistration> {
  const latitude = row.latitude ?? row.city_latitude;
  const longitude = row.longitude ?? row.city_longitude;
  const similar = await possibleDuplicates(db, { name: row.registry_city_name ?? row.city_name, country: row.country, latitude, longitude }, row.city_id);
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    email: row.email,
    roleTitle: row.role_title,
    citySource: row.city_source,
    cityId: row.city_id,
    cityName: row.registry_city_name ?? row.city_name,
    country: row.country,
    description: row.description,
    geonames:
      row.geonames_id !== null && row.latitude !== null && row.longitude !== null
        ? { id: row.geonames_id, latitude: row.latitude, longitude: row.longitude, population: row.population ?? 0 }
        : null,
    climateTargetYear: row.climate_target_year,
    hasClimatePlan: row.has_climate_plan ?? false,
    covenantSignatory: row.covenant_signatory ?? false,
    newCity: row.city_source !== 'registry',
    secondClaim: row.has_representatives,
    similar: similar.map((s) => ({ id: s.id, slug: s.slug, name: s.name, country: s.country, distanceKm: s.distance_km })),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The approval queue: everything for managers; a primary contact sees the claims on their cities. */
export async function registrationQueue(db: Db, user: CurrentUser) {
  const manager = hasRole(user, 'programme_manager');
  const rows = await pendingRegistrations(db, manager ? null : await citiesWherePrimaryContact(db, user.id));
  const visible = manager ? rows : rows.filter((r) => r.has_representatives);
  return { items: await Promise.all(visible.map((r) => present(db, r))) };
}

/** Where a city in neither the registry nor GeoNames lies, as the manager gives it. */
type NewCityLocation = { latitude: number; longitude: number; population: number | null };

interface DecisionInput {
  id: string;
  version: number;
  actor: CurrentUser;
  ip: string;
  publicUrl: string;
  contactEmail: string;
  now: Date;
}

/** Loads and locks a pending registration and checks the version and who may decide it. */
async function loadForDecision(trx: Db, input: DecisionInput, options: { managersOnly: boolean }) {
  const row = await registrationForUpdate(trx, input.id);
  const manager = hasRole(input.actor, 'programme_manager');
  if (!row || row.status === 'unverified') throw new AppError('NOT_FOUND', reason('REGISTRATION_NOT_FOUND'));
  let secondClaim = false;
  if (row.city_source === 'registry' && row.city_id) secondClaim = (await representativesOf(trx, row.city_id)).length > 0;
  if (!manager) {
    const mine = row.city_id !== null && (await citiesWherePrimaryContact(trx, input.actor.id)).includes(row.city_id);
    // Not theirs to see: the same answer as missing.
    if (!mine || !secondClaim) throw new AppError('NOT_FOUND', reason('REGISTRATION_NOT_FOUND'));
    if (options.managersOnly) throw new AppError('FORBIDDEN', reason('REGISTRATION_ONLY_MANAGERS'));
  }
  if (row.version !== input.version) throw new AppError('EDIT_CONFLICT', reason('REGISTRATION_STALE'));
  if (row.status !== 'pending' || !row.person_id) throw new AppError('CONFLICT', reason('REGISTRATION_DECIDED'));
  return { row, personId: row.person_id, secondClaim };
}

async function uniqueSlug(db: Db, name: string, geonamesId: number | null) {
  const base = slugify(name) || `city-${geonamesId ?? 'new'}`;
  if (!(await slugTaken(db, base))) return base;
  const withId = geonamesId ? `${base}-g${geonamesId}` : `${base}-${Date.now().toString(36)}`;
  return withId;
}

/** Grants the representative role (the first of a city becomes its primary contact), lifts the restriction, emails the person. */
async function admit(trx: Db, input: DecisionInput, personId: string, cityId: string) {
  const firstOfCity = (await representativesOf(trx, cityId, { lock: true })).length === 0;
  await grantRole(trx, { personId, role: 'city_representative', cityId, primaryContact: firstOfCity });
  await setApprovalPending(trx, personId, false);
  const person = await findPersonById(trx, personId);
  if (person) await enqueueEmail(trx, registrationApprovedEmail({ to: person.email, name: person.name, url: `${input.publicUrl}/sign-in` }));
  return firstOfCity;
}

/**
 * The registry's city for a claim on a city it did not hold: the one made
 * from the same GeoNames place before, or a new one from the place (chosen
 * by the person, or by the manager for a typed city), or, for a city in
 * neither, from the name and country the person gave and where the manager
 * says it lies.
 */
async function registryCityFor(
  trx: Db,
  row: { city_source: string; geonames_id: number | null; city_name: string; country: string; climate_target_year: number | null },
  input: DecisionInput & { geonamesId: number | null; location: NewCityLocation | null },
): Promise<{ cityId: string; created: boolean }> {
  const chosen = input.geonamesId ?? row.geonames_id;
  const place = chosen !== null ? geonamesPlaceIndex().places.find((p) => p.geonamesId === chosen) : undefined;
  const facts = { climateTargetYear: row.climate_target_year, updatedBy: input.actor.id };
  if (place) {
    const existing = await cityByGeonamesId(trx, place.geonamesId);
    if (existing) return { cityId: existing.id, created: false };
    const { latitude, longitude, population, geonamesId } = place;
    const city = await insertCity(trx, { slug: await uniqueSlug(trx, place.name, geonamesId), name: place.name, country: place.country, latitude, longitude, population, geonamesId, ...facts });
    return { cityId: city.id, created: true };
  }
  if (input.location && row.city_source === 'unlisted') {
    const city = await insertCity(trx, { slug: await uniqueSlug(trx, row.city_name, null), name: row.city_name, country: row.country, ...input.location, geonamesId: null, ...facts });
    return { cityId: city.id, created: true };
  }
  throw new AppError('CONFLICT', reason('REGISTRATION_NEEDS_PLACE'));
}

/**
 * Approves a registration: a new city enters the registry (from its GeoNames
 * place; a city typed by the person needs one chosen by the manager), and the
 * person represents it. A claim on a city with representatives may be
 * approved by its primary contact too.
 */
export async function approveRegistration(db: Db, input: DecisionInput & { geonamesId: number | null; location: NewCityLocation | null }) {
  return db.transaction().execute(async (trx) => {
    const { row, personId, secondClaim } = await loadForDecision(trx, input, { managersOnly: false });
    if (!secondClaim && !hasRole(input.actor, 'programme_manager')) throw new AppError('FORBIDDEN', reason('REGISTRATION_ONLY_MANAGERS'));
    let cityId = row.city_id;
    let created = false;
    if (!cityId) ({ cityId, created } = await registryCityFor(trx, row, input));
    const primaryContact = await admit(trx, input, personId, cityId);
    await decideRegistration(trx, row.id, { status: 'approved', cityId, declineReason: null, decidedBy: input.actor.id, at: input.now });
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'registration.approve',
      entityType: 'registration',
      entityId: row.id,
      ip: input.ip,
      details: { before: { status: 'pending' }, after: { status: 'approved', cityId, cityCreated: created, primaryContact } },
    });
    const city = await cityById(trx, cityId);
    return { status: 'approved' as const, cityId, citySlug: city?.slug ?? null };
  });
}

/** Merges a registration's city into a city of the registry: the person represents that city. Managers only. */
export async function mergeRegistration(db: Db, input: DecisionInput & { cityId: string }) {
  return db.transaction().execute(async (trx) => {
    const { row, personId } = await loadForDecision(trx, input, { managersOnly: true });
    const city = await cityById(trx, input.cityId);
    if (!city) throw new AppError('VALIDATION_FAILED', reason('REGISTRATION_NOT_VALID'), { errors: [fieldError('body.cityId', reason('REGISTRATION_CITY_UNKNOWN'))] });
    const primaryContact = await admit(trx, input, personId, city.id);
    await decideRegistration(trx, row.id, { status: 'approved', cityId: city.id, declineReason: null, decidedBy: input.actor.id, at: input.now });
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'registration.merge',
      entityType: 'registration',
      entityId: row.id,
      ip: input.ip,
      details: { before: { status: 'pending', cityId: row.city_id, cityName: row.city_name }, after: { status: 'approved', cityId: city.id, primaryContact } },
    });
    return { status: 'approved' as const, cityId: city.id, citySlug: city.slug };
  });
}

/** Declines a registration with a reason the person reads; their account stays restricted. */
export async function declineRegistration(db: Db, input: DecisionInput & { reason: string }) {
  return db.transaction().execute(async (trx) => {
    const { row, personId } = await loadForDecision(trx, input, { managersOnly: false });
    await decideRegistration(trx, row.id, { status: 'declined', cityId: row.city_id, declineReason: input.reason, decidedBy: input.actor.id, at: input.now });
    const person = await findPersonById(trx, personId);
    if (person) await enqueueEmail(trx, registrationDeclinedEmail({ to: person.email, name: person.name, reason: input.reason, contactEmail: input.contactEmail }));
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'registration.decline',
      entityType: 'registration',
      entityId: row.id,
      ip: input.ip,
      details: { before: { status: 'pending' }, after: { status: 'declined', reason: input.reason } },
    });
    return { status: 'declined' as const, cityId: row.city_id, citySlug: null };
  });
}

export async function registrationSettings(db: Db, contactEmail: string) {
  return { open: await registrationIsOpen(db), contactEmail, privacyNoticeVersion: await currentNoticeVersion(db) };
}

export async function changeRegistrationSettings(db: Db, input: { open: boolean; actor: CurrentUser; ip: string; contactEmail: string }) {
  await db.transaction().execute(async (trx) => {
    const before = await registrationIsOpen(trx);
    await setRegistrationOpen(trx, input.open, input.actor.id);
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'registration.settings',
      entityType: 'registration_settings',
      entityId: null,
      ip: input.ip,
      details: { before: { open: before }, after: { open: input.open } },
    });
  });
  return registrationSettings(db, input.contactEmail);
}

/** The scheduled clean-up: unverified registrations older than their link's lifetime, and old rate-limit rows. */
export async function expireUnverifiedRegistrations(db: Db, now: Date): Promise<number> {
  const deleted = await deleteUnverifiedBefore(db, new Date(now.getTime() - VERIFICATION_LIFETIME_MS));
  await deleteAttemptsBefore(db, new Date(now.getTime() - 24 * 60 * 60 * 1000));
  return deleted;
}
