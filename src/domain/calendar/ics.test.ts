import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, foldLine } from './ics.ts';

const stamp = new Date('2026-11-28T12:00:00Z');

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const tz = component.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('iCalendar files', () => {
  it('parse with a standard parser and keep 10:00 Brussels time on both sides of the spring change', () => {
    const text = buildCalendar(
      [
        { uid: 'before@peercities', start: new Date('2027-03-24T09:00:00Z'), end: new Date('2027-03-24T10:30:00Z'), summary: 'Phase 2, session 1', stamp },
        { uid: 'after@peercities', start: new Date('2027-03-31T08:00:00Z'), end: new Date('2027-03-31T09:30:00Z'), summary: 'Phase 2, session 2', stamp },
      ],
      { name: 'My sessions', timeZone: 'Europe/Brussels' },
    );
    const [before, after] = parse(text);
    expect(before?.startDate.toJSDate().toISOString()).toBe('2027-03-24T09:00:00.000Z');
    expect(after?.startDate.toJSDate().toISOString()).toBe('2027-03-31T08:00:00.000Z');
    // Both read 10:00 on the wall clock in Brussels.
    expect([before?.startDate.hour, after?.startDate.hour]).toEqual([10, 10]);
    expect(before?.endDate.toJSDate().toISOString()).toBe('2027-03-24T10:30:00.000Z');
  });

  it('keeps the autumn change right too, in Helsinki', () => {
    const text = buildCalendar(
      [{ uid: 'x@peercities', start: new Date('2027-11-02T08:00:00Z'), end: new Date('2027-11-02T09:00:00Z'), summary: 'Session', stamp }],
      { name: 'Sessions', timeZone: 'Europe/Helsinki' },
    );
    const [event] = parse(text);
    expect(event?.startDate.hour).toBe(10);
    expect(event?.startDate.toJSDate().toISOString()).toBe('2027-11-02T08:00:00.000Z');
  });

  it('escapes text and folds long lines without breaking characters', () => {
    const text = buildCalendar(
      [{ uid: 'y@peercities', start: new Date('2027-05-20T07:00:00Z'), end: new Date('2027-05-21T15:00:00Z'), summary: 'Visit; Valencia, day 1\nsuperblocks', description: 'é'.repeat(100), stamp }],
      { name: 'Visit', timeZone: 'Europe/Brussels' },
    );
    const [event] = parse(text);
    expect(event?.summary).toBe('Visit; Valencia, day 1\nsuperblocks');
    expect(event?.description).toBe('é'.repeat(100));
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(foldLine('a'.repeat(80)).split('\r\n ')).toHaveLength(2);
  });

  it('writes other zones in UTC', () => {
    const text = buildCalendar([{ uid: 'z@p', start: new Date('2027-05-20T07:00:00Z'), end: new Date('2027-05-20T08:00:00Z'), summary: 'S', stamp }], { name: 'S', timeZone: 'America/New_York' });
    expect(text).toContain('DTSTART:20270520T070000Z');
    expect(parse(text)[0]?.startDate.toJSDate().toISOString()).toBe('2027-05-20T07:00:00.000Z');
  });
});
