import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, READ_NOTICE, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let lucia: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  // Valencia as these tests know it: Lucía its only representative (the direct exchange's demo adds Jorge, valencia2@).
  const jorge = await t.app.db.selectFrom('people').select('id').where('email', '=', 'valencia2@demo.peercities.eu').executeTakeFirstOrThrow();
  await t.app.db.deleteFrom('role_grants').where('person_id', '=', jorge.id).execute();
  lucia = await t.signedIn('valencia@demo.peercities.eu');
});
afterAll(async () => t.close());

const idOf = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const linkTo = async (email: string) => {
  const [mail] = await t.app.db.selectFrom('outbox').select('text_body').where('to_address', '=', email).orderBy('created_at', 'desc').execute();
  return /\/invitations\/([\w-]+)/.exec(mail?.text_body ?? '')?.[1] ?? '';
};
const representativesOf = async (client: TestClient, slug = 'valencia') => (await client.request({ method: 'GET', url: `/api/cities/${slug}/representatives` })).json();

/** Lucía invites a colleague, who accepts and is signed in. */
async function colleague(email: string, name: string): Promise<TestClient> {
  const invited = await lucia.request({ method: 'POST', url: '/api/cities/valencia/representatives/invitations', payload: { email, name } });
  expect(invited.statusCode).toBe(201);
  const c = await t.client();
  const accepted = await c.request({ method: 'POST', url: `/api/invitations/by-token/${await linkTo(email)}/accept`, payload: { name, password: 'a long enough password', ...READ_NOTICE } });
  expect(accepted.statusCode).toBe(200);
  return c;
}

