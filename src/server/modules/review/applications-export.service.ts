import type { CallKind } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import type { Table } from '../../lib/table-export.ts';
import { loadCall } from '../programmes/calls.service.ts';
import { applicationsForExport } from './review.repository.ts';
import { presentEvaluationOverview, reviewDataOf } from './review.service.ts';

const answerText = (v: unknown) => (Array.isArray(v) ? v.join('; ') : v === undefined || v === null ? '' : String(v));

/** Applications of a call with their answers, scores and decisions, as a table for CSV/XLSX. */
export async function applicationsTable(db: Db, slug: string, kind: CallKind, now: Date): Promise<Table> {
  const ctx = await loadCall(db, slug, kind, now);
  const [data, rows] = await Promise.all([reviewDataOf(db, ctx.call.id), applicationsForExport(db, ctx.call.id)]);
  const scored = new Map(presentEvaluationOverview(ctx, data).applications.map((a) => [a.applicationId, a]));
  return {
    sheetName: `${kind === 'host' ? 'Host' : 'Visitor'} applications`,
    columns: [
      { header: 'city', width: 24 },
      { header: 'country', width: 8 },
      { header: 'status', width: 12 },
      { header: 'submitted (UTC)', width: 22 },
      ...ctx.call.questions.map((q) => ({ header: q.label, width: 40 })),
      ...ctx.call.criteria.map((c) => ({ header: `${c.name} (mean, 0–${c.scaleMax})`, width: 16 })),
      { header: 'score (0–100)', width: 12 },
      { header: 'spread', width: 10 },
      { header: 'rank', width: 8 },
      { header: 'outcome', width: 12 },
      { header: 'waiting list place', width: 10 },
      { header: 'reason', width: 50 },
    ],
    rows: rows.map((r) => {
      const s = scored.get(r.id);
      return [
        r.name,
        r.country,
        r.status,
        r.submitted_at ? new Date(r.submitted_at).toISOString() : '',
        ...ctx.call.questions.map((q) => answerText(r.answers[q.id])),
        ...ctx.call.criteria.map((c) => s?.byCriterion[c.id] ?? null),
        s?.score ?? null,
        s?.spread ?? null,
        s?.rank ?? null,
        r.outcome ?? '',
        r.waitlist_position,
        r.reason ?? '',
      ];
    }),
  };
}
