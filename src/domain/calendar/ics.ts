/**
 * iCalendar (RFC 5545) files for group meetings and visits. Times are written in
 * the programme's zone with its VTIMEZONE, so calendars show the right local
 * time on both sides of a daylight-saving change. Only European zones with
 * the EU rule (last Sunday of March / October at 01:00 UTC) are described;
 * any other zone is written in UTC, which every calendar converts itself.
 */

export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Last change, for calendars that update a subscribed event. */
  stamp: Date;
}

interface EuZone {
  standardOffsetMinutes: number;
  standardName: string;
  daylightName: string;
}

// Zones that follow the EU summer-time rule, with their standard offset.
const EU_ZONES: Record<string, EuZone> = {
  'Europe/Brussels': { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' },
  'Europe/Paris': { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' },
  'Europe/Berlin': { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' },
  'Europe/Madrid': { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' },
  'Europe/Rome': { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' },
  'Europe/Amsterdam': { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' },
  'Europe/Vienna': { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' },
  'Europe/Stockholm': { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' },
  'Europe/Warsaw': { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' },
  'Europe/Helsinki': { standardOffsetMinutes: 120, standardName: 'EET', daylightName: 'EEST' },
  'Europe/Athens': { standardOffsetMinutes: 120, standardName: 'EET', daylightName: 'EEST' },
  'Europe/Lisbon': { standardOffsetMinutes: 0, standardName: 'WET', daylightName: 'WEST' },
  'Europe/Dublin': { standardOffsetMinutes: 0, standardName: 'GMT', daylightName: 'IST' },
  'Europe/London': { standardOffsetMinutes: 0, standardName: 'GMT', daylightName: 'BST' },
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const offset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
const utcStamp = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

/** Is EU summer time in force at this instant? (From the last Sunday of March to the last Sunday of October, 01:00 UTC.) */
function euSummerTime(d: Date): boolean {
  const y = d.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(y, month + 1, 0, 1));
    last.setUTCDate(last.getUTCDate() - last.getUTCDay());
    return last.getTime();
  };
  const t = d.getTime();
  return t >= lastSunday(2) && t < lastSunday(9);
}

function localStamp(d: Date, zone: EuZone) {
  const minutes = zone.standardOffsetMinutes + (euSummerTime(d) ? 60 : 0);
  const local = new Date(d.getTime() + minutes * 60_000);
  return `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`;
}

function vtimezone(tzid: string, zone: EuZone): string[] {
  const std = zone.standardOffsetMinutes;
  const dst = std + 60;
  // Local transition times: 01:00 UTC expressed in the offset before the change.
  const springLocal = `19700329T${pad(1 + std / 60)}0000`;
  const autumnLocal = `19701025T${pad(1 + dst / 60)}0000`;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:DAYLIGHT',
    `TZOFFSETFROM:${offset(std)}`,
    `TZOFFSETTO:${offset(dst)}`,
    `TZNAME:${zone.daylightName}`,
    `DTSTART:${springLocal}`,
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${offset(dst)}`,
    `TZOFFSETTO:${offset(std)}`,
    `TZNAME:${zone.standardName}`,
    `DTSTART:${autumnLocal}`,
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

/** Escapes TEXT values (RFC 5545 §3.3.11). */
export const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A complete calendar with the given events, ready to serve as text/calendar. */
export function buildCalendar(events: readonly CalendarEvent[], options: { name: string; timeZone: string }): string {
  const zone = EU_ZONES[options.timeZone];
  const when = (prop: string, d: Date) => (zone ? `${prop};TZID=${options.timeZone}:${localStamp(d, zone)}` : `${prop}:${utcStamp(d)}`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//peercities//peercities//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...(zone ? vtimezone(options.timeZone, zone) : []),
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      when('DTSTART', e.start),
      when('DTEND', e.end),
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
