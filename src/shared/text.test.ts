import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueReason } from './issue-reason.ts';
import { Instant, LocalDate, LocalDateTime, LocalTime, text, webAddress } from './text.ts';

const reasonOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : issueReason(result.error.issues[0] as z.core.$ZodIssue).code;
};

describe('text()', () => {
  it('takes ordinary text, emoji and other scripts', () => {
    for (const v of ['', 'Valencia', 'Bruxelles – Brussel', '東京', 'Good 👍 work', 'tab\tand\nnewline']) expect(text().parse(v)).toBe(v);
  });
  it('refuses U+0000 and lone surrogates with a reason people read', () => {
    for (const v of ['a\u0000b', '\u0000', 'fu\ud800zz', '\udfff', 'x\ud83d']) expect(reasonOf(text(), v), JSON.stringify(v)).toBe('TEXT_CHARACTERS_INVALID');
  });
  it('chains like z.string()', () => {
    expect(text().trim().min(1).max(5).safeParse('  abc ').data).toBe('abc');
    expect(text().max(3).safeParse('abcd').success).toBe(false);
  });
  it('web addresses: http(s) only, storable', () => {
    expect(webAddress().safeParse('https://example.org/a').success).toBe(true);
    expect(webAddress().safeParse('javascript:alert(1)').success).toBe(false);
    expect(reasonOf(webAddress(), 'https://example.org/\u0000')).not.toBeNull();
  });
});

describe('strict dates and times', () => {
  it('LocalDate takes only real calendar days', () => {
    for (const v of ['2027-02-28', '2028-02-29', '2027-12-31', '0001-01-01']) expect(LocalDate.safeParse(v).success, v).toBe(true);
    for (const v of ['2027-02-29', '2027-02-30', '2027-04-31', '0000-00-00', '0000-01-01', '2027-13-01', '2027-1-1', '2027-02-28T10:00', ' 2027-02-28']) expect(reasonOf(LocalDate, v), v).toBe('DATE_INVALID');
  });
  it('LocalTime takes 00:00 to 23:59', () => {
    for (const v of ['00:00', '09:30', '23:59']) expect(LocalTime.safeParse(v).success, v).toBe(true);
    for (const v of ['99:99', '24:00', '23:60', '9:30', '09:30:00', '']) expect(reasonOf(LocalTime, v), v).toBe('TIME_INVALID');
  });
  it('LocalDateTime is a real day and time without an offset', () => {
    expect(LocalDateTime.safeParse('2027-03-15T10:00').success).toBe(true);
    for (const v of ['2027-02-30T25:61', '2027-02-30T10:00', '2027-03-15T24:00', '2027-03-15T10:00Z', '2027-03-15T10:00:00', '0000-01-01T10:00']) expect(reasonOf(LocalDateTime, v), v).toBe('DATE_TIME_INVALID');
  });
  it('Instant carries an offset and a real day', () => {
    for (const v of ['2027-03-15T10:00:00+01:00', '2027-03-15T10:00:00Z', '2027-03-15T10:00:00.123Z']) expect(Instant.safeParse(v).success, v).toBe(true);
    for (const v of ['2027-02-30T10:00:00Z', '2027-03-15T25:00:00Z', '2027-03-15T10:00', '0000-01-01T00:00:00Z']) expect(reasonOf(Instant, v), v).toBe('DATE_TIME_INVALID');
  });
});