describe("a city's representatives, managed by its primary contact", () => {
  it('shows the primary contact who represents the city, and that she may manage them', async () => {
    const res = await lucia.request({ method: 'GET', url: '/api/cities/valencia/representatives' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      city: { slug: 'valencia', name: 'Valencia' },
      representatives: [{ name: 'Lucía Martínez', email: 'valencia@demo.peercities.eu', primaryContact: true, deactivated: false }],
      invitations: [],
      canManage: true,
    });
  });

  it('lets another representative see them but not change them, and no other city see them', async () => {
    const aino = await t.signedIn('lahti2@demo.peercities.eu');
    expect((await representativesOf(aino, 'lahti')).canManage).toBe(false);
    const before = await t.app.db.selectFrom('invitations').select('id').execute();
    const invite = await aino.request({ method: 'POST', url: '/api/cities/lahti/representatives/invitations', payload: { email: 'colleague@lahti.fi', name: 'Colleague' } });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().reason).toEqual({ code: 'NOT_PRIMARY_CONTACT', params: { city: 'Lahti' } });
    expect(await t.app.db.selectFrom('invitations').select('id').execute()).toEqual(before);

    const other = await lucia.request({ method: 'GET', url: '/api/cities/lahti/representatives' });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN', reason: { code: 'REPRESENTATIVES_NOT_YOURS', params: { city: 'Lahti' } } });
    const facilitator = await t.signedIn('facilitator@demo.peercities.eu');
    expect((await facilitator.request({ method: 'GET', url: '/api/cities/valencia/representatives' })).statusCode).toBe(403);
    expect((await lucia.request({ method: 'GET', url: '/api/cities/atlantis/representatives' })).json().reason).toEqual({ code: 'CITY_NOT_FOUND' });
  });

  it('invites a colleague as representative of the city, who appears once they accept', async () => {
    const invited = await lucia.request({ method: 'POST', url: '/api/cities/valencia/representatives/invitations', payload: { email: 'Javier.Lopez@Valencia.es', name: 'Javier López' } });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email: 'javier.lopez@valencia.es', role: 'city_representative', cityName: 'Valencia', otherRoles: [], status: 'pending', invitedBy: 'Lucía Martínez' });
    expect((await representativesOf(lucia)).invitations.map((i: { email: string }) => i.email)).toEqual(['javier.lopez@valencia.es']);
    const [mail] = await t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'javier.lopez@valencia.es').execute();
    expect(mail?.subject).toBe('You are invited to peercities as city representative for Valencia');
    expect(mail?.text_body).toContain('Lucía Martínez invites you');

    const twice = await lucia.request({ method: 'POST', url: '/api/cities/valencia/representatives/invitations', payload: { email: 'javier.lopez@valencia.es', name: 'Javier López' } });
    expect(twice.json()).toMatchObject({ code: 'INVITATION_PENDING', reason: { code: 'INVITATION_ALREADY_PENDING' } });

    const c = await t.client();
    await c.request({ method: 'POST', url: `/api/invitations/by-token/${await linkTo('javier.lopez@valencia.es')}/accept`, payload: { name: 'Javier López', password: 'a long enough password', ...READ_NOTICE } });
    const now = await representativesOf(lucia);
    expect(now.representatives.map((r: { name: string; primaryContact: boolean }) => [r.name, r.primaryContact])).toEqual([
      ['Lucía Martínez', true],
      ['Javier López', false],
    ]);
    expect(now.invitations).toEqual([]);
  });

  it('removes a colleague, and is recorded', async () => {
    const marta = await colleague('marta.ruiz@valencia.es', 'Marta Ruiz');
    const id = await idOf('marta.ruiz@valencia.es');
    const res = await lucia.request({ method: 'DELETE', url: `/api/cities/valencia/representatives/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().representatives.map((r: { name: string }) => r.name)).not.toContain('Marta Ruiz');
    expect((await marta.request({ method: 'GET', url: '/api/me' })).json().roles).toEqual([]);
    const [audit] = await t.app.db.selectFrom('audit_events').select(['action', 'actor_id', 'details']).where('entity_id', '=', id).where('action', '=', 'person.role_withdraw').execute();
    expect(audit).toMatchObject({ actor_id: await idOf('valencia@demo.peercities.eu'), details: { before: { roles: ['city_representative: Valencia'] }, after: { roles: [] } } });
    expect((await lucia.request({ method: 'DELETE', url: `/api/cities/valencia/representatives/${id}` })).statusCode).toBe(404);
  });

  it('hands over the primary contact, after which the new one manages and the last one stays', async () => {
    const javier = await t.signedIn('javier.lopez@valencia.es', 'a long enough password');
    const javierId = await idOf('javier.lopez@valencia.es');
    const luciaId = await idOf('valencia@demo.peercities.eu');

    // Lucía cannot leave while she is the primary contact.
    const leave = await lucia.request({ method: 'DELETE', url: `/api/cities/valencia/representatives/${luciaId}` });
    expect(leave.json().reason.code).toBe('HAND_OVER_PRIMARY_CONTACT_FIRST');
    // Only a representative of the city can take over.
    const stranger = await lucia.request({ method: 'PUT', url: '/api/cities/valencia/primary-contact', payload: { personId: await idOf('lahti@demo.peercities.eu') } });
    expect(stranger.json().reason).toEqual({ code: 'NOT_A_REPRESENTATIVE', params: { name: 'Mikko Virtanen', city: 'Valencia' } });

    const handOver = await lucia.request({ method: 'PUT', url: '/api/cities/valencia/primary-contact', payload: { personId: javierId } });
    expect(handOver.statusCode).toBe(200);
    expect(handOver.json()).toMatchObject({ canManage: false, representatives: [{ name: 'Javier López', primaryContact: true }, { name: 'Lucía Martínez', primaryContact: false }] });
    const subjects = await t.app.db.selectFrom('outbox').select('subject').where('to_address', '=', 'javier.lopez@valencia.es').execute();
    expect(subjects.map((s) => s.subject)).toContain('You are now the primary contact of Valencia on peercities');
    const city = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'valencia').executeTakeFirstOrThrow()).id;
    const [audit] = await t.app.db.selectFrom('audit_events').select(['actor_id', 'details']).where('entity_id', '=', city).where('action', '=', 'city.primary_contact').execute();
    expect(audit).toEqual({ actor_id: luciaId, details: { before: { primaryContact: 'Lucía Martínez' }, after: { primaryContact: 'Javier López' } } });

    // Lucía no longer manages; Javier does, and removes her; then he is the last one.
    expect((await lucia.request({ method: 'DELETE', url: `/api/cities/valencia/representatives/${javierId}` })).json().reason.code).toBe('NOT_PRIMARY_CONTACT');
    expect((await javier.request({ method: 'DELETE', url: `/api/cities/valencia/representatives/${luciaId}` })).statusCode).toBe(200);
    const last = await javier.request({ method: 'DELETE', url: `/api/cities/valencia/representatives/${javierId}` });
    expect(last.statusCode).toBe(409);
    expect(last.json().reason).toEqual({ code: 'LAST_REPRESENTATIVE', params: { name: 'Javier López', city: 'Valencia' } });
    expect((await representativesOf(javier)).representatives).toHaveLength(1);
  });

  it('lets programme managers do the same for any city', async () => {
    const manager = await t.signedIn('manager@demo.peercities.eu');
    const lahti = await representativesOf(manager, 'lahti');
    expect(lahti.canManage).toBe(true);
    const aino = await idOf('lahti2@demo.peercities.eu');
    expect((await manager.request({ method: 'PUT', url: '/api/cities/lahti/primary-contact', payload: { personId: aino } })).statusCode).toBe(200);
    const removed = await manager.request({ method: 'DELETE', url: `/api/cities/lahti/representatives/${await idOf('lahti@demo.peercities.eu')}` });
    expect(removed.json().representatives.map((r: { name: string; primaryContact: boolean }) => [r.name, r.primaryContact])).toEqual([['Aino Korhonen', true]]);
  });
});
