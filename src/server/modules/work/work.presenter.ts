import { orderByUrgency } from '../../../domain/work/work-queue.ts';
import type { ApplicationStatus } from '../../../shared/programme.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import type { Role } from '../../../shared/roles.ts';
import { WORK_ITEMS_SHOWN, type MyWork, type Urgency, type WorkDateMeaning, type WorkItem, type WorkSectionKind } from '../../../shared/work.schemas.ts';

/** An item as the services build it: with its programme's time zone, the day in which its reminders are counted. */
export interface QueuedItem extends WorkItem {
  timeZone: string;
}

/** A queue of one role, before ordering. */
export interface Queue {
  kind: WorkSectionKind;
  role: Role;
  items: QueuedItem[];
  link: string | null;
}

export function workItem(i: {
  key: string;
  label: Reason;
  link: string;
  urgency: Urgency;
  timeZone: string;
  count?: number;
  date?: { at: Date; meaning: WorkDateMeaning } | null;
  status?: ApplicationStatus;
}): QueuedItem {
  return {
    key: i.key,
    label: i.label,
    count: i.count ?? null,
    date: i.date ? i.date.at.toISOString() : null,
    dateMeaning: i.date ? i.date.meaning : null,
    urgency: i.urgency,
    status: i.status ?? null,
    link: i.link,
    timeZone: i.timeZone,
  };
}

/** The start page's answer: queues in order of urgency, each showing its most urgent items. */
export function presentWork(queues: readonly Queue[]): MyWork {
  return {
    sections: orderByUrgency(queues).map((q) => ({
      kind: q.kind,
      role: q.role,
      items: q.items.slice(0, WORK_ITEMS_SHOWN).map(({ timeZone: _timeZone, ...item }) => item),
      total: q.items.length,
      link: q.link,
    })),
  };
}
