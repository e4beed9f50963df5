import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { notify, programmeTeam, representativesOf } from './notify.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const personId = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const cityId = async (slug: string) => (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

describe('notify', () => {
  it('writes one notification per person and emails at once only those who chose "immediately"; a deactivated account hears nothing', async () => {
    const lahti = await representativesOf(t.app.db, [await cityId('lahti')]);
    const [mikko, aino] = [await personId('lahti@demo.peercities.eu'), await personId('lahti2@demo.peercities.eu')];
    expect(lahti.sort()).toEqual([mikko, aino].sort());
    const krakow = await personId('krakow@demo.peercities.eu');
    await t.app.db.insertInto('notification_preferences').values({ person_id: aino, kind: 'message', delivery: 'digest' }).execute();
    await t.app.db.updateTable('people').set({ disabled_at: new Date() }).where('id', '=', krakow).execute();
    try {
      const outboxBefore = Number((await t.app.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const result = await t.app.db.transaction().execute((trx) =>
        notify(trx, {
          kind: 'message',
          personIds: [mikko, aino, mikko, krakow],
          title: 'Valencia answered: heat pumps',
          link: '/conversations/x',
          email: (r) => ({ subject: 'New message', text: `Hello ${r.name}` }),
        }),
      );
      expect(result).toEqual({ notified: 2, emailed: 1 });
      const rows = await t.app.db.selectFrom('notifications').select(['person_id', 'delivery', 'emailed_at', 'read_at']).where('link', '=', '/conversations/x').orderBy('delivery').execute();
      expect(rows.map((r) => [r.person_id, r.delivery, r.emailed_at !== null, r.read_at])).toEqual([
        [aino, 'digest', false, null],
        [mikko, 'immediate', true, null],
      ]);
      const mail = await t.app.db.selectFrom('outbox').select(['to_address', 'text_body']).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(mail).toEqual({ to_address: 'lahti@demo.peercities.eu', text_body: 'Hello Mikko Virtanen' });
      const outboxAfter = Number((await t.app.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(outboxAfter - outboxBefore).toBe(1);
    } finally {
      await t.app.db.updateTable('people').set({ disabled_at: null }).where('id', '=', krakow).execute();
    }
  });

  it('writes nothing when the change it belongs to is rolled back', async () => {
    const mikko = await personId('lahti@demo.peercities.eu');
    await expect(
      t.app.db.transaction().execute(async (trx) => {
        await notify(trx, { kind: 'decision', personIds: [mikko], title: 'Decision', link: '/rolled-back', email: () => ({ subject: 's', text: 't' }) });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.app.db.selectFrom('notifications').select('id').where('link', '=', '/rolled-back').execute()).toEqual([]);
  });

  it('the programme team is every programme manager', async () => {
    expect((await programmeTeam(t.app.db)).sort()).toEqual([await personId('manager@demo.peercities.eu'), await personId('manager2@demo.peercities.eu')].sort());
  });
});
