/**
 * iCalendar (RFC 5545) files for group meetings and visits. Times are written in
 * the programme's zone with its VTIMEZONE, so calendars show the right local
 * time on both sides of a daylight-saving change. European zones with the
 * EU rule (last Sunday of March / October at 01:00 UTC; Moldova at 00:00
 * UTC) and those without summer time (Iceland, Türkiye, Georgia) are
 * described; any other zone is written in UTC, which every calendar converts
 * itself.
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
  /** Null for a zone without summer time (Iceland, Türkiye, Georgia). */
  daylightName: string | null;
  /** The UTC hour of the change on the last Sunday of March and October: 01:00 for the EU rule, 00:00 in Moldova. */
  changeUtcHour?: number;
}

const CET: EuZone = { standardOffsetMinutes: 60, standardName: 'CET', daylightName: 'CEST' };
const EET: EuZone = { standardOffsetMinutes: 120, standardName: 'EET', daylightName: 'EEST' };

// Zones that follow the EU summer-time rule (or none), with their standard offset.
const EU_ZONES: Record<string, EuZone> = {
  'Europe/Brussels': CET,
  'Europe/Paris': CET,
  'Europe/Berlin': CET,
  'Europe/Madrid': CET,
  'Europe/Rome': CET,
  'Europe/Amsterdam': CET,
  'Europe/Vienna': CET,
  'Europe/Stockholm': CET,
  'Europe/Warsaw': CET,
  'Europe/Prague': CET,
  'Europe/Bratislava': CET,
  'Europe/Budapest': CET,
  'Europe/Copenhagen': CET,
  'Europe/Oslo': CET,
  'Europe/Luxembourg': CET,
  'Europe/Malta': CET,
  'Europe/Zagreb': CET,
  'Europe/Ljubljana': CET,
  'Europe/Vaduz': CET,
  'Europe/Zurich': CET,
  'Europe/Tirane': CET,
  'Europe/Sarajevo': CET,
  'Europe/Podgorica': CET,
  'Europe/Skopje': CET,
  'Europe/Belgrade': CET,
  'Europe/Helsinki': EET,
  'Europe/Athens': EET,
  'Europe/Sofia': EET,
  'Europe/Bucharest': EET,
  'Europe/Tallinn': EET,
  'Europe/Riga': EET,
  'Europe/Vilnius': EET,
  'Europe/Kyiv': EET,
  'Asia/Nicosia': EET,
  'Europe/Chisinau': { ...EET, changeUtcHour: 0 },
  'Europe/Lisbon': { standardOffsetMinutes: 0, standardName: 'WET', daylightName: 'WEST' },
  'Europe/Dublin': { standardOffsetMinutes: 0, standardName: 'GMT', daylightName: 'IST' },
  'Europe/London': { standardOffsetMinutes: 0, standardName: 'GMT', daylightName: 'BST' },
  'Atlantic/Reykjavik': { standardOffsetMinutes: 0, standardName: 'GMT', daylightName: null },
  'Europe/Istanbul': { standardOffsetMinutes: 180, standardName: '+03', daylightName: null },
  'Asia/Tbilisi': { standardOffsetMinutes: 240, standardName: '+04', daylightName: null },
};

/** Whether the .ics writer describes this zone with its own VTIMEZONE (otherwise times are written in UTC). */
export const describesZone = (timeZone: string) => timeZone in EU_ZONES;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const offset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
const utcStamp = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

/** Is EU summer time in force at this instant? (From the last Sunday of March to the last Sunday of October, 01:00 UTC.) */
function euSummerTime(d: Date, changeUtcHour = 1): boolean {
  const y = d.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(y, month + 1, 0, changeUtcHour));
    last.setUTCDate(last.getUTCDate() - last.getUTCDay());
    return last.getTime();
  };
  const t = d.getTime();
  return t >= lastSunday(2) && t < lastSunday(9);
}

function localStamp(d: Date, zone: EuZone) {
  const minutes = zone.standardOffsetMinutes + (zone.daylightName && euSummerTime(d, zone.changeUtcHour) ? 60 : 0);
  const local = new Date(d.getTime() + minutes * 60_000);
  return `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`;
}

function vtimezone(tzid: string, zone: EuZone): string[] {
  const std = zone.standardOffsetMinutes;
  const dst = std + 60;
  if (!zone.daylightName) {
    return ['BEGIN:VTIMEZONE', `TZID:${tzid}`, 'BEGIN:STANDARD', `TZOFFSETFROM:${offset(std)}`, `TZOFFSETTO:${offset(std)}`, `TZNAME:${zone.standardName}`, 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE'];
  }
  // Local transition times: the change's UTC hour expressed in the offset before the change.
  const hour = zone.changeUtcHour ?? 1;
  const springLocal = `19700329T${pad(hour + std / 60)}0000`;
  const autumnLocal = `19701025T${pad(hour + dst / 60)}0000`;
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

/** One meeting as an invitation (iTIP, RFC 5546): a request, or its cancellation. */
export interface MeetingInvitation {
  method: 'REQUEST' | 'CANCEL';
  /** Stays the same for the life of the meeting, so calendars update the event they hold. */
  uid: string;
  /** Raised by every change after acceptance (move, cancellation). */
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  /** The join link: written as URL and LOCATION (where online meetings take place). */
  joinUrl: string;
  /** The zone in which DTSTART/DTEND are written, with its VTIMEZONE. */
  timeZone: string;
  /** The platform's sender, as ORGANIZER (iTIP requests name one); never a person's address. */
  organizer?: { name: string; email: string };
}

/**
 * An .ics file for an online meeting between cities: METHOD:REQUEST with
 * STATUS:CONFIRMED, or METHOD:CANCEL with STATUS:CANCELLED; one VEVENT with
 * the meeting's UID and SEQUENCE. The ORGANIZER is the platform's sender
 * address (calendars expect one in a REQUEST); there is no ATTENDEE: people's
 * addresses are personal data, and the file is for one's own calendar.
 */
export function buildMeetingInvitation(m: MeetingInvitation): string {
  const zone = EU_ZONES[m.timeZone];
  const when = (prop: string, d: Date) => (zone ? `${prop};TZID=${m.timeZone}:${localStamp(d, zone)}` : `${prop}:${utcStamp(d)}`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//peercities//peercities//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${m.method}`,
    ...(zone ? vtimezone(m.timeZone, zone) : []),
    'BEGIN:VEVENT',
    `UID:${m.uid}`,
    `SEQUENCE:${m.sequence}`,
    `DTSTAMP:${utcStamp(m.stamp)}`,
    when('DTSTART', m.start),
    when('DTEND', m.end),
    ...(m.organizer ? [`ORGANIZER;CN="${m.organizer.name.replace(/["\r\n]/g, '')}":mailto:${m.organizer.email}`] : []),
    `SUMMARY:${escapeText(m.summary)}`,
    ...(m.description ? [`DESCRIPTION:${escapeText(m.description)}`] : []),
    `LOCATION:${escapeText(m.joinUrl)}`,
    `URL:${m.joinUrl}`,
    `STATUS:${m.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
