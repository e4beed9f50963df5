import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { slugify, validateCityCsv } from './city-csv.ts';

const header = 'name,country,kind,latitude,longitude,population,languages,sectors_of_interest,climate_target_year';

describe('validateCityCsv', () => {
  it('accepts a valid file and derives slugs from names', () => {
    const result = validateCityCsv(`${header}\nJyväskylä,FI,aspiring,62.24,25.74,"144,000",fi;sv,energy;buildings,2040\nOulu,fi,aspiring,65.01,25.47,,fi,,\n`.replace('"144,000"', '144000'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toMatchObject({
      line: 2,
      slug: 'jyvaskyla',
      country: 'FI',
      population: 144000,
      languages: ['fi', 'sv'],
      sectorsOfInterest: ['energy', 'buildings'],
      climateTargetYear: 2040,
    });
    expect(result.rows[1]).toMatchObject({ slug: 'oulu', country: 'FI', population: null, sectorsOfInterest: [], climateTargetYear: null });
    // Columns absent from the file stay undefined: an update leaves them alone.
    expect(result.rows[1]?.profile).toBeUndefined();
  });

  it('reports every bad cell with its line, column and reason', () => {
    const csv = [
      header,
      'Good,FI,aspiring,60,25,1000,fi,energy,2050',
      ',XX,capital,95,25,-3,finnish,rockets,2200',
      'Also good,SE,mission,59.3,18.1,,,,',
    ].join('\n');
    const result = validateCityCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = result.errors.map((e) => `${e.line}:${e.column}`);
    expect(at).toEqual([
      '3:name',
      '3:country',
      '3:kind',
      '3:latitude',
      '3:population',
      '3:climate_target_year',
      '3:languages',
      '3:sectors_of_interest',
    ]);
    for (const e of result.errors) expect(englishText(e.reason).length).toBeGreaterThan(5);
  });

  it('counts lines of the file, including quoted cells that span lines', () => {
    const csv = `name,country,kind,latitude,longitude,profile\nA,FI,aspiring,60,25,"two\nlines"\nB,FI,aspiring,north,25,x\n`;
    const result = validateCityCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ line: 4, column: 'latitude', reason: reason('CSV_NOT_A_NUMBER', { value: 'north' }) }]);
    expect(englishText(result.errors[0]!.reason)).toBe('“north” is not a number.');
  });

  it('refuses unknown or missing columns in the header', () => {
    const result = validateCityCsv('name,country,latitude,colour\nA,FI,60,red\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['1:colour', '1:kind', '1:longitude']);
  });

  it('refuses the same city twice in one file', () => {
    const result = validateCityCsv('name,country,kind,latitude,longitude,geonames_id\nOulu,FI,aspiring,65,25,643492\noulu,FI,aspiring,65,25,1\nX,FI,aspiring,65,25,643492\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['3:name', '4:geonames_id']);
  });

  it('reads semicolon-separated files as Excel writes them in much of Europe', () => {
    const result = validateCityCsv('name;country;kind;latitude;longitude;languages\nGraz;AT;aspiring;47.07;15.44;de,en\n');
    expect(result.ok && result.rows[0]).toMatchObject({ slug: 'graz', languages: ['de', 'en'] });
  });

  it('reports a row with the wrong number of cells and unreadable CSV', () => {
    const short = validateCityCsv('name,country,kind,latitude,longitude\nA,FI,aspiring,60\n');
    expect(short.ok === false && short.errors[0]).toMatchObject({ line: 2, column: '' });
    const broken = validateCityCsv('name,country,kind,latitude,longitude\n"A,FI,aspiring,60,25\n');
    expect(broken.ok).toBe(false);
  });
});

describe('slugify', () => {
  it('makes ASCII kebab-case identifiers of European names', () => {
    expect(slugify('Sønderborg')).toBe('sonderborg');
    expect(slugify('Łódź')).toBe('lodz');
    expect(slugify('Frankfurt am Main')).toBe('frankfurt-am-main');
    expect(slugify('Eindhoven & Helmond')).toBe('eindhoven-helmond');
    expect(slugify('Liepāja')).toBe('liepaja');
  });
});
