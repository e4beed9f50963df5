import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATERIAL_MAX_BYTES } from '../../../shared/group.schemas.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let facilitator: TestClient;
let member: TestClient;
let outsider: TestClient;
let groupId: string;
let meetingId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A demo group that facilitator@ runs, one of its meetings, and a representative of an admitted city. */
async function demoGroup(db: TestApp['app']['db']) {
  const row = await db
    .selectFrom('group_facilitators as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .innerJoin('group_meetings as mt', 'mt.group_id', 'f.group_id')
    .innerJoin('group_memberships as m', (join) => join.onRef('m.group_id', '=', 'f.group_id').on('m.status', '=', 'admitted'))
    .innerJoin('role_grants as g', (join) => join.onRef('g.city_id', '=', 'm.city_id').on('g.role', '=', 'city_representative'))
    .innerJoin('people as rep', 'rep.id', 'g.person_id')
    .select(['f.group_id', 'mt.id as meeting_id', 'rep.email'])
    .where('p.email', '=', 'facilitator@demo.peercities.eu')
    .orderBy('mt.starts_at')
    .executeTakeFirstOrThrow();
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  const demo = await demoGroup(t.app.db);
  groupId = demo.group_id;
  meetingId = demo.meeting_id;
  facilitator = await t.signedIn('facilitator@demo.peercities.eu');
  member = await t.signedIn(demo.email);
  outsider = await t.signedIn('lahti@demo.peercities.eu');
});
afterAll(async () => t.close());

const upload = (client: TestClient, body: Buffer, query = 'title=Slides&filename=slides.pdf', contentType = 'application/pdf') =>
  client.request({ method: 'PUT', url: `/api/meetings/${meetingId}/materials/file?${query}`, headers: { 'content-type': contentType }, payload: body });

async function materialCount() {
  return Number((await t.app.db.selectFrom('meeting_materials').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describe('meeting materials', () => {
  it('lets the facilitator add a link and a PDF, which the members list and download', async () => {
    const link = await facilitator.request({ method: 'POST', url: `/api/meetings/${meetingId}/materials`, payload: { title: 'Reading: heat planning guide', url: 'https://example.org/guide' } });
    expect(link.statusCode).toBe(201);
    expect(link.json()).toMatchObject({ kind: 'link', url: 'https://example.org/guide', filename: null });

    const file = await upload(facilitator, PDF, 'title=Meeting%20slides&filename=C%3A%5Cfakepath%5Cslides%20%C3%A9t%C3%A9.pdf');
    expect(file.statusCode).toBe(201);
    const material = file.json();
    expect(material).toMatchObject({ kind: 'file', title: 'Meeting slides', filename: 'slides été.pdf', sizeBytes: PDF.byteLength });
    expect(material.url).toBe(`/api/meeting-materials/${material.id}`);

    const list = await member.request({ method: 'GET', url: `/api/groups/${groupId}/materials` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { title: string }) => m.title)).toEqual(['Reading: heat planning guide', 'Meeting slides']);

    const download = await member.request({ method: 'GET', url: material.url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''slides%20%C3%A9t%C3%A9.pdf");
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('keeps materials to the group: outsiders can neither list nor download them', async () => {
    expect((await outsider.request({ method: 'GET', url: `/api/groups/${groupId}/materials` })).statusCode).toBe(403);
    const [file] = (await facilitator.request({ method: 'GET', url: `/api/groups/${groupId}/materials` })).json().items.filter((m: { kind: string }) => m.kind === 'file');
    expect((await outsider.request({ method: 'GET', url: file.url })).statusCode).toBe(403);
    expect((await (await t.client()).request({ method: 'GET', url: file.url })).statusCode).toBe(401);
  });

  it('answers at the former session paths too, which links already sent or bookmarked still use', async () => {
    const [file] = (await member.request({ method: 'GET', url: `/api/groups/${groupId}/materials` })).json().items.filter((m: { kind: string }) => m.kind === 'file');
    const download = await member.request({ method: 'GET', url: `/api/session-materials/${file.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await outsider.request({ method: 'GET', url: `/api/session-materials/${file.id}` })).statusCode).toBe(403);
    const link = await facilitator.request({ method: 'POST', url: `/api/sessions/${meetingId}/materials`, payload: { title: 'Added at the old path', url: 'https://example.org/old' } });
    expect(link.statusCode).toBe(201);
    expect(link.json()).toMatchObject({ meetingId, kind: 'link', url: 'https://example.org/old' });
    expect((await member.request({ method: 'DELETE', url: `/api/session-materials/${link.json().id}` })).statusCode).toBe(403);
    expect((await facilitator.request({ method: 'DELETE', url: `/api/session-materials/${link.json().id}` })).statusCode).toBe(204);
  });

  it('refuses what is not a PDF, too large, or not allowed, and writes nothing', async () => {
    const before = await materialCount();
    const notPdf = await upload(facilitator, Buffer.from('<html>hello</html>'));
    expect(notPdf.statusCode).toBe(422);
    expect(notPdf.json().detail).toMatch(/not a PDF/);
    const wrongType = await upload(facilitator, PDF, undefined, 'image/png');
    expect(wrongType.statusCode).toBe(415);
    const tooLarge = await upload(facilitator, Buffer.concat([PDF, Buffer.alloc(MATERIAL_MAX_BYTES)]));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    expect(tooLarge.json().detail).toMatch(/at most 10 MB/);
    const noTitle = await upload(facilitator, PDF, 'filename=x.pdf');
    expect(noTitle.statusCode).toBe(400);
    const badLink = await facilitator.request({ method: 'POST', url: `/api/meetings/${meetingId}/materials`, payload: { title: 'x', url: 'javascript:alert(1)' } });
    expect(badLink.statusCode).toBe(400);
    // A member of the group is not its facilitator.
    expect((await upload(member, PDF)).statusCode).toBe(403);
    expect(await materialCount()).toBe(before);
  });

  it('lets the facilitator remove a material, and nobody else', async () => {
    const items = (await facilitator.request({ method: 'GET', url: `/api/groups/${groupId}/materials` })).json().items as { id: string }[];
    const target = items[0]?.id ?? '';
    // A facilitator of other groups only.
    const other = await t.app.db
      .selectFrom('people as p')
      .innerJoin('role_grants as g', 'g.person_id', 'p.id')
      .select('p.email')
      .where('g.role', '=', 'facilitator')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('group_facilitators as f').select('f.person_id').whereRef('f.person_id', '=', 'p.id').where('f.group_id', '=', groupId))))
      .orderBy('p.email')
      .executeTakeFirstOrThrow();
    const otherFacilitator = await t.signedIn(other.email);
    expect((await otherFacilitator.request({ method: 'DELETE', url: `/api/meeting-materials/${target}` })).statusCode).toBe(403);
    expect((await facilitator.request({ method: 'DELETE', url: `/api/meeting-materials/${target}` })).statusCode).toBe(204);
    expect((await facilitator.request({ method: 'DELETE', url: `/api/meeting-materials/${target}` })).statusCode).toBe(404);
    expect((await member.request({ method: 'GET', url: `/api/groups/${groupId}/materials` })).json().items).toHaveLength(items.length - 1);
  });
});
