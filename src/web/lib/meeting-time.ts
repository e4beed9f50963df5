import { zonedToUtc } from '../../domain/time/zoned-time.ts';
import type { MeetingParty } from '../../shared/meeting.schemas.ts';

// Plain `en` formats dates the American way; European readers expect day-month-year and 24 hours (as lib/format.ts).
const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language);

/** One time as people read it in one zone: "Fri 26 Mar 2027, 10:00". */
export function formatInZone(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** The places whose local time is shown beside each other: one per zone, the caller's first. */
export function placesToShow(parties: readonly MeetingParty[], myPartyId: string): { name: string; timeZone: string }[] {
  const mine = parties.find((p) => p.partyId === myPartyId);
  const ordered = mine ? [mine, ...parties.filter((p) => p !== mine)] : [...parties];
  const byZone = new Map<string, string[]>();
  for (const p of ordered) byZone.set(p.timeZone, [...(byZone.get(p.timeZone) ?? []), p.name]);
  return [...byZone.entries()].map(([timeZone, names]) => ({ timeZone, name: names.join(', ') }));
}

export interface LocalSlot {
  date: string;
  time: string;
}

/** The instant a local date and time in `timeZone` stand for, or null while they are incomplete. */
export function slotInstant(slot: LocalSlot, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(slot.date) || !/^\d{2}:\d{2}$/.test(slot.time)) return null;
  try {
    const at = zonedToUtc(slot.date, slot.time, timeZone);
    return Number.isNaN(at.getTime()) ? null : at.toISOString();
  } catch {
    return null;
  }
}
