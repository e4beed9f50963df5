import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/attachment.schemas.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;
let valencia: TestClient;
let krakow: TestClient;
let applicationId = '';

const SLUG = 'group-study-visits-2027';
const DURING_HOST_CALL = '2026-12-10T10:00:00Z';
const AFTER_HOST_CALL = '2027-01-01T00:00:00Z';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

const url = (questionId: string, filename = 'plan.pdf') => `/api/applications/${applicationId}/attachments/${questionId}?filename=${encodeURIComponent(filename)}`;
const upload = (c: TestClient, questionId: string, body: Buffer, contentType = 'application/pdf', filename = 'plan.pdf') =>
  c.request({ method: 'PUT', url: url(questionId, filename), payload: body, headers: { 'content-type': contentType } });

/** What a refused request must leave untouched: the files and the application's version and answers. */
async function state() {
  const files = await t.app.db.selectFrom('application_attachments').select(['question_id', 'filename', 'size_bytes']).where('application_id', '=', applicationId).orderBy('question_id').execute();
  const app = await t.app.db.selectFrom('applications').select(['version', 'answers']).where('id', '=', applicationId).executeTakeFirstOrThrow();
  return { files, app };
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-28T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  valencia = await t.signedIn('valencia@demo.peercities.eu');
  krakow = await t.signedIn('krakow@demo.peercities.eu');
  const call = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/host` })).json();
  const form = await manager.request({
    method: 'PUT',
    url: `/api/programmes/${SLUG}/calls/host`,
    payload: {
      version: call.version,
      questions: [
        { id: 'motivation', type: 'long_text', label: 'Why do you want to host?', required: true },
        { id: 'plan', type: 'file', label: 'Climate City Contract (PDF)', required: true },
        { id: 'letter', type: 'file', label: 'Letter of support (PDF)', required: false },
      ],
      criteria: call.criteria,
    },
  });
  expect(form.statusCode, form.body).toBe(200);
  t.setNow(DURING_HOST_CALL);
  const valenciaId = (await valencia.request({ method: 'GET', url: '/api/me' })).json().roles.find((r: { role: string }) => r.role === 'city_representative').cityId;
  const created = await valencia.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/applications`, payload: { cityId: valenciaId, answers: { motivation: 'Superblocks.' } } });
  expect(created.statusCode, created.body).toBe(201);
  applicationId = created.json().id;
});
afterAll(async () => t.close());

