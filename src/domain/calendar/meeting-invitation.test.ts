import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { CITY_TIME_ZONES, DEFAULT_TIME_ZONE, timeZoneOfCountry } from './city-time-zones.ts';
import { buildMeetingInvitation, describesZone, type MeetingInvitation } from './ics.ts';
import { wallClockAt } from '../time/zoned-time.ts';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const tz = calendar.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

const base: MeetingInvitation = {
  method: 'REQUEST',
  uid: 'meeting-1234@peercities.eu',
  sequence: 0,
  stamp: new Date('2027-03-20T12:00:00Z'),
  start: new Date('2027-03-26T09:00:00Z'),
  end: new Date('2027-03-26T10:00:00Z'),
  summary: 'Heat pumps in schools; Valencia, Tartu',
  description: 'Line one\nLine two, with a comma',
  joinUrl: 'https://meet.example.org/valencia-tartu?pwd=abc',
  timeZone: 'Europe/Madrid',
};

describe('the time zone of a city', () => {
  it('comes from its country, mainland zones for Spain and Portugal', () => {
    expect(timeZoneOfCountry('ES')).toBe('Europe/Madrid');
    expect(timeZoneOfCountry('PT')).toBe('Europe/Lisbon');
    expect(timeZoneOfCountry('EE')).toBe('Europe/Tallinn');
    expect(timeZoneOfCountry('fi')).toBe('Europe/Helsinki');
    expect(timeZoneOfCountry('UA')).toBe('Europe/Kyiv');
    expect(timeZoneOfCountry('TR')).toBe('Europe/Istanbul');
  });

  it('falls back to the programme default for an unknown country', () => {
    expect(timeZoneOfCountry('ZZ')).toBe(DEFAULT_TIME_ZONE);
    expect(timeZoneOfCountry(null)).toBe(DEFAULT_TIME_ZONE);
  });

  it('is a zone the runtime knows and the .ics writer describes', () => {
    for (const zone of CITY_TIME_ZONES) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
      expect(describesZone(zone), zone).toBe(true);
    }
  });

  it('the VTIMEZONE of every city zone gives the same local time as the runtime, in winter and summer', () => {
    for (const zone of CITY_TIME_ZONES) {
      // (Not the hour repeated in autumn: a local time there is ambiguous, and parsers differ.)
      for (const at of ['2027-01-15T10:00:00Z', '2027-07-15T10:00:00Z', '2027-03-28T00:30:00Z', '2027-03-28T02:30:00Z', '2027-10-30T22:30:00Z', '2027-10-31T03:30:00Z']) {
        const start = new Date(at);
        const { event } = parse(buildMeetingInvitation({ ...base, timeZone: zone, start, end: new Date(start.getTime() + 3_600_000) }));
        expect(event.startDate.toJSDate().toISOString(), `${zone} ${at}`).toBe(start.toISOString());
        const wall = wallClockAt(start, zone);
        expect([event.startDate.hour, event.startDate.minute], `${zone} ${at}`).toEqual([wall.hour, wall.minute]);
      }
    }
  });
});

describe('meeting invitations (.ics)', () => {
  it('parse back: METHOD, UID, SEQUENCE, TZID, times, text, link, status', () => {
    const text = buildMeetingInvitation(base);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const { calendar, vevent, event } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('meeting-1234@peercities.eu');
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Heat pumps in schools; Valencia, Tartu');
    expect(event.description).toBe('Line one\nLine two, with a comma');
    expect(event.location).toBe(base.joinUrl);
    expect(vevent.getFirstPropertyValue('url')).toBe(base.joinUrl);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Madrid');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-26T09:00:00.000Z');
    expect(event.startDate.hour).toBe(10);
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-26T10:00:00.000Z');
    // No people's addresses in the file; the organizer, when given, is the platform.
    expect(vevent.getAllProperties('attendee')).toHaveLength(0);
    expect(text).not.toMatch(/mailto:/i);
    const withOrganizer = parse(buildMeetingInvitation({ ...base, organizer: { name: 'peercities', email: 'no-reply@peercities.eu' } }));
    expect(withOrganizer.vevent.getFirstPropertyValue('organizer')).toBe('mailto:no-reply@peercities.eu');
    expect(withOrganizer.vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe('peercities');
  });

  it('keeps local times on both sides of the spring change (Madrid and Tallinn)', () => {
    // Friday before and Monday after the change of 28 March 2027: 10:00 in Madrid both days.
    for (const [start, hour] of [
      ['2027-03-26T09:00:00Z', 10],
      ['2027-03-29T08:00:00Z', 10],
    ] as const) {
      const { event } = parse(buildMeetingInvitation({ ...base, start: new Date(start), end: new Date(new Date(start).getTime() + 3_600_000) }));
      expect(event.startDate.hour).toBe(hour);
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
    }
    const { event } = parse(buildMeetingInvitation({ ...base, timeZone: 'Europe/Tallinn', start: new Date('2027-03-29T08:00:00Z'), end: new Date('2027-03-29T09:00:00Z') }));
    expect(event.startDate.hour).toBe(11);
  });

  it('a cancellation keeps the UID, raises the SEQUENCE, and says CANCEL / CANCELLED', () => {
    const first = parse(buildMeetingInvitation(base));
    const cancelled = parse(buildMeetingInvitation({ ...base, method: 'CANCEL', sequence: 2, stamp: new Date('2027-03-21T12:00:00Z') }));
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.event.uid).toBe(first.event.uid);
    expect(cancelled.event.sequence).toBeGreaterThan(first.event.sequence);
  });

  it('folds long lines at 75 octets without breaking UTF-8, and escapes text', () => {
    const long = 'Rénovation énergétique des écoles — ' + 'ä'.repeat(80) + ', ; \\ fin';
    const text = buildMeetingInvitation({ ...base, summary: long, description: long });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const { event } = parse(text);
    expect(event.summary).toBe(long);
    expect(event.description).toBe(long);
  });
});
