import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, READ_NOTICE, DEMO_PASSWORD, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;
let tartuId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
  const cities = await manager.request({ method: 'GET', url: '/api/cities?q=tartu' });
  tartuId = cities.json().items[0].id;
});
afterAll(async () => t.close());

async function latestLinkTo(email: string): Promise<string> {
  const mail = await manager.request({ method: 'GET', url: '/api/mailbox?pageSize=100' });
  const message = mail.json().items.find((m: { to: string }) => m.to === email);
  const match = /http:\/\/peercities\.test(\/\S+)/.exec(message?.text ?? '');
  if (!match?.[1]) throw new Error(`No link in the email to ${email}`);
  return match[1];
}

const tokenOf = (path: string) => path.split('/').at(-1) ?? '';

describe('inviting a city representative', () => {
  it('emails a link that lets the person set a password and signs them in with the role', async () => {
    const invite = await manager.request({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'Kadri.Tamm@Tartu.ee', name: 'Kadri Tamm', role: 'city_representative', cityId: tartuId, primaryContact: true },
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({ email: 'kadri.tamm@tartu.ee', status: 'pending', cityName: 'Tartu', invitedBy: 'Anna Lindqvist' });

    const link = await latestLinkTo('kadri.tamm@tartu.ee');
    expect(link).toMatch(/^\/invitations\/[\w-]{40,}$/);
    const token = tokenOf(link);

    const visitor = await t.client();
    const preview = await visitor.request({ method: 'GET', url: `/api/invitations/by-token/${token}` });
    expect(preview.json()).toMatchObject({ email: 'kadri.tamm@tartu.ee', role: 'city_representative', cityName: 'Tartu', existingAccount: false, privacyNoticeVersion: '1' });

    const unread = await visitor.request({
      method: 'POST',
      url: `/api/invitations/by-token/${token}/accept`,
      payload: { name: 'Kadri Tamm', password: 'a long enough password', privacyNoticeVersion: '1', privacyNoticeRead: false },
    });
    expect(unread.statusCode).toBe(400);
    expect(unread.json().errors).toEqual([expect.objectContaining({ field: 'body.privacyNoticeRead', reason: { code: 'PRIVACY_NOTICE_NOT_ACCEPTED' } })]);

    const accepted = await visitor.request({
      method: 'POST',
      url: `/api/invitations/by-token/${token}/accept`,
      payload: { name: 'Kadri Tamm', password: 'a long enough password', ...READ_NOTICE },
    });
    expect(accepted.statusCode).toBe(200);
    const consents = await t.app.db.selectFrom('privacy_consents').select(['notice_version', 'context']).where('person_id', '=', accepted.json().user.id).execute();
    expect(consents).toEqual([{ notice_version: '1', context: 'invitation' }]);
    expect((await visitor.request({ method: 'GET', url: '/api/me' })).json().privacy).toEqual({ currentVersion: '1', acceptedVersion: '1', needsAcceptance: false });
    expect(accepted.json().user.roles).toEqual([{ role: 'city_representative', cityId: tartuId, cityName: 'Tartu', primaryContact: true }]);
    expect((await visitor.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);

    const again = await t.signedIn('kadri.tamm@tartu.ee', 'a long enough password');
    expect((await again.request({ method: 'GET', url: '/api/me' })).json().name).toBe('Kadri Tamm');

    const list = await manager.request({ method: 'GET', url: '/api/invitations' });
    expect(list.json().items[0]).toMatchObject({ email: 'kadri.tamm@tartu.ee', status: 'accepted' });
  });

  it('works once: a second use of the link is refused', async () => {
    await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'once@example.org', name: 'Once', role: 'expert' } });
    const token = tokenOf(await latestLinkTo('once@example.org'));
    const first = await (await t.client()).request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Once', password: 'first password 123', ...READ_NOTICE } });
    expect(first.statusCode).toBe(200);
    const second = await (await t.client()).request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Mallory', password: 'second password 123', ...READ_NOTICE } });
    expect(second.statusCode).toBe(410);
    expect(second.json().code).toBe('TOKEN_INVALID');
    await t.signedIn('once@example.org', 'first password 123');
  });

  it('expires', async () => {
    await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'late@example.org', name: 'Late', role: 'evaluator' } });
    const token = tokenOf(await latestLinkTo('late@example.org'));
    await t.app.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('email', '=', 'late@example.org').execute();
    const c = await t.client();
    expect((await c.request({ method: 'GET', url: `/api/invitations/by-token/${token}` })).statusCode).toBe(410);
    expect((await c.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Late', password: 'too late password', ...READ_NOTICE } })).statusCode).toBe(410);
    const list = await manager.request({ method: 'GET', url: '/api/invitations' });
    expect(list.json().items.find((i: { email: string }) => i.email === 'late@example.org').status).toBe('expired');
  });

  it('adds the role to an existing account when the person confirms their current password', async () => {
    await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'expert@demo.peercities.eu', name: 'Sofia Rossi', role: 'evaluator' } });
    const token = tokenOf(await latestLinkTo('expert@demo.peercities.eu'));
    const c = await t.client();
    expect((await c.request({ method: 'GET', url: `/api/invitations/by-token/${token}` })).json().existingAccount).toBe(true);
    const wrong = await c.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Sofia', password: 'not her password', ...READ_NOTICE } });
    expect(wrong.statusCode).toBe(401);
    const ok = await c.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Sofia', password: DEMO_PASSWORD, ...READ_NOTICE } });
    expect(ok.json().user.roles.map((r: { role: string }) => r.role)).toEqual(['evaluator', 'expert']);
  });

  it('refuses to invite someone who already holds the role, or twice while pending', async () => {
    const taken = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'facilitator@demo.peercities.eu', name: 'Pierre', role: 'facilitator' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('EMAIL_TAKEN');
    await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'twice@example.org', name: 'Twice', role: 'expert' } });
    const pending = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'twice@example.org', name: 'Twice', role: 'expert' } });
    expect(pending.json().code).toBe('INVITATION_PENDING');
  });

  it('needs a city for a city representative and writes nothing when the request is invalid', async () => {
    const before = await t.app.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'not-an-email', name: '', role: 'city_representative' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.cityId', 'body.email', 'body.name']);
    const noCity = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'rep@example.org', name: 'Rep', role: 'city_representative' } });
    expect(noCity.json().errors).toEqual([{ field: 'body.cityId', message: 'A city representative needs a city; other roles take none.', reason: { code: 'ROLE_CITY_MISMATCH' } }]);
    const unknownCity = await manager.request({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'rep@example.org', name: 'Rep', role: 'city_representative', cityId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownCity.json().errors).toEqual([{ field: 'body.cityId', message: 'Choose a city from the list.' }]);
    const after = await t.app.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('can be revoked, after which the link no longer works', async () => {
    const created = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'revoked@example.org', name: 'Rev', role: 'expert' } });
    const token = tokenOf(await latestLinkTo('revoked@example.org'));
    const revoke = await manager.request({ method: 'DELETE', url: `/api/invitations/${created.json().id}` });
    expect(revoke.statusCode).toBe(204);
    expect((await manager.request({ method: 'DELETE', url: `/api/invitations/${created.json().id}` })).statusCode).toBe(409);
    expect((await (await t.client()).request({ method: 'GET', url: `/api/invitations/by-token/${token}` })).statusCode).toBe(410);
  });

  it('is for programme managers only', async () => {
    const rep = await t.signedIn('valencia@demo.peercities.eu');
    const res = await rep.request({ method: 'POST', url: '/api/invitations', payload: { email: 'x@example.org', name: 'X', role: 'programme_manager' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('pages the list of invitations', async () => {
    const page1 = await manager.request({ method: 'GET', url: '/api/invitations?page=1&pageSize=2' });
    const page2 = await manager.request({ method: 'GET', url: '/api/invitations?page=2&pageSize=2' });
    expect(page1.json().items).toHaveLength(2);
    expect(page1.json().total).toBeGreaterThan(4);
    expect(page2.json().items[0].id).not.toBe(page1.json().items[0].id);
    expect((await manager.request({ method: 'GET', url: '/api/invitations?pageSize=1000' })).statusCode).toBe(400);
  });
});

describe('an invitation with several roles', () => {
  it('grants them all when accepted, and says so in the email and on the invitation page', async () => {
    const invite = await manager.request({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'several@example.org', name: 'Seve Ral', role: 'city_representative', cityId: tartuId, otherRoles: ['facilitator', 'evaluator'] },
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({ role: 'city_representative', cityName: 'Tartu', otherRoles: ['facilitator', 'evaluator'] });
    const [mail] = await t.app.db.selectFrom('outbox').select('subject').where('to_address', '=', 'several@example.org').execute();
    expect(mail?.subject).toBe('You are invited to peercities as city representative for Tartu and facilitator and evaluator');

    const token = tokenOf(await latestLinkTo('several@example.org'));
    const c = await t.client();
    expect((await c.request({ method: 'GET', url: `/api/invitations/by-token/${token}` })).json()).toMatchObject({ role: 'city_representative', otherRoles: ['facilitator', 'evaluator'] });
    const accepted = await c.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Seve Ral', password: 'a long enough password', ...READ_NOTICE } });
    expect(accepted.json().user.roles.map((r: { role: string; cityName: string | null }) => [r.role, r.cityName])).toEqual([
      ['city_representative', 'Tartu'],
      ['evaluator', null],
      ['facilitator', null],
    ]);
  });

  it('refuses a city role among the others, a role twice, and a role the person holds or is already invited to', async () => {
    const fields = async (payload: object) =>
      (await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'many@example.org', name: 'Many', ...payload } })).json().errors?.map((e: { field: string }) => e.field);
    expect(await fields({ role: 'evaluator', otherRoles: ['city_representative'] })).toEqual(['body.otherRoles.0']);
    expect(await fields({ role: 'evaluator', otherRoles: ['expert', 'evaluator'] })).toEqual(['body.otherRoles']);

    const held = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'evaluator2@demo.peercities.eu', name: 'Ingrid', role: 'expert', otherRoles: ['evaluator'] } });
    expect(held.json()).toMatchObject({ code: 'EMAIL_TAKEN', reason: { code: 'ROLE_ALREADY_HELD' } });
    await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'many@example.org', name: 'Many', role: 'expert', otherRoles: ['evaluator'] } });
    const pending = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'many@example.org', name: 'Many', role: 'evaluator' } });
    expect(pending.json()).toMatchObject({ code: 'INVITATION_PENDING', reason: { code: 'INVITATION_ALREADY_PENDING', params: { email: 'many@example.org' } } });
    // A role the pending invitation does not carry may be invited to separately.
    expect((await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'many@example.org', name: 'Many', role: 'facilitator' } })).statusCode).toBe(201);
  });
});

