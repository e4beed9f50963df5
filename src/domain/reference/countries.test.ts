import { describe, expect, it } from 'vitest';
import { COUNTRIES, EU_OFFICIAL_LANGUAGES, LANGUAGE_CODES, countryOf, euLanguagesOf, isCountryCode } from './countries.ts';

describe('country table', () => {
  it('lists each code once, upper case, with the 27 EU member states flagged', () => {
    const codes = COUNTRIES.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(COUNTRIES.filter((country) => country.eu)).toHaveLength(27);
  });

  it('uses ISO codes where the EU uses its own: GB for the United Kingdom, GR for Greece', () => {
    expect(isCountryCode('GB')).toBe(true);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('EL')).toBe(false);
    expect(countryOf('GR').name).toBe('Greece');
  });

  it('covers the candidate and associated countries named in the brief', () => {
    for (const code of ['AL', 'BA', 'ME', 'MK', 'RS', 'XK', 'MD', 'UA', 'GE', 'AM', 'TR', 'IL', 'IS', 'NO', 'CH', 'LI', 'GB', 'FO']) {
      expect(isCountryCode(code), code).toBe(true);
    }
  });

  it('gives every country at least one language, and every EU language to at least one member state', () => {
    for (const country of COUNTRIES) expect(country.languages.length, country.code).toBeGreaterThan(0);
    const memberLanguages = new Set(COUNTRIES.filter((country) => country.eu).flatMap((country) => country.languages));
    for (const language of EU_OFFICIAL_LANGUAGES) expect(memberLanguages.has(language), language).toBe(true);
  });

  it('filters a country’s languages down to the official EU ones', () => {
    expect(euLanguagesOf('ES')).toEqual(['es']);
    expect(euLanguagesOf('LU')).toEqual(['fr', 'de']);
    expect(euLanguagesOf('NO')).toEqual([]);
    expect(euLanguagesOf('CH')).toEqual(['de', 'fr', 'it']);
  });
});

describe('language codes', () => {
  it('lists each ISO 639-1 code once and uses every one of them', () => {
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
    const used = new Set(COUNTRIES.flatMap((country) => country.languages));
    expect(LANGUAGE_CODES.filter((code) => !used.has(code))).toEqual([]);
  });
});
