import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, READ_NOTICE, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { recordConsent } from './consent.service.ts';

let t: TestApp;
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
});
afterAll(async () => t.close());

const idOf = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const consentsOf = async (personId: string) =>
  t.app.db.selectFrom('privacy_consents').select(['notice_version', 'context']).where('person_id', '=', personId).orderBy('accepted_at').execute();

/** Invites a representative of a city and returns the token of the link emailed. */
async function invite(email: string, citySlug: string): Promise<string> {
  const city = (await manager.request({ method: 'GET', url: `/api/cities/${citySlug}` })).json();
  const res = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email, name: 'Invited Person', role: 'city_representative', cityId: city.id } });
  expect(res.statusCode).toBe(201);
  const mail = await t.app.db.selectFrom('outbox').select('text_body').where('to_address', '=', email).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const token = /\/invitations\/([\w-]+)/.exec(mail.text_body)?.[1];
  if (!token) throw new Error(`no link in the email to ${email}`);
  return token;
}

const accept = async (token: string, privacy: { privacyNoticeVersion: string; privacyNoticeRead: boolean }) =>
  (await t.client()).request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Invited Person', password: 'a long enough password', ...privacy } });

const publicContacts = async (slug: string) => (await (await t.client()).request({ method: 'GET', url: `/api/cities/${slug}/public-contacts` })).json().items;

describe('the privacy notice', () => {
  it('is public, with what is processed and for how long', async () => {
    const res = await (await t.client()).request({ method: 'GET', url: '/api/privacy-notice' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: '1', changes: '' });
    for (const part of ['## What we process and why', '**Sign-in records**', '**Discussion posts and meetings**', '## How long we keep it', '## Your rights']) {
      expect(res.json().body).toContain(part);
    }
  });
});

describe('opt-ins', () => {
  it('start off; a representative is listed on the city’s public page only once they opt in, and each change is recorded', async () => {
    const token = await invite('optin.person@tartu.ee', 'tartu');
    expect((await accept(token, READ_NOTICE)).statusCode).toBe(200);
    const person = await t.signedIn('optin.person@tartu.ee', 'a long enough password');
    expect((await person.request({ method: 'GET', url: '/api/me' })).json().optIns).toEqual({ newsletter: false, directory: false });
    expect(await publicContacts('tartu')).toEqual([]);
    // A demo representative who never opted in is not listed either.
    expect(await publicContacts('valencia')).toEqual([]);

    const on = await person.request({ method: 'PUT', url: '/api/me/opt-ins', payload: { newsletter: false, directory: true } });
    expect(on.statusCode).toBe(200);
    expect(on.json().optIns).toEqual({ newsletter: false, directory: true });
    expect(await publicContacts('tartu')).toEqual([{ name: 'Invited Person', email: 'optin.person@tartu.ee', primaryContact: false }]);

    await person.request({ method: 'PUT', url: '/api/me/opt-ins', payload: { newsletter: true, directory: false } });
    expect(await publicContacts('tartu')).toEqual([]);
    const id = await idOf('optin.person@tartu.ee');
    const audit = await t.app.db.selectFrom('audit_events').select('details').where('entity_id', '=', id).where('action', '=', 'person.opt_ins').orderBy('id').execute();
    expect(audit.map((a) => a.details)).toEqual([
      { before: { newsletter: false, directory: false }, after: { newsletter: false, directory: true } },
      { before: { newsletter: false, directory: true }, after: { newsletter: true, directory: false } },
    ]);
    expect((await (await t.client()).request({ method: 'GET', url: '/api/cities/atlantis/public-contacts' })).statusCode).toBe(404);
  });
});

