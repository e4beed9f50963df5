import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireRegistrations } from '../../jobs/registration-expiry.ts';
import { createTestApp, READ_NOTICE, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;
let ipCounter = 0;
/** Each sign-up from its own address unless a test says otherwise (the per-address limit is tested apart). */
const nextIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

// Finnish cities in GeoNames that the demo registry lacks (Pori is in it).
const PORI = 640999;
const VAASA = 632978;
const JOENSUU = 655808;
const KOTKA = 650946;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
  const opened = await manager.request({ method: 'PUT', url: '/api/registration/settings', payload: { open: true } });
  expect(opened.json()).toMatchObject({ open: true });
});
afterAll(async () => t.close());

function body(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Aino Virtanen',
    email: 'aino@pori.fi',
    password: PASSWORD,
    citySource: 'geonames',
    geonamesId: PORI,
    roleTitle: 'Climate coordinator',
    climateTargetYear: 2030,
    hasClimatePlan: true,
    covenantSignatory: true,
    ...READ_NOTICE,
    ...overrides,
  };
}

async function signUp(overrides: Record<string, unknown> = {}, ip = nextIp()) {
  const c = await t.client();
  return c.request({ method: 'POST', url: '/api/registrations', payload: body(overrides), remoteAddress: ip });
}

async function mailTo(email: string) {
  const mail = await manager.request({ method: 'GET', url: '/api/mailbox?pageSize=100' });
  return (mail.json().items as { to: string; subject: string; text: string }[]).filter((m) => m.to === email);
}

async function verifyLinkOf(email: string) {
  const message = (await mailTo(email)).find((m) => m.subject.startsWith('Confirm your email'));
  const match = /\/register\/verify\/([\w-]+)/.exec(message?.text ?? '');
  if (!match?.[1]) throw new Error(`No verification link to ${email}`);
  return match[1];
}

async function verify(token: string, ip = nextIp()) {
  return (await t.client()).request({ method: 'POST', url: '/api/registrations/verify', payload: { token }, remoteAddress: ip });
}

