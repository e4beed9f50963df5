import { evaluationsDueAt } from '../../../domain/calls/evaluation-deadline.ts';
import type { Programme } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { callContext, type CallContext } from '../programmes/calls.service.ts';
import { milestonesOf } from '../programmes/programmes.repository.ts';
import { presentProgramme } from '../programmes/programmes.service.ts';
import { callsOfProgrammes } from '../programmes/calls.repository.ts';
import { allProgrammes } from './work.repository.ts';

/** Every programme and call where it stands at `now`, loaded once per request (three statements). */
export interface WorkContext {
  now: Date;
  programmes: Map<string, Programme>;
  /** By call id. */
  calls: Map<string, CallContext>;
  /** Programmes not finished: what most queues look at (follow-up after a visit keeps its own window). */
  active: Programme[];
}

export async function loadWorkContext(db: Db, now: Date): Promise<WorkContext> {
  const rows = await allProgrammes(db);
  const ids = rows.map((r) => r.id);
  const [milestones, callRows] = await Promise.all([milestonesOf(db, ids), callsOfProgrammes(db, ids)]);
  const programmes = new Map<string, Programme>();
  for (const row of rows) {
    programmes.set(row.id, presentProgramme(row, milestones.get(row.id) ?? [], callRows.filter((c) => c.programme_id === row.id), now));
  }
  const calls = new Map<string, CallContext>();
  for (const call of callRows) {
    const programme = programmes.get(call.programme_id);
    if (!programme) continue;
    try {
      calls.set(call.id, callContext(programme, call, now));
    } catch (err) {
      // A timeline without the call's step (the API never makes one) leaves the call out of the queues.
      if (!(err instanceof AppError)) throw err;
    }
  }
  return { now, programmes, calls, active: [...programmes.values()].filter((p) => p.phase !== 'finished') };
}

/** The calls of programmes not finished. */
export const activeCalls = (ctx: WorkContext): CallContext[] => [...ctx.calls.values()].filter((c) => c.programme.phase !== 'finished');

/** When the call's evaluations are due. */
export const evaluationsDueOf = (call: CallContext): Date => evaluationsDueAt(call.closesAt, call.programme.settings);

/** The end of the step in which the call's applicants are selected. */
export function selectionEndOf(call: CallContext): Date | null {
  const step = call.programme.steps.find((s) => s.kind === (call.call.kind === 'host' ? 'host_selection' : 'visitor_selection'));
  return step ? new Date(step.endsAt) : null;
}

/** The web app's page of a call, and of its evaluation and selection. */
export const callPath = (call: CallContext, page?: 'evaluation' | 'selection') =>
  `/programmes/${encodeURIComponent(call.programme.slug)}/calls/${call.call.kind}${page ? `/${page}` : ''}`;
