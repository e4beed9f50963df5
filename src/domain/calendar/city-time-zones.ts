/**
 * The time zone of a city, from its country (ISO 3166-1 alpha-2, as in
 * `cities.country`). One IANA zone per EU, EEA and candidate country and
 * their neighbours in the programme; a country spanning several zones gets
 * its mainland zone: Portugal is Europe/Lisbon (the Azores are an hour
 * behind), Spain Europe/Madrid (the Canary Islands are an hour behind).
 * A country not listed takes the programme's default zone.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  // European Union
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  HR: 'Europe/Zagreb',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  DE: 'Europe/Berlin',
  GR: 'Europe/Athens',
  EL: 'Europe/Athens', // the EU's own code for Greece
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SK: 'Europe/Bratislava',
  SI: 'Europe/Ljubljana',
  ES: 'Europe/Madrid',
  SE: 'Europe/Stockholm',
  // EEA, Switzerland, United Kingdom
  IS: 'Atlantic/Reykjavik',
  LI: 'Europe/Vaduz',
  NO: 'Europe/Oslo',
  CH: 'Europe/Zurich',
  GB: 'Europe/London',
  UK: 'Europe/London',
  // Candidate and potential candidate countries
  AL: 'Europe/Tirane',
  BA: 'Europe/Sarajevo',
  GE: 'Asia/Tbilisi',
  MD: 'Europe/Chisinau',
  ME: 'Europe/Podgorica',
  MK: 'Europe/Skopje',
  RS: 'Europe/Belgrade',
  TR: 'Europe/Istanbul',
  UA: 'Europe/Kyiv',
  XK: 'Europe/Belgrade',
};

/** The IANA time zone of a city in this country (the mainland zone; Azores and Canaries are not distinguished). */
export function timeZoneOfCountry(country: string | null | undefined): string {
  return (country && COUNTRY_ZONES[country.trim().toUpperCase()]) || DEFAULT_TIME_ZONE;
}

/** Every zone a city can have, for tests and documentation. */
export const CITY_TIME_ZONES: readonly string[] = [...new Set([...Object.values(COUNTRY_ZONES), DEFAULT_TIME_ZONE])];
