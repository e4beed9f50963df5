// Countries the platform names: the 35 Mission City countries and every other
// European country (EU, EEA/EFTA, candidates, Horizon Europe associated
// countries, microstates), plus Israel, which is associated and hosts a
// Mission City. Codes are ISO 3166-1 alpha-2 — so Greece is GR (not the EU's
// EL) and the United Kingdom GB (not UK). XK (Kosovo) is the user-assigned code
// the EU and most registries use.

/** The 24 official languages of the EU (ISO 639-1). */
export const EU_OFFICIAL_LANGUAGES = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr',
  'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv',
] as const;
export type EuLanguageCode = (typeof EU_OFFICIAL_LANGUAGES)[number];

/**
 * Every language the country table names (ISO 639-1): the EU's official ones,
 * then others in official or main use. A union rather than `string` so a typo
 * in the table fails to compile.
 */
export const LANGUAGE_CODES = [
  ...EU_OFFICIAL_LANGUAGES,
  'ar', 'az', 'be', 'bs', 'ca', 'eu', 'fo', 'gl', 'he', 'hy', 'is', 'ka',
  'lb', 'mk', 'no', 'rm', 'ru', 'sq', 'sr', 'tr', 'uk',
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export const COUNTRY_CODES = [
  // EU member states
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  // EEA/EFTA, United Kingdom, Faroe Islands
  'IS', 'LI', 'NO', 'CH', 'GB', 'FO',
  // Western Balkans, Eastern Partnership, Türkiye, Israel
  'AL', 'BA', 'ME', 'MK', 'RS', 'XK', 'MD', 'UA', 'GE', 'AM', 'AZ', 'TR', 'IL',
  // Other European states
  'AD', 'MC', 'SM', 'VA', 'BY', 'RU',
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export interface Country {
  code: CountryCode;
  /** English short name. */
  name: string;
  /** Member state of the European Union. */
  eu: boolean;
  /** Main official languages, most widely spoken first (for demo data and language matching). */
  languages: readonly LanguageCode[];
}

type CountryFacts = Omit<Country, 'code'>;
const eu = (name: string, ...languages: LanguageCode[]): CountryFacts => ({ name, eu: true, languages });
const nonEu = (name: string, ...languages: LanguageCode[]): CountryFacts => ({ name, eu: false, languages });

// A Record over CountryCode makes the compiler reject a missing or extra code.
const COUNTRY_FACTS: Record<CountryCode, CountryFacts> = {
  AT: eu('Austria', 'de'),
  BE: eu('Belgium', 'nl', 'fr', 'de'),
  BG: eu('Bulgaria', 'bg'),
  HR: eu('Croatia', 'hr'),
  CY: eu('Cyprus', 'el', 'tr'),
  CZ: eu('Czechia', 'cs'),
  DK: eu('Denmark', 'da'),
  EE: eu('Estonia', 'et'),
  FI: eu('Finland', 'fi', 'sv'),
  FR: eu('France', 'fr'),
  DE: eu('Germany', 'de'),
  GR: eu('Greece', 'el'),
  HU: eu('Hungary', 'hu'),
  IE: eu('Ireland', 'en', 'ga'),
  IT: eu('Italy', 'it'),
  LV: eu('Latvia', 'lv'),
  LT: eu('Lithuania', 'lt'),
  LU: eu('Luxembourg', 'lb', 'fr', 'de'),
  MT: eu('Malta', 'mt', 'en'),
  NL: eu('Netherlands', 'nl'),
  PL: eu('Poland', 'pl'),
  PT: eu('Portugal', 'pt'),
  RO: eu('Romania', 'ro'),
  SK: eu('Slovakia', 'sk'),
  SI: eu('Slovenia', 'sl'),
  ES: eu('Spain', 'es', 'ca', 'eu', 'gl'),
  SE: eu('Sweden', 'sv'),
  IS: nonEu('Iceland', 'is'),
  LI: nonEu('Liechtenstein', 'de'),
  // 'no' is the macrolanguage; the written standards nb and nn both fall under it.
  NO: nonEu('Norway', 'no'),
  CH: nonEu('Switzerland', 'de', 'fr', 'it', 'rm'),
  GB: nonEu('United Kingdom', 'en'),
  FO: nonEu('Faroe Islands', 'fo', 'da'),
  AL: nonEu('Albania', 'sq'),
  BA: nonEu('Bosnia and Herzegovina', 'bs', 'hr', 'sr'),
  // Montenegrin has no ISO 639-1 code; Serbian is its closest listed neighbour.
  ME: nonEu('Montenegro', 'sr'),
  MK: nonEu('North Macedonia', 'mk', 'sq'),
  RS: nonEu('Serbia', 'sr'),
  XK: nonEu('Kosovo', 'sq', 'sr'),
  MD: nonEu('Moldova', 'ro'),
  UA: nonEu('Ukraine', 'uk'),
  GE: nonEu('Georgia', 'ka'),
  AM: nonEu('Armenia', 'hy'),
  AZ: nonEu('Azerbaijan', 'az'),
  TR: nonEu('Türkiye', 'tr'),
  IL: nonEu('Israel', 'he', 'ar'),
  AD: nonEu('Andorra', 'ca'),
  MC: nonEu('Monaco', 'fr'),
  SM: nonEu('San Marino', 'it'),
  VA: nonEu('Holy See', 'it'),
  BY: nonEu('Belarus', 'be', 'ru'),
  RU: nonEu('Russia', 'ru'),
};

/** Every country, in COUNTRY_CODES order. */
export const COUNTRIES: readonly Country[] = COUNTRY_CODES.map((code): Country => ({ code, ...COUNTRY_FACTS[code] }));

const countryCodeSet: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** True when `value` is a code of this table (upper case, as ISO writes it). */
export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && countryCodeSet.has(value);
}

export function countryOf(code: CountryCode): Country {
  return { code, ...COUNTRY_FACTS[code] };
}

const euLanguageSet: ReadonlySet<string> = new Set(EU_OFFICIAL_LANGUAGES);

export function isEuLanguage(code: LanguageCode): code is EuLanguageCode {
  return euLanguageSet.has(code);
}

/** The country's main languages that are official EU languages (empty for e.g. Norway). */
export function euLanguagesOf(code: CountryCode): EuLanguageCode[] {
  return COUNTRY_FACTS[code].languages.filter(isEuLanguage);
}

/**
 * European countries associated to Horizon Europe, the programme that funds
 * the Cities Mission (2025): their cities may register beside those of the
 * EU member states. Not Liechtenstein, Andorra, Monaco, San Marino, the
 * Vatican, Azerbaijan, Belarus or Russia.
 */
export const HORIZON_EUROPE_ASSOCIATED: readonly CountryCode[] = ['AL', 'AM', 'BA', 'CH', 'FO', 'GB', 'GE', 'IL', 'IS', 'MD', 'ME', 'MK', 'NO', 'RS', 'TR', 'UA', 'XK'];

/** True for EU member states and the countries associated to Horizon Europe (cities there may register). */
export function isRegistrationCountry(code: string): boolean {
  return isCountryCode(code) && (countryOf(code).eu || HORIZON_EUROPE_ASSOCIATED.includes(code));
}
