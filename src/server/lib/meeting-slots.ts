import { reason } from '../../shared/reason-texts.ts';
import { AppError, fieldError } from '../errors.ts';

// What scheduling an online meeting needs wherever it happens: between cities
// (exchange/meeting-requests) and for a call or peer session of expert support
// (support/peer-sessions). The .ics itself is src/domain/calendar/ics.ts.

const MINUTE = 60_000;

/** The field errors of proposed times: each at least `leadMinutes` ahead of `now`, none twice. */
export function slotErrors(slots: readonly string[], now: Date, leadMinutes: number) {
  const earliest = now.getTime() + leadMinutes * MINUTE;
  const seen = new Set<number>();
  return slots.flatMap((s, i) => {
    const t = new Date(s).getTime();
    if (t < earliest) return [fieldError(`body.slots.${i}`, reason('MEETING_SLOT_TOO_SOON', { minutes: leadMinutes }))];
    if (seen.has(t)) return [fieldError(`body.slots.${i}`, reason('MEETING_SLOTS_NOT_DISTINCT'))];
    seen.add(t);
    return [];
  });
}

/** Refuses (400, with the fields) proposed times that are too soon or given twice. */
export function assertSlots(slots: readonly string[], now: Date, leadMinutes: number) {
  const errors = slotErrors(slots, now, leadMinutes);
  const [first] = errors;
  if (first) throw new AppError('VALIDATION_FAILED', first.reason ?? reason('MEETING_SLOTS_NOT_DISTINCT'), { errors });
}

/** The times as instants, earliest first. */
export const sortedInstants = (slots: readonly string[]) => slots.map((s) => new Date(s)).sort((a, b) => a.getTime() - b.getTime());

/** The platform's sender ("peercities <no-reply@…>"), the ORGANIZER of its .ics files. */
export function organizerOf(mailFrom: string): { name: string; email: string } | undefined {
  const m = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+@[^<>\s]+)>\s*$/.exec(mailFrom) ?? /^\s*()([^<>\s]+@[^<>\s]+)\s*$/.exec(mailFrom);
  return m?.[2] ? { name: m[1]?.trim() || 'peercities', email: m[2] } : undefined;
}