describe('a new version of the notice', () => {
  let pendingToken: string;

  it('is published by a programme manager, once per label, and recorded', async () => {
    pendingToken = await invite('late.reader@tartu.ee', 'tartu');
    const published = await manager.request({
      method: 'POST',
      url: '/api/privacy-notices',
      payload: { version: '2', changes: 'Sign-in records are now kept for six months.', body: '## Who we are\n\nThe programme team.' },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ version: '2', changes: 'Sign-in records are now kept for six months.' });
    expect((await (await t.client()).request({ method: 'GET', url: '/api/privacy-notice' })).json().version).toBe('2');

    const twice = await manager.request({ method: 'POST', url: '/api/privacy-notices', payload: { version: '2', changes: 'Again', body: 'Again' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors).toEqual([expect.objectContaining({ field: 'body.version', reason: { code: 'PRIVACY_NOTICE_VERSION_TAKEN', params: { version: '2' } } })]);

    const versions = (await manager.request({ method: 'GET', url: '/api/privacy-notices' })).json().items;
    expect(versions.map((v: { version: string; current: boolean; publishedBy: string | null }) => [v.version, v.current, v.publishedBy])).toEqual([
      ['2', true, 'Anna Lindqvist'],
      ['1', false, null],
    ]);
    expect(versions[1].acceptances).toBeGreaterThan(10);
    const audit = await t.app.db.selectFrom('audit_events').select(['actor_id', 'details']).where('action', '=', 'privacy_notice.publish').execute();
    expect(audit).toEqual([{ actor_id: await idOf('manager@demo.peercities.eu'), details: { before: { version: '1' }, after: { version: '2' }, changes: 'Sign-in records are now kept for six months.' } }]);
  });

  it('makes an invitation accepted with the outdated or an unknown version fail, writing nothing', async () => {
    const consentsBefore = await t.app.db.selectFrom('privacy_consents').select('id').execute();
    const outdated = await accept(pendingToken, READ_NOTICE);
    expect(outdated.statusCode).toBe(400);
    expect(outdated.json().errors).toEqual([
      expect.objectContaining({ field: 'body.privacyNoticeVersion', reason: { code: 'PRIVACY_NOTICE_OUTDATED', params: { current: '2' } } }),
    ]);
    const unknown = await accept(pendingToken, { privacyNoticeVersion: '9', privacyNoticeRead: true });
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'body.privacyNoticeVersion', reason: { code: 'PRIVACY_NOTICE_UNKNOWN', params: { version: '9' } } })]);
    expect(await t.app.db.selectFrom('people').select('id').where('email', '=', 'late.reader@tartu.ee').execute()).toEqual([]);
    expect(await t.app.db.selectFrom('privacy_consents').select('id').execute()).toEqual(consentsBefore);
    expect((await manager.request({ method: 'GET', url: '/api/invitations?email=late.reader@tartu.ee' })).json().items[0].status).toBe('pending');

    const preview = await (await t.client()).request({ method: 'GET', url: `/api/invitations/by-token/${pendingToken}` });
    expect(preview.json().privacyNoticeVersion).toBe('2');
    expect((await accept(pendingToken, { privacyNoticeVersion: '2', privacyNoticeRead: true })).statusCode).toBe(200);
    expect(await consentsOf(await idOf('late.reader@tartu.ee'))).toEqual([{ notice_version: '2', context: 'invitation' }]);
  });

  it('is asked of everyone who accepted an older one; accepting it again is recorded', async () => {
    const lucia = await t.signedIn('valencia@demo.peercities.eu');
    expect((await lucia.request({ method: 'GET', url: '/api/me' })).json().privacy).toEqual({ currentVersion: '2', acceptedVersion: '1', needsAcceptance: true });
    // The API does not hold other work back until then; the web app asks (decision 0022).
    expect((await lucia.request({ method: 'PATCH', url: '/api/me', payload: { name: 'Lucía Martínez', locale: 'en' } })).statusCode).toBe(200);

    const unticked = await lucia.request({ method: 'POST', url: '/api/me/consents', payload: { privacyNoticeVersion: '2', privacyNoticeRead: false } });
    expect(unticked.statusCode).toBe(400);
    const old = await lucia.request({ method: 'POST', url: '/api/me/consents', payload: { privacyNoticeVersion: '1', privacyNoticeRead: true } });
    expect(old.json().reason).toEqual({ code: 'PRIVACY_NOTICE_OUTDATED', params: { current: '2' } });

    const ok = await lucia.request({ method: 'POST', url: '/api/me/consents', payload: { privacyNoticeVersion: '2', privacyNoticeRead: true } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().privacy).toEqual({ currentVersion: '2', acceptedVersion: '2', needsAcceptance: false });
    const id = await idOf('valencia@demo.peercities.eu');
    expect(await consentsOf(id)).toEqual([
      { notice_version: '1', context: 'invitation' },
      { notice_version: '2', context: 're-accept' },
    ]);
    const audit = await t.app.db.selectFrom('audit_events').select('details').where('actor_id', '=', id).where('action', '=', 'privacy_notice.accept').execute();
    expect(audit).toEqual([{ details: { version: '2' } }]);
    // Accepting twice keeps the first record.
    expect((await lucia.request({ method: 'POST', url: '/api/me/consents', payload: { privacyNoticeVersion: '2', privacyNoticeRead: true } })).statusCode).toBe(200);
    expect(await consentsOf(id)).toHaveLength(2);
  });

  it('is what recordConsent, the registration’s entry point, accepts in the caller’s transaction', async () => {
    const id = await idOf('expert@demo.peercities.eu');
    await expect(t.app.db.transaction().execute((trx) => recordConsent(trx, { personId: id, noticeVersion: '1', context: 'registration' }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      options: { errors: [expect.objectContaining({ field: 'body.privacyNoticeVersion' })] },
    });
    await t.app.db.transaction().execute((trx) => recordConsent(trx, { personId: id, noticeVersion: '2', context: 'registration' }));
    expect(await consentsOf(id)).toContainEqual({ notice_version: '2', context: 'registration' });
  });
});
