import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { rowsToCsv } from './data-export.service.ts';

// jszip (a dependency of exceljs) reads the ZIP back as a person's unzip tool would.
let t: TestApp;
let rep: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  rep = await t.signedIn('valencia@demo.peercities.eu');
});
afterAll(async () => t.close());

describe('download my data', () => {
  it('makes a ZIP of JSON and CSV in the background, with progress, that only its owner downloads, for 24 hours', async () => {
    const requested = await rep.request({ method: 'POST', url: '/api/me/data-exports' });
    expect(requested.statusCode, requested.body).toBe(202);
    expect(requested.headers['cache-control']).toBe('no-store');
    const id = requested.json().id;
    expect(['pending', 'running', 'ready']).toContain(requested.json().status);
    // Asking again while it is being made answers the same one.
    const again = await rep.request({ method: 'POST', url: '/api/me/data-exports' });
    if (again.json().status !== 'ready') expect(again.json().id).toBe(id);

    await t.app.dataExports.idle();
    const latest = (await rep.request({ method: 'GET', url: '/api/me/data-exports/latest' })).json();
    expect(latest).toMatchObject({ id, status: 'ready', progress: 100 });
    expect(new Date(latest.expiresAt).getTime() - new Date(latest.readyAt).getTime()).toBe(24 * 60 * 60 * 1000);

    const file = await rep.request({ method: 'GET', url: `/api/me/data-exports/${id}/download` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/zip');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="peercities-my-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(file.headers['cache-control']).toBe('no-store');
    const zip = await JSZip.loadAsync(file.rawPayload);
    const names = Object.keys(zip.files);
    for (const section of ['account', 'roles', 'invitations', 'posts', 'messages', 'direct_messages', 'conversations_started', 'conversation_reads', 'evaluations', 'consents', 'sign_ins']) {
      expect(names, section).toContain(`json/${section}.json`);
      expect(names, section).toContain(`csv/${section}.csv`);
    }
    expect(names).toContain('README.txt');
    const account = JSON.parse(await zip.file('json/account.json')!.async('string'));
    expect(account).toEqual([expect.objectContaining({ email: 'valencia@demo.peercities.eu', name: 'Lucía Martínez' })]);
    expect(JSON.stringify(account)).not.toContain('password');
    const roles = JSON.parse(await zip.file('json/roles.json')!.async('string'));
    expect(roles).toEqual([expect.objectContaining({ role: 'city_representative', city: 'Valencia', primary_contact: true })]);
    const direct = JSON.parse(await zip.file('json/direct_messages.json')!.async('string'));
    expect(direct).toEqual([expect.objectContaining({ conversation: expect.stringContaining('one-stop-shop') })]);
    // Valencia's demo support request, asked by valencia@.
    const asked = JSON.parse(await zip.file('json/support_requests_asked.json')!.async('string'));
    expect(asked).toEqual([expect.objectContaining({ city: 'Valencia', title: 'Financing an energy community in a social housing district', rating: 5 })]);
    const signIns = JSON.parse(await zip.file('json/sign_ins.json')!.async('string'));
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns[0]).toMatchObject({ succeeded: true });
    const csv = await zip.file('csv/account.csv')!.async('string');
    expect(csv).toContain('valencia@demo.peercities.eu');

    // Someone else cannot download it, nor learn that it exists.
    const other = await t.signedIn('krakow@demo.peercities.eu');
    expect((await other.request({ method: 'GET', url: `/api/me/data-exports/${id}/download` })).statusCode).toBe(404);
    const none = await other.request({ method: 'GET', url: '/api/me/data-exports/latest' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toBeNull();
    expect((await (await t.client()).request({ method: 'GET', url: `/api/me/data-exports/${id}/download` })).statusCode).toBe(401);

    // After 24 hours: expired, not downloadable, and deleted by the retention job.
    t.setNow(new Date(new Date(latest.expiresAt).getTime() + 1000));
    expect((await rep.request({ method: 'GET', url: '/api/me/data-exports/latest' })).json().status).toBe('expired');
    expect((await rep.request({ method: 'GET', url: `/api/me/data-exports/${id}/download` })).statusCode).toBe(404);
    await t.app.scheduler.tick();
    expect(await t.app.db.selectFrom('data_exports').select('id').where('id', '=', id).execute()).toEqual([]);
    t.setNow(null);

    const audit = await t.app.db.selectFrom('audit_events').select('action').where('action', '=', 'person.data_export_request').execute();
    expect(audit.length).toBe(1);
  });

  it('holds what a person did around support requests: files attached, consent to publishing', async () => {
    const krakow = await t.signedIn('krakow@demo.peercities.eu');
    // A request of Kraków's, and a PDF attached to it, through the API.
    const cityId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'krakow').executeTakeFirstOrThrow()).id;
    const asked = await krakow.request({
      method: 'POST',
      url: '/api/support-requests',
      payload: { cityId, title: 'Heat tariffs after the coal exit', question: 'How do other cities set district heating tariffs once coal is gone?', sectors: ['energy'], levers: ['finance-funding'], languages: ['pl', 'en'], kind: 'answer', urgency: 'normal' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const open = { id: asked.json().id as string, title: 'Heat tariffs after the coal exit' };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 1), Buffer.from('\n%%EOF\n')]);
    const uploaded = await krakow.request({ method: 'PUT', url: `/api/support-requests/${open.id}/attachments?filename=heat-plan.pdf`, payload: pdf, headers: { 'content-type': 'application/pdf' } });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect((await krakow.request({ method: 'POST', url: '/api/me/data-exports' })).statusCode).toBe(202);
    await t.app.dataExports.idle();
    const latest = (await krakow.request({ method: 'GET', url: '/api/me/data-exports/latest' })).json();
    const zip = await JSZip.loadAsync((await krakow.request({ method: 'GET', url: `/api/me/data-exports/${latest.id}/download` })).rawPayload);
    const section = async (name: string) => JSON.parse(await zip.file(`json/${name}.json`)!.async('string'));
    expect(await section('support_files_uploaded')).toEqual([expect.objectContaining({ request: open.title, filename: 'heat-plan.pdf', size_bytes: pdf.length })]);
    // The demo's published answer: Kraków's representative consented to it.
    expect(await section('support_publication_consents')).toEqual([expect.objectContaining({ request: expect.stringContaining('district heating'), published_at: expect.any(String) })]);
    expect(await section('support_takeaways')).toEqual([]);
    expect(await section('support_invitations_answered')).toEqual([]);
  });

  it('writes CSV that a spreadsheet opens without running a formula', () => {
    const csv = rowsToCsv([{ name: '=HYPERLINK("http://x")', n: 1, ok: true, at: new Date('2030-01-01T00:00:00Z'), data: { a: 1 } }]);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain('2030-01-01T00:00:00.000Z');
    expect(csv).toContain('"{""a"":1}"');
  });
});
