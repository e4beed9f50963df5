import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { TestClient } from './test-app.ts';

/** Publishes a draft programme (a new edition is a draft until then), as its manager would. */
export async function publishProgramme(manager: TestClient, slug: string) {
  const programme = (await manager.request({ method: 'GET', url: `/api/programmes/${slug}` })).json();
  const res = await manager.request({ method: 'POST', url: `/api/programmes/${slug}/actions/publish`, payload: { version: programme.version } });
  if (res.statusCode !== 200) throw new Error(`Publishing ${slug} failed: ${res.statusCode} ${res.body}`);
}

/**
 * Replaces the template's form of a call with one optional question and one
 * criterion, for tests whose cities submit without answering.
 */
export async function useMinimalCallForm(manager: TestClient, slug: string, kind: 'host' | 'visitor') {
  const call = (await manager.request({ method: 'GET', url: `/api/programmes/${slug}/calls/${kind}` })).json();
  const res = await manager.request({
    method: 'PUT',
    url: `/api/programmes/${slug}/calls/${kind}`,
    payload: {
      version: call.version,
      questions: [{ id: 'motivation', type: 'long_text', label: 'Why?', required: false }],
      criteria: [{ id: 'overall', name: 'Overall', weight: 1, scaleMax: 5 }],
    },
  });
  if (res.statusCode !== 200) throw new Error(`Setting the ${kind} call of ${slug} failed: ${res.statusCode} ${res.body}`);
}

/**
 * The demo's editions between the open host call and the finished edition
 * (src/server/seed/demo-stages.ts, as seeded on the reference day). Their
 * evaluations and decisions fall due in December 2026 and are overdue after:
 * a test of what is overdue about its own edition removes them first.
 */
export const DEMO_STAGE_EDITIONS = ['twinning-2027', 'twinning-2026', 'group-study-visits-2026'] as const;

export async function removeDemoStageEditions(db: Kysely<Database>) {
  const removed = await db.deleteFrom('programmes').where('slug', 'in', DEMO_STAGE_EDITIONS).where('demo', '=', true).executeTakeFirst();
  if (Number(removed.numDeletedRows) !== DEMO_STAGE_EDITIONS.length) throw new Error('The demo editions between are not as the seed writes them.');
}
