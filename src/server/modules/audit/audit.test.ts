import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-28T12:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
});
afterAll(async () => t.close());

describe('audit log', () => {
  it('records who changed what, with before and after, for managers to read', async () => {
    const p = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2027' })).json();
    await manager.request({ method: 'PATCH', url: '/api/programmes/group-study-visits-2027', payload: { version: p.version, settings: { hostCount: 4 } } });
    const res = await manager.request({ method: 'GET', url: `/api/audit?entityType=programme&entityId=${p.id}` });
    expect(res.statusCode).toBe(200);
    const [event] = res.json().items;
    expect(event).toMatchObject({ action: 'programme.update', actorName: 'Anna Lindqvist', entityType: 'programme', entityId: p.id });
    expect(event.details.before.settings.hostCount).toBe(3);
    expect(event.details.after.settings.hostCount).toBe(4);
  });

  it('names what each event is about (person, city, programme, application…) in one statement for the whole page', async () => {
    const { result, queries } = await t.queries.during(() => manager.request({ method: 'GET', url: '/api/audit?pageSize=200' }));
    expect(result.statusCode).toBe(200);
    const items: { entityType: string; entityId: string | null; entityName: string | null }[] = result.json().items;
    const programme = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2027' })).json();
    const named = items.find((i) => i.entityType === 'programme' && i.entityId === programme.id);
    expect(named?.entityName).toBe(programme.title);
    // Each kind with a name gets one, whatever the number of rows.
    const kinds = new Set(items.filter((i) => ['person', 'city', 'programme', 'application', 'solution', 'group'].includes(i.entityType)).map((i) => i.entityType));
    expect(kinds.size).toBeGreaterThan(1);
    for (const item of items.filter((i) => kinds.has(i.entityType))) expect(item.entityName, `${item.entityType} ${item.entityId}`).toEqual(expect.any(String));
    const few = await t.queries.during(() => manager.request({ method: 'GET', url: '/api/audit?pageSize=2' }));
    expect(queries).toBe(few.queries);
  });

  it('filters by time and pages', async () => {
    const future = await manager.request({ method: 'GET', url: '/api/audit?from=2100-01-01T00:00:00Z' });
    expect(future.json()).toMatchObject({ items: [], total: 0 });
    const page = (await manager.request({ method: 'GET', url: '/api/audit?pageSize=1' })).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
  });

  it('exports as CSV with formulas neutralised', async () => {
    await t.app.db.insertInto('audit_events').values({ actor_id: null, action: '=HYPERLINK("http://evil")', entity_type: 'test', entity_id: null, details: '{}' }).execute();
    const res = await manager.request({ method: 'GET', url: '/api/audit/export.csv?entityType=test' });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="peercities-audit-log.csv"');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('is closed to everyone but programme managers', async () => {
    const evaluator = await t.signedIn('evaluator@demo.peercities.eu');
    expect((await evaluator.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });
});

describe('applications export', () => {
  it('gives the 2025 visitor applications with answers, scores and decisions in Excel', async () => {
    const res = await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/calls/visitor/applications/export.xlsx' });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    const bytes = res.rawPayload;
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Visitor applications');
    expect(sheet?.rowCount).toBe(13);
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['city', 'What does your city want to learn, and why now?', 'score (0–100)', 'outcome', 'reason']));
    const outcomes = [];
    for (let r = 2; r <= 13; r++) outcomes.push(sheet?.getRow(r).getCell(header.indexOf('outcome') + 1).value);
    expect(outcomes.filter((o) => o === 'selected')).toHaveLength(9);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(3);
  });

  it('gives CSV too', async () => {
    const res = await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/calls/host/applications/export.csv' });
    const lines = res.body.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain('city,country,status');
  });
});
