import { publishProgramme } from './programmes.ts';
import type { TestClient } from './test-app.ts';

/**
 * A Group Study Visits 2027 edition whose host call asks one required
 * question and scores two criteria, weighted 2 and 1: what the review tests
 * evaluate and rank, published. Create it before the host call opens (1 December 2026).
 */
export async function programmeWithScoredHostCall(manager: TestClient, programme: { slug: string; title: string }) {
  await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: programme.title, format: 'group_study_visits', editionYear: 2027, slug: programme.slug } });
  const call = (await manager.request({ method: 'GET', url: `/api/programmes/${programme.slug}/calls/host` })).json();
  const res = await manager.request({
    method: 'PUT',
    url: `/api/programmes/${programme.slug}/calls/host`,
    payload: {
      version: call.version,
      questions: [{ id: 'motivation', type: 'long_text', label: 'Why host?', required: true }],
      criteria: [
        { id: 'solutions', name: 'Solutions worth visiting', weight: 2, scaleMax: 5 },
        { id: 'capacity', name: 'Capacity to host', weight: 1, scaleMax: 5 },
      ],
    },
  });
  if (res.statusCode !== 200) throw new Error(`Setting the host call of ${programme.slug} failed: ${res.statusCode} ${res.body}`);
  await publishProgramme(manager, programme.slug);
}
