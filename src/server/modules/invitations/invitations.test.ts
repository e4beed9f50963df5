import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp, type TestClient } from '../../test-support/test-app.ts';

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
    expect(preview.json()).toMatchObject({ email: 'kadri.tamm@tartu.ee', role: 'city_representative', cityName: 'Tartu', existingAccount: false });

    const accepted = await visitor.request({
      method: 'POST',
      url: `/api/invitations/by-token/${token}/accept`,
      payload: { name: 'Kadri Tamm', password: 'a long enough password' },
    });
    expect(accepted.statusCode).toBe(200);
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
    const first = await (await t.client()).request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Once', password: 'first password 123' } });
    expect(first.statusCode).toBe(200);
    const second = await (await t.client()).request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Mallory', password: 'second password 123' } });
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
    expect((await c.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Late', password: 'too late password' } })).statusCode).toBe(410);
    const list = await manager.request({ method: 'GET', url: '/api/invitations' });
    expect(list.json().items.find((i: { email: string }) => i.email === 'late@example.org').status).toBe('expired');
  });

  it('adds the role to an existing account when the person confirms their current password', async () => {
    await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'expert@demo.peercities.eu', name: 'Sofia Rossi', role: 'evaluator' } });
    const token = tokenOf(await latestLinkTo('expert@demo.peercities.eu'));
    const c = await t.client();
    expect((await c.request({ method: 'GET', url: `/api/invitations/by-token/${token}` })).json().existingAccount).toBe(true);
    const wrong = await c.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Sofia', password: 'not her password' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await c.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Sofia', password: DEMO_PASSWORD } });
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
    expect(noCity.json().errors).toEqual([{ field: 'body.cityId', message: 'A city representative needs a city; other roles take none.' }]);
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