describe('application attachments', () => {
  it('stores a PDF, records its name as the answer, and gives it back to the city and the managers only', async () => {
    const res = await upload(valencia, 'plan', PDF, 'application/pdf', 'C:\\fakepath\\València contract.pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().answers).toEqual({ motivation: 'Superblocks.', plan: 'València contract.pdf' });

    for (const reader of [valencia, manager]) {
      const file = await reader.request({ method: 'GET', url: `/api/applications/${applicationId}/attachments/plan` });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(`attachment; filename="Val_ncia contract.pdf"; filename*=UTF-8''Val%C3%A8ncia%20contract.pdf`);
      expect(file.rawPayload.equals(PDF)).toBe(true);
    }
    const other = await krakow.request({ method: 'GET', url: `/api/applications/${applicationId}/attachments/plan` });
    expect(other.statusCode).toBe(404);
    const anonymous = await (await t.client()).request({ method: 'GET', url: `/api/applications/${applicationId}/attachments/plan` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a file over the limit with 413 and writes nothing', async () => {
    const before = await state();
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    const res = await upload(valencia, 'letter', big);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', detail: 'The file is too large (5 MB): upload a PDF of at most 5 MB.' });
    expect(await state()).toEqual(before);
  });

  it('refuses what is not a PDF, by its declared type or by its content, and writes nothing', async () => {
    const before = await state();
    const png = await upload(valencia, 'letter', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png', 'letter.png');
    expect(png.statusCode).toBe(415);
    expect(png.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(png.json().detail).toContain('Only PDF files can be uploaded');

    const json = await valencia.request({ method: 'PUT', url: url('letter'), payload: { plan: 'x' } });
    expect(json.statusCode).toBe(415);

    const disguised = await upload(valencia, 'letter', Buffer.from('MZ this is not a pdf'), 'application/pdf', 'letter.pdf');
    expect(disguised.statusCode).toBe(422);
    expect(disguised.json()).toMatchObject({ code: 'ATTACHMENT_INVALID', detail: 'This file is not a PDF (it does not start with “%PDF-”). Save the document as PDF and upload it again.' });

    const empty = await upload(valencia, 'letter', Buffer.alloc(0));
    expect(empty.statusCode).toBe(422);

    const notAFileQuestion = await upload(valencia, 'motivation', PDF);
    expect(notAFileQuestion.statusCode).toBe(404);
    const missingName = await valencia.request({ method: 'PUT', url: `/api/applications/${applicationId}/attachments/letter`, payload: PDF, headers: { 'content-type': 'application/pdf' } });
    expect(missingName.statusCode).toBe(400);
    expect(missingName.json().errors).toEqual([{ field: 'querystring.filename', message: 'Fill in this field.', reason: { code: 'FIELD_REQUIRED' } }]);
    expect(await state()).toEqual(before);
  });

  it('keeps other cities and non-representatives out, and writes nothing', async () => {
    const before = await state();
    // Another city learns nothing about the application, as for the application itself.
    const other = await upload(krakow, 'letter', PDF);
    expect(other.statusCode).toBe(404);
    const otherDelete = await krakow.request({ method: 'DELETE', url: `/api/applications/${applicationId}/attachments/plan` });
    expect(otherDelete.statusCode).toBe(404);
    const byManager = await upload(manager, 'letter', PDF);
    expect(byManager.statusCode).toBe(403);
    expect(byManager.json().code).toBe('FORBIDDEN');
    const anonymous = await upload(await t.client(), 'letter', PDF);
    expect(anonymous.statusCode).toBe(401);
    expect(await state()).toEqual(before);
  });

  it('replaces a file, and keeps a submitted application complete: a required file can be replaced, not removed', async () => {
    const replaced = await upload(valencia, 'plan', Buffer.concat([PDF, Buffer.from('% second version\n')]), 'application/pdf', 'contract-v2.pdf');
    expect(replaced.json().answers.plan).toBe('contract-v2.pdf');
    expect((await state()).files).toEqual([{ question_id: 'plan', filename: 'contract-v2.pdf', size_bytes: PDF.length + 17 }]);

    const letter = await upload(valencia, 'letter', PDF, 'application/pdf', 'letter.pdf');
    const submitted = await valencia.request({ method: 'POST', url: `/api/applications/${applicationId}/submit`, payload: { version: letter.json().version } });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const before = await state();
    const removeRequired = await valencia.request({ method: 'DELETE', url: `/api/applications/${applicationId}/attachments/plan` });
    expect(removeRequired.statusCode).toBe(422);
    expect(removeRequired.json().detail).toContain('upload another PDF to replace the file instead');
    expect(await state()).toEqual(before);

    const removeOptional = await valencia.request({ method: 'DELETE', url: `/api/applications/${applicationId}/attachments/letter` });
    expect(removeOptional.statusCode).toBe(200);
    expect(removeOptional.json().answers).not.toHaveProperty('letter');
    expect((await state()).files.map((f) => f.question_id)).toEqual(['plan']);
    const gone = await valencia.request({ method: 'GET', url: `/api/applications/${applicationId}/attachments/letter` });
    expect(gone.statusCode).toBe(404);
  });

  it('refuses uploads and removals after the deadline, with the closing date, but still serves the file', async () => {
    t.setNow(AFTER_HOST_CALL);
    const before = await state();
    const late = await upload(valencia, 'letter', PDF);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'CALL_CLOSED', detail: 'The host call closed on 2026-12-31 at 23:59 (Europe/Brussels time).', reason: { code: 'CALL_CLOSED_ON' } });
    const lateDelete = await valencia.request({ method: 'DELETE', url: `/api/applications/${applicationId}/attachments/plan` });
    expect(lateDelete.json().code).toBe('CALL_CLOSED');
    expect(await state()).toEqual(before);
    const file = await manager.request({ method: 'GET', url: `/api/applications/${applicationId}/attachments/plan` });
    expect(file.statusCode).toBe(200);
    t.setNow(DURING_HOST_CALL);
  });
});