describe('sending an invitation again', () => {
  it('mails a new link valid seven more days; the old link stops working', async () => {
    const created = (await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'again@example.org', name: 'Again', role: 'expert' } })).json();
    const oldToken = tokenOf(await latestLinkTo('again@example.org'));
    await t.app.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', created.id).execute();

    const res = await manager.request({ method: 'POST', url: `/api/invitations/${created.id}/resend` });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('pending');
    expect(Date.parse(res.json().expiresAt)).toBeGreaterThan(Date.now() + 6.9 * 24 * 3600 * 1000);
    const newToken = tokenOf(await latestLinkTo('again@example.org'));
    expect(newToken).not.toBe(oldToken);
    const c = await t.client();
    expect((await c.request({ method: 'GET', url: `/api/invitations/by-token/${oldToken}` })).statusCode).toBe(410);
    expect((await c.request({ method: 'GET', url: `/api/invitations/by-token/${newToken}` })).statusCode).toBe(200);
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', created.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['invitation.create', 'invitation.resend']);
  });

  it('is refused, with the reason, for an invitation revoked or accepted', async () => {
    const created = (await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'gone@example.org', name: 'Gone', role: 'expert' } })).json();
    await manager.request({ method: 'DELETE', url: `/api/invitations/${created.id}` });
    const revoked = await manager.request({ method: 'POST', url: `/api/invitations/${created.id}/resend` });
    expect(revoked.statusCode).toBe(409);
    expect(revoked.json()).toMatchObject({ reason: { code: 'INVITATION_REVOKED' }, detail: 'This invitation was revoked.' });
    const accepted = (await manager.request({ method: 'GET', url: '/api/invitations?email=kadri.tamm@tartu.ee' })).json().items[0];
    expect((await manager.request({ method: 'POST', url: `/api/invitations/${accepted.id}/resend` })).json().reason).toEqual({ code: 'INVITATION_ACCEPTED' });
    expect((await manager.request({ method: 'POST', url: '/api/invitations/00000000-0000-4000-8000-000000000000/resend' })).json().reason).toEqual({ code: 'INVITATION_NOT_FOUND' });
  });

  it('lists the invitations sent to one address', async () => {
    const list = (await manager.request({ method: 'GET', url: '/api/invitations?email=Many@Example.org' })).json();
    expect(list.total).toBe(2);
    expect(list.items.map((i: { email: string }) => i.email)).toEqual(['many@example.org', 'many@example.org']);
  });
});