const count = async (table: 'registrations' | 'people' | 'outbox') =>
  (await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

async function registeredAndVerified(overrides: Record<string, unknown>) {
  const res = await signUp(overrides);
  expect(res.statusCode, res.body).toBe(202);
  expect((await verify(await verifyLinkOf(String(overrides.email)))).statusCode).toBe(200);
  return t.signedIn(String(overrides.email), PASSWORD);
}

async function queueItem(client: TestClient, email: string) {
  const queue = await client.request({ method: 'GET', url: '/api/registrations' });
  return (queue.json().items as { id: string; version: number; email: string }[]).find((i) => i.email === email);
}

describe('signing up with a city from GeoNames', () => {
  it('verifies by email, restricts until approved, and approval creates the city with the person as primary contact', async () => {
    const res = await signUp();
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'check-email' });
    // Nothing happens before verification: no account, so no sign-in.
    const early = await (await t.client()).request({ method: 'POST', url: '/api/session', payload: { email: 'aino@pori.fi', password: PASSWORD } });
    expect(early.statusCode).toBe(401);

    const token = await verifyLinkOf('aino@pori.fi');
    expect((await verify(token)).json()).toEqual({ status: 'verified' });
    expect((await verify(token)).statusCode).toBe(410);

    const aino = await t.signedIn('aino@pori.fi', PASSWORD);
    const pending = (await aino.request({ method: 'GET', url: '/api/me' })).json();
    expect(pending.pendingApproval).toBe(true);
    // The notice accepted when signing up is the account's consent, dated then.
    expect(pending.privacy).toEqual({ currentVersion: READ_NOTICE.privacyNoticeVersion, acceptedVersion: READ_NOTICE.privacyNoticeVersion, needsAcceptance: false });
    const consent = await t.app.db.selectFrom('privacy_consents').innerJoin('people', 'people.id', 'privacy_consents.person_id').where('people.email', '=', 'aino@pori.fi').select(['context', 'accepted_at']).execute();
    expect(consent).toEqual([{ context: 'registration', accepted_at: expect.any(Date) }]);
    const signedUpAt = await t.app.db.selectFrom('registrations').where('email', '=', 'aino@pori.fi').select('created_at').executeTakeFirstOrThrow();
    expect(consent[0]?.accepted_at).toEqual(signedUpAt.created_at);
    const work = await aino.request({ method: 'GET', url: '/api/me/work' });
    expect(work.statusCode).toBe(403);
    expect(work.json().reason).toEqual({ code: 'REGISTRATION_NOT_APPROVED' });
    expect((await aino.request({ method: 'GET', url: '/api/cities?q=tartu' })).statusCode).toBe(200);
    expect((await aino.request({ method: 'GET', url: '/api/registration' })).json()).toMatchObject({ status: 'pending', cityName: 'Pori', country: 'FI', awaitingPrimaryContact: false });

    const item = (await manager.request({ method: 'GET', url: '/api/registrations' })).json().items.find((i: { email: string }) => i.email === 'aino@pori.fi');
    expect(item).toMatchObject({
      newCity: true,
      secondClaim: false,
      cityName: 'Pori',
      country: 'FI',
      roleTitle: 'Climate coordinator',
      geonames: { id: PORI, population: 76772 },
      climateTargetYear: 2030,
      hasClimatePlan: true,
      covenantSignatory: true,
    });

    const stale = await manager.request({ method: 'POST', url: `/api/registrations/${item.id}/approve`, payload: { version: item.version - 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('EDIT_CONFLICT');

    const approved = await manager.request({ method: 'POST', url: `/api/registrations/${item.id}/approve`, payload: { version: item.version } });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', citySlug: 'pori' });
    const city = await (await t.client()).request({ method: 'GET', url: '/api/cities/pori' });
    expect(city.json()).toMatchObject({ name: 'Pori', country: 'FI', kind: 'aspiring', population: 76772 });

    const me = (await aino.request({ method: 'GET', url: '/api/me' })).json();
    expect(me.pendingApproval).toBeUndefined();
    expect(me.roles).toEqual([expect.objectContaining({ role: 'city_representative', cityName: 'Pori', primaryContact: true })]);
    expect((await aino.request({ method: 'GET', url: '/api/me/work' })).statusCode).toBe(200);
    expect((await mailTo('aino@pori.fi')).map((m) => m.subject)).toContain('Your peercities registration was approved');
    const audit = await t.app.db.selectFrom('audit_events').select('action').where('entity_id', '=', item.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['registration.approve', 'registration.verify']);

    const again = await manager.request({ method: 'POST', url: `/api/registrations/${item.id}/decline`, payload: { version: item.version + 1, reason: 'late' } });
    expect(again.json().reason.code).toBe('REGISTRATION_DECIDED');
  });

  it('sends a second claim on the city to its primary contact, who confirms it; others do not see it', async () => {
    const second = await registeredAndVerified({ name: 'Eero Korhonen', email: 'eero@pori.fi', citySource: 'geonames', geonamesId: PORI });
    expect((await second.request({ method: 'GET', url: '/api/registration' })).json()).toMatchObject({ status: 'pending', awaitingPrimaryContact: true });
    const toPrimary = (await mailTo('aino@pori.fi')).find((m) => m.subject === 'Someone asks to represent Pori on peercities');
    expect(toPrimary?.text).toContain('/registrations');
    expect(toPrimary?.text).not.toContain('Eero');

    const aino = await t.signedIn('aino@pori.fi', PASSWORD);
    // On the primary contact's start page, and counted on the managers'.
    const sectionOf = async (c: TestClient, kind: string) =>
      (await c.request({ method: 'GET', url: '/api/me/work' })).json().sections.find((s: { kind: string }) => s.kind === kind);
    expect((await sectionOf(aino, 'city_claims')).items).toEqual([
      expect.objectContaining({ label: { code: 'WORK_CITY_CLAIM', params: { name: 'Eero Korhonen', city: 'Pori' } }, link: '/registrations', dateMeaning: 'since' }),
    ]);
    expect((await sectionOf(manager, 'registrations_to_decide')).items).toEqual([
      expect.objectContaining({ key: 'registrations-waiting', label: { code: 'WORK_REGISTRATIONS_WAITING', params: { count: 1 } } }),
    ]);
    expect(await sectionOf(await t.signedIn('valencia@demo.peercities.eu'), 'city_claims')).toEqual(expect.objectContaining({ items: [] }));
    const item = await queueItem(aino, 'eero@pori.fi');
    expect(item).toMatchObject({ secondClaim: true, newCity: false });
    const valencia = await t.signedIn('valencia@demo.peercities.eu');
    expect(await queueItem(valencia, 'eero@pori.fi')).toBeUndefined();
    const notYours = await valencia.request({ method: 'POST', url: `/api/registrations/${item?.id}/approve`, payload: { version: item?.version } });
    expect(notYours.statusCode).toBe(404);
    const noMerge = await aino.request({ method: 'POST', url: `/api/registrations/${item?.id}/merge`, payload: { version: item?.version, cityId: '00000000-0000-4000-8000-000000000000' } });
    expect(noMerge.statusCode).toBe(403);

    const confirmed = await aino.request({ method: 'POST', url: `/api/registrations/${item?.id}/approve`, payload: { version: item?.version } });
    expect(confirmed.statusCode).toBe(200);
    const roles = (await second.request({ method: 'GET', url: '/api/me' })).json().roles;
    expect(roles).toEqual([expect.objectContaining({ role: 'city_representative', cityName: 'Pori', primaryContact: false })]);
  });

  it('lets a primary contact decide only second claims: a new city is the managers’', async () => {
    await registeredAndVerified({ name: 'Liisa', email: 'liisa@vaasa.fi', geonamesId: VAASA });
    const aino = await t.signedIn('aino@pori.fi', PASSWORD);
    expect(await queueItem(aino, 'liisa@vaasa.fi')).toBeUndefined();
    const item = await queueItem(manager, 'liisa@vaasa.fi');
    const refused = await aino.request({ method: 'POST', url: `/api/registrations/${item?.id}/approve`, payload: { version: item?.version } });
    expect(refused.statusCode).toBe(404);
  });
});

describe('a city that is not listed', () => {
  it('needs a GeoNames place chosen by the manager to be approved, or is merged into an existing city', async () => {
    const person = await registeredAndVerified({
      name: 'Pekka',
      email: 'pekka@joensuu.fi',
      citySource: 'unlisted',
      geonamesId: null,
      cityName: 'Joensuun kaupunki',
      country: 'fi',
      cityDescription: 'North Karelia',
    });
    const item = await queueItem(manager, 'pekka@joensuu.fi');
    expect(item).toMatchObject({ citySource: 'unlisted', cityName: 'Joensuun kaupunki', country: 'FI', description: 'North Karelia', geonames: null, newCity: true });
    const noPlace = await manager.request({ method: 'POST', url: `/api/registrations/${item?.id}/approve`, payload: { version: item?.version } });
    expect(noPlace.statusCode).toBe(409);
    expect(noPlace.json().reason.code).toBe('REGISTRATION_NEEDS_PLACE');
    const ok = await manager.request({ method: 'POST', url: `/api/registrations/${item?.id}/approve`, payload: { version: item?.version, geonamesId: JOENSUU } });
    expect(ok.json()).toMatchObject({ status: 'approved', citySlug: 'joensuu' });
    expect((await person.request({ method: 'GET', url: '/api/me' })).json().roles[0]).toMatchObject({ cityName: 'Joensuu', primaryContact: true });
  });

  it('creates a city in neither the registry nor GeoNames where the manager says it lies', async () => {
    const person = await registeredAndVerified({ name: 'Liisa', email: 'liisa@ruokolahti.fi', citySource: 'unlisted', geonamesId: null, cityName: 'Ruokolahti', country: 'FI', cityDescription: 'A small municipality by Lake Saimaa' });
    const item = await queueItem(manager, 'liisa@ruokolahti.fi');
    const farAway = await manager.request({ method: 'POST', url: `/api/registrations/${item?.id}/approve`, payload: { version: item?.version, location: { latitude: 95, longitude: 28.8, population: null } } });
    expect(farAway.statusCode).toBe(400);
    expect(farAway.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.location.latitude']);
    const ok = await manager.request({ method: 'POST', url: `/api/registrations/${item?.id}/approve`, payload: { version: item?.version, location: { latitude: 61.29, longitude: 28.83, population: 4800 } } });
    expect(ok.json()).toMatchObject({ status: 'approved', citySlug: 'ruokolahti' });
    const city = await t.app.db.selectFrom('cities').where('slug', '=', 'ruokolahti').select(['name', 'country', 'kind', 'latitude', 'longitude', 'population', 'geonames_id']).executeTakeFirstOrThrow();
    expect(city).toEqual({ name: 'Ruokolahti', country: 'FI', kind: 'aspiring', latitude: 61.29, longitude: 28.83, population: 4800, geonames_id: null });
    expect((await person.request({ method: 'GET', url: '/api/me' })).json().roles[0]).toMatchObject({ cityName: 'Ruokolahti', primaryContact: true });
  });

  it('is merged into an existing city, listed among the similar ones', async () => {
    const person = await registeredAndVerified({ name: 'Maarja', email: 'maarja@tartu.ee', citySource: 'unlisted', geonamesId: null, cityName: 'Tartu', country: 'EE' });
    const item = (await manager.request({ method: 'GET', url: '/api/registrations' })).json().items.find((i: { email: string }) => i.email === 'maarja@tartu.ee');
    const tartu = item.similar.find((s: { name: string }) => s.name === 'Tartu');
    expect(tartu).toMatchObject({ country: 'EE' });
    const merged = await manager.request({ method: 'POST', url: `/api/registrations/${item.id}/merge`, payload: { version: item.version, cityId: tartu.id } });
    expect(merged.json()).toMatchObject({ status: 'approved', cityId: tartu.id });
    expect((await person.request({ method: 'GET', url: '/api/me' })).json().roles[0]).toMatchObject({ role: 'city_representative', cityName: 'Tartu' });
    const audit = await t.app.db.selectFrom('audit_events').select('details').where('entity_id', '=', item.id).where('action', '=', 'registration.merge').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ after: { status: 'approved', cityId: tartu.id } });
  });
});

describe('declining', () => {
  it('tells the person why by email and on their status page; the account stays restricted', async () => {
    const person = await registeredAndVerified({ name: 'Olli', email: 'olli@example.org', geonamesId: KOTKA });
    const item = await queueItem(manager, 'olli@example.org');
    const declined = await manager.request({ method: 'POST', url: `/api/registrations/${item?.id}/decline`, payload: { version: item?.version, reason: 'Not a city employee.' } });
    expect(declined.json().status).toBe('declined');
    expect((await person.request({ method: 'GET', url: '/api/registration' })).json()).toMatchObject({ status: 'declined', declineReason: 'Not a city employee.' });
    expect((await person.request({ method: 'GET', url: '/api/me/work' })).statusCode).toBe(403);
    const email = (await mailTo('olli@example.org')).find((m) => m.subject === 'Your peercities registration was declined');
    expect(email?.text).toContain('Not a city employee.');
    expect(await queueItem(manager, 'olli@example.org')).toBeUndefined();
  });
});

describe('what is refused and what is stored', () => {
  it('answers a filled honeypot exactly as a success and stores nothing', async () => {
    const before = [await count('registrations'), await count('outbox'), await count('people')];
    const res = await signUp({ email: 'bot@example.org', website: 'http://spam.example' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'check-email' });
    expect([await count('registrations'), await count('outbox'), await count('people')]).toEqual(before);
  });

  it('gives field errors for an unknown country, a too long city name and a header injection, storing nothing', async () => {
    const before = [await count('registrations'), await count('outbox')];
    const country = await signUp({ email: 'x1@example.org', citySource: 'unlisted', geonamesId: null, cityName: 'Moskva', country: 'RU' });
    expect(country.statusCode).toBe(400);
    expect(country.json().errors).toEqual([expect.objectContaining({ field: 'body.country', reason: { code: 'REGISTRATION_COUNTRY_UNKNOWN' } })]);
    const long = await signUp({ email: 'x2@example.org', citySource: 'unlisted', geonamesId: null, cityName: 'x'.repeat(500), country: 'FI' });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.cityName']);
    const injected = await signUp({ email: 'victim@example.org\r\nBcc: everyone@example.org' });
    expect(injected.statusCode).toBe(400);
    expect(injected.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.email']);
    const name = await signUp({ email: 'x3@example.org', name: 'Eve\r\nSubject: hi' });
    expect(name.json().errors).toEqual([expect.objectContaining({ field: 'body.name', reason: { code: 'REGISTRATION_TEXT_INVALID' } })]);
    const place = await signUp({ email: 'x4@example.org', geonamesId: 1 });
    expect(place.json().errors).toEqual([expect.objectContaining({ field: 'body.geonamesId' })]);
    const privacy = await signUp({ email: 'x5@example.org', privacyNoticeRead: false });
    expect(privacy.json().errors).toEqual([expect.objectContaining({ field: 'body.privacyNoticeRead' })]);
    const unknownNotice = await signUp({ email: 'x6@example.org', privacyNoticeVersion: '0.9' });
    expect(unknownNotice.json().errors).toEqual([expect.objectContaining({ field: 'body.privacyNoticeVersion', reason: { code: 'PRIVACY_NOTICE_UNKNOWN', params: { version: '0.9' } } })]);
    expect([await count('registrations'), await count('outbox')]).toEqual(before);
  });

  it('limits sign-ups per address and per email, and verifications per address (429 with Retry-After)', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 10; i++) expect((await signUp({ email: `many${i}@example.org` }, ip)).statusCode).toBe(202);
    const byIp = await signUp({ email: 'many-more@example.org' }, ip);
    expect(byIp.statusCode).toBe(429);
    expect(byIp.headers['content-type']).toContain('application/problem+json');
    expect(Number(byIp.headers['retry-after'])).toBeGreaterThan(3000);
    for (let i = 0; i < 3; i++) expect((await signUp({ email: 'same@example.org' })).statusCode).toBe(202);
    const byEmail = await signUp({ email: 'same@example.org' });
    expect(byEmail.statusCode).toBe(429);
    expect(byEmail.json().reason.code).toBe('REGISTRATION_TOO_MANY');

    for (let i = 0; i < 20; i++) expect((await verify(`wrong-token-${i}-${'x'.repeat(30)}`, '10.8.8.8')).statusCode).toBe(410);
    const verifyLimited = await verify(`wrong-token-${'y'.repeat(30)}`, '10.8.8.8');
    expect(verifyLimited.statusCode).toBe(429);
    expect(verifyLimited.headers['retry-after']).toBeDefined();
  });

  it('refuses sign-ups with a reason while registration is closed', async () => {
    await manager.request({ method: 'PUT', url: '/api/registration/settings', payload: { open: false } });
    try {
      const settings = await (await t.client()).request({ method: 'GET', url: '/api/registration/settings' });
      expect(settings.json()).toMatchObject({ open: false, contactEmail: expect.stringContaining('@') });
      const before = await count('registrations');
      const res = await signUp({ email: 'closed@example.org' });
      expect(res.statusCode).toBe(403);
      expect(res.json().reason).toEqual({ code: 'REGISTRATION_CLOSED', params: { email: settings.json().contactEmail } });
      expect(await count('registrations')).toBe(before);
    } finally {
      await manager.request({ method: 'PUT', url: '/api/registration/settings', payload: { open: true } });
    }
  });
});

