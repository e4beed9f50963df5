import { urgencyOf } from '../../../domain/work/work-queue.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { evaluationsDueOf, type WorkContext } from './work-context.service.ts';
import { workItem, type Queue, type QueuedItem } from './work.presenter.ts';
import { pendingEvaluations } from './work.repository.ts';

type PendingEvaluation = Pick<Awaited<ReturnType<typeof pendingEvaluations>>[number], 'application_id' | 'call_id' | 'city_name'>;

/** Evaluations to do, each with the day it is due; only once the call has closed, when evaluating starts. */
export function evaluationItems(rows: readonly PendingEvaluation[], ctx: WorkContext): QueuedItem[] {
  return rows.flatMap((row) => {
    const call = ctx.calls.get(row.call_id);
    if (!call || call.state !== 'closed') return [];
    const due = evaluationsDueOf(call);
    return [
      workItem({
        key: `evaluation:${row.application_id}`,
        label: reason(call.call.kind === 'host' ? 'WORK_EVALUATE_HOST_APPLICATION' : 'WORK_EVALUATE_VISITOR_APPLICATION', { city: row.city_name, programme: call.programme.title }),
        date: { at: due, meaning: 'due' },
        urgency: urgencyOf(due, ctx.now),
        link: `/applications/${row.application_id}/evaluation`,
        timeZone: call.programme.settings.timeZone,
      }),
    ];
  });
}

/** An evaluator's queue: their own assignments, never another evaluator's. One statement besides the context. */
export async function evaluatorQueues(db: Db, ctx: WorkContext, evaluatorId: string): Promise<Queue[]> {
  const rows = await pendingEvaluations(db, { evaluatorId });
  return [{ kind: 'evaluations_to_do', role: 'evaluator', items: evaluationItems(rows, ctx), link: '/evaluations' }];
}
