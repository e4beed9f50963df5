import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORT_ATTACHMENT_MAX_BYTES } from '../../../shared/support-attachment.schemas.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let krakow: TestClient;
let sofia: TestClient;
let aoife: TestClient;
let manager: TestClient;
let valencia: TestClient;
let id: string;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

const upload = (c: TestClient, body: Buffer, contentType = 'application/pdf', filename = 'tariffs.pdf') =>
  c.request({ method: 'PUT', url: `/api/support-requests/${id}/attachments?filename=${encodeURIComponent(filename)}`, payload: body, headers: { 'content-type': contentType } });

/** What a refused request must leave untouched. */
const files = async () => (await sql<{ filename: string; size_bytes: number }>`SELECT filename, size_bytes FROM support_request_attachments ORDER BY seq`.execute(t.app.db)).rows;
const audits = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'support_request.%tach'`.execute(t.app.db)).rows[0]?.n;
const state = async () => ({ files: await files(), audits: await audits() });

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-07T10:00:00Z');
  [krakow, sofia, aoife, manager, valencia] = await Promise.all([
    t.signedIn('krakow@demo.peercities.eu'),
    t.signedIn('expert@demo.peercities.eu'),
    t.signedIn('expert2@demo.peercities.eu'),
    t.signedIn('manager@demo.peercities.eu'),
    t.signedIn('valencia@demo.peercities.eu'),
  ]);
  const krakowId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'krakow').executeTakeFirstOrThrow()).id;
  const created = await krakow.request({
    method: 'POST',
    url: '/api/support-requests',
    payload: {
      cityId: krakowId,
      title: 'Heat tariffs after the coal exit',
      question: 'Our heat tariff is regulated; how do other cities pass the cost of the coal exit on fairly? The current tariff is attached.',
      sectors: ['energy'],
      levers: ['finance-funding'],
      languages: ['pl', 'en'],
      kind: 'answer',
      urgency: 'normal',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  id = created.json().id;
  expect(created.json().expert.name).toBe('Sofia Rossi');
});
afterAll(async () => t.close());

describe('attachments of support requests', () => {
  it('stores the city’s PDF, lists it, and gives it to the city, the expert and the managers only', async () => {
    const res = await upload(krakow, PDF, 'application/pdf', 'C:\\fakepath\\Taryfa ciepła 2026.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ items: [{ filename: 'Taryfa ciepła 2026.pdf', sizeBytes: PDF.length, uploadedAt: '2026-12-07T10:00:00.000Z' }], canChange: true });
    const fileId = res.json().items[0].id;
    for (const reader of [krakow, sofia, manager]) {
      const list = await reader.request({ method: 'GET', url: `/api/support-requests/${id}/attachments` });
      expect(list.json().items.map((f: { id: string }) => f.id)).toEqual([fileId]);
      const file = await reader.request({ method: 'GET', url: `/api/support-attachments/${fileId}` });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toContain("filename*=UTF-8''Taryfa%20ciep%C5%82a%202026.pdf");
      expect(file.rawPayload.equals(PDF)).toBe(true);
    }
    expect((await sofia.request({ method: 'GET', url: `/api/support-requests/${id}/attachments` })).json().canChange).toBe(false);
    // Another city, another expert: the file does not exist for them.
    for (const stranger of [valencia, aoife]) {
      expect((await stranger.request({ method: 'GET', url: `/api/support-attachments/${fileId}` })).statusCode).toBe(404);
      expect((await stranger.request({ method: 'GET', url: `/api/support-requests/${id}/attachments` })).statusCode).toBe(404);
    }
    expect((await (await t.client()).request({ method: 'GET', url: `/api/support-attachments/${fileId}` })).statusCode).toBe(401);
    const audit = await t.app.db.selectFrom('audit_events').select(['action']).where('entity_id', '=', id).where('action', '=', 'support_request.attach').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a file over the limit with 413 and writes nothing', async () => {
    const before = await state();
    const res = await upload(krakow, Buffer.concat([PDF, Buffer.alloc(SUPPORT_ATTACHMENT_MAX_BYTES)]));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await state()).toEqual(before);
  });

  it('refuses what is not a PDF (415 by type, 422 by content), a missing name (400), and writes nothing', async () => {
    const before = await state();
    expect((await upload(krakow, Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png', 'x.png')).statusCode).toBe(415);
    const disguised = await upload(krakow, Buffer.from('MZ not a pdf'));
    expect(disguised.statusCode).toBe(422);
    expect(disguised.json().code).toBe('ATTACHMENT_INVALID');
    const nameless = await krakow.request({ method: 'PUT', url: `/api/support-requests/${id}/attachments`, payload: PDF, headers: { 'content-type': 'application/pdf' } });
    expect(nameless.statusCode).toBe(400);
    expect(await state()).toEqual(before);
  });

  it('lets only the city attach or remove: another city 404, the expert and managers 403, and writes nothing', async () => {
    const before = await state();
    const fileId = (await krakow.request({ method: 'GET', url: `/api/support-requests/${id}/attachments` })).json().items[0].id;
    expect((await upload(valencia, PDF)).statusCode).toBe(404);
    expect((await valencia.request({ method: 'DELETE', url: `/api/support-requests/${id}/attachments/${fileId}` })).statusCode).toBe(404);
    expect((await upload(sofia, PDF)).statusCode).toBe(403);
    expect((await upload(manager, PDF)).statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('holds at most 5 files (409 for a sixth), removes one, and refuses changes once the request is closed', async () => {
    for (let i = 2; i <= 5; i++) expect((await upload(krakow, PDF, 'application/pdf', `annex-${i}.pdf`)).statusCode).toBe(201);
    let before = await state();
    const sixth = await upload(krakow, PDF, 'application/pdf', 'annex-6.pdf');
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().reason).toEqual({ code: 'SUPPORT_ATTACHMENTS_FULL', params: { max: 5 } });
    expect(await state()).toEqual(before);

    const list = (await krakow.request({ method: 'GET', url: `/api/support-requests/${id}/attachments` })).json().items;
    const removed = await krakow.request({ method: 'DELETE', url: `/api/support-requests/${id}/attachments/${list[4].id}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items.map((f: { filename: string }) => f.filename)).toEqual(['Taryfa ciepła 2026.pdf', 'annex-2.pdf', 'annex-3.pdf', 'annex-4.pdf']);
    expect((await krakow.request({ method: 'GET', url: `/api/support-attachments/${list[4].id}` })).statusCode).toBe(404);

    const answered = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/answers`, payload: { body: '<p>See the Bologna tariff model.</p>', version: 1 } });
    const closed = await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/close`, payload: { score: 5, comment: '', version: answered.json().version } });
    expect(closed.statusCode, closed.body).toBe(200);
    before = await state();
    const late = await upload(krakow, PDF, 'application/pdf', 'late.pdf');
    expect(late.statusCode).toBe(409);
    expect((await krakow.request({ method: 'DELETE', url: `/api/support-requests/${id}/attachments/${list[0].id}` })).statusCode).toBe(409);
    expect(await state()).toEqual(before);
    // Still downloadable.
    expect((await sofia.request({ method: 'GET', url: `/api/support-attachments/${list[0].id}` })).statusCode).toBe(200);
  });
});