describe('unverified registrations', () => {
  it('are deleted by the scheduled job after seven days, with their link', async () => {
    await signUp({ email: 'old@example.org' });
    await signUp({ email: 'recent@example.org' });
    const oldToken = await verifyLinkOf('old@example.org');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const sixDaysAgo = new Date(Date.now() - 6 * 24 * 3600 * 1000);
    await t.app.db.updateTable('registrations').set({ created_at: eightDaysAgo }).where('email', '=', 'old@example.org').execute();
    await t.app.db.updateTable('registrations').set({ created_at: sixDaysAgo }).where('email', '=', 'recent@example.org').execute();
    expect(await expireRegistrations(t.app.db, new Date())).toBeGreaterThanOrEqual(1);
    const left = await t.app.db.selectFrom('registrations').select('email').where('email', 'in', ['old@example.org', 'recent@example.org']).execute();
    expect(left.map((r) => r.email)).toEqual(['recent@example.org']);
    expect((await verify(oldToken)).statusCode).toBe(410);
  });
});

describe('enumeration resistance', () => {
  it('answers a known address with the same status, body and timing as a new one, and emails the known address', async () => {
    const known: { status: number; body: string; ms: number }[] = [];
    const fresh: { status: number; body: string; ms: number }[] = [];
    // Twenty accounts, so that the limit per email (three an hour) never answers instead.
    const hash = (await t.app.db.selectFrom('people').select('password_hash').where('email', '=', 'expert@demo.peercities.eu').executeTakeFirstOrThrow()).password_hash;
    await t.app.db
      .insertInto('people')
      .values(Array.from({ length: 20 }, (_, i) => ({ email: `known${i}@example.org`, name: `Known ${i}`, password_hash: hash })))
      .execute();
    const c = await t.client();
    const time = async (email: string) => {
      const started = performance.now();
      const res = await c.request({ method: 'POST', url: '/api/registrations', payload: body({ email }), remoteAddress: nextIp() });
      return { status: res.statusCode, body: res.body, ms: performance.now() - started };
    };
    for (let i = 0; i < 20; i++) {
      known.push(await time(`known${i}@example.org`));
      fresh.push(await time(`fresh${i}@example.org`));
    }
    expect(new Set([...known, ...fresh].map((r) => `${r.status} ${r.body}`))).toEqual(new Set(['202 {"status":"check-email"}']));
    const mean = (rs: { ms: number }[]) => rs.reduce((sum, r) => sum + r.ms, 0) / rs.length;
    expect(Math.abs(mean(known) - mean(fresh))).toBeLessThan(50);
    const told = (await mailTo('known7@example.org')).find((m) => m.subject.startsWith('Someone tried to register'));
    expect(told?.text).toContain('Hello Known 7,');
    expect(told?.text).not.toContain('Aino');
    expect(told?.text).toContain('/forgot-password');
  });
});
