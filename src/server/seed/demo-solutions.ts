import { sql } from 'kysely';
import { slugify } from '../../domain/cities/city-csv.ts';
import { countryOf, isCountryCode } from '../../domain/reference/countries.ts';
import { SECTOR_CODES, type SectorCode } from '../../domain/reference/sectors.ts';
import { sanitizeRichText } from '../lib/rich-text.ts';
import { refreshCitySolutionStats, type SolutionValues } from '../modules/solutions/solutions.repository.ts';
import type { Db } from '../db/client.ts';
import type { DemoCalendar } from './demo-calendar.ts';
import { DEMO_ASPIRING_CITIES, DEMO_SOLUTIONS, type DemoSolution } from './demo-solutions-data.ts';

const SEED_NAME = 'demo-library-v1';

const languagesOf = (country: string) => (isCountryCode(country) ? [...countryOf(country).languages] : []);

/** A fixed pick of sectors for a city without demo solutions, so filters and "cities like mine" have content. */
function sectorsByIndex(i: number): SectorCode[] {
  const a = SECTOR_CODES[i % SECTOR_CODES.length] as SectorCode;
  const b = SECTOR_CODES[(i * 7 + 3) % SECTOR_CODES.length] as SectorCode;
  return a === b ? [a] : [a, b];
}

function bodyOf(s: DemoSolution): string {
  const note =
    s.source === 'reference'
      ? 'Demo content: this example is named in the city’s climate plans as summarised in the platform’s reference facts. Impact, cost and years are illustrative.'
      : 'Demo content: an illustrative example of a measure common in Climate City Contract action plans, not a statement of this city’s plan.';
  return sanitizeRichText(`<p>${escapeHtml(s.summary)}</p>${s.detail ? `<p>${escapeHtml(s.detail)}</p>` : ''}<p><em>${note}</em></p>`);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The library's demo data: aspiring cities, profiles for every city, contact
 * persons for the demo representatives' cities, and the demo solutions.
 * Runs once (seed_runs marker); one multi-row insert per table.
 */
export async function seedLibraryDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;

    const existing = await trx.selectFrom('cities').select(['geonames_id', 'slug']).execute();
    const taken = new Set(existing.flatMap((c) => [c.slug, `g${c.geonames_id}`]));
    const aspiring = DEMO_ASPIRING_CITIES.filter((c) => !taken.has(slugify(c.name)) && !taken.has(`g${c.geonamesId}`));
    if (aspiring.length) {
      await trx
        .insertInto('cities')
        .values(
          aspiring.map((c, i) => ({
            slug: slugify(c.name),
            name: c.name,
            country: c.country,
            kind: 'aspiring' as const,
            latitude: c.latitude,
            longitude: c.longitude,
            population: c.population,
            geonames_id: c.geonamesId,
            languages: languagesOf(c.country),
            climate_target_year: 2050 - (i % 3) * 5,
            sectors_of_interest: sectorsByIndex(i),
            profile: `${c.name} aims for climate neutrality by ${2050 - (i % 3) * 5} and learns from the Mission Cities. (Demo profile.)`,
          })),
        )
        .execute();
    }

    // Mission Cities: languages of the country, the 2030 target, and as
    // interests the sectors of their demo solutions (or a fixed pick).
    const cities = await trx.selectFrom('cities').select(['id', 'slug', 'name', 'country', 'kind']).execute();
    const cityId = new Map(cities.map((c) => [c.slug, c.id]));
    const solutionSectors = new Map<string, Set<SectorCode>>();
    for (const s of DEMO_SOLUTIONS) {
      const set = solutionSectors.get(s.city) ?? new Set<SectorCode>();
      s.sectors.forEach((x) => set.add(x));
      solutionSectors.set(s.city, set);
    }
    const missions = cities.filter((c) => c.kind === 'mission').sort((a, b) => a.slug.localeCompare(b.slug));
    if (missions.length) {
      const values = missions.map((c, i) => {
        const sectors = [...(solutionSectors.get(c.slug) ?? sectorsByIndex(i))];
        return sql`(${c.id}::uuid, ${languagesOf(c.country)}::text[], ${sectors}::text[], ${`${c.name} is one of the 112 EU Mission Cities, aiming for climate neutrality by 2030. (Demo profile.)`})`;
      });
      await sql`
        UPDATE cities SET languages = v.languages, climate_target_year = 2030, sectors_of_interest = v.sectors, profile = v.profile
        FROM (VALUES ${sql.join(values)}) AS v(id, languages, sectors, profile)
        WHERE cities.id = v.id AND cities.profile = ''`.execute(trx);
    }

    const contacts = [
      { city: 'valencia', name: 'Lucía Martínez', email: 'lucia.martinez@demo.peercities.eu', phone: '+34 600 000 001', role: 'Climate mission coordinator' },
      { city: 'valencia', name: 'Jorge Ferrer', email: 'jorge.ferrer@demo.peercities.eu', phone: null, role: 'Energy office' },
      { city: 'lahti', name: 'Mikko Virtanen', email: 'mikko.virtanen@demo.peercities.eu', phone: '+358 40 000 0001', role: 'Climate director' },
      { city: 'krakow', name: 'Piotr Nowak', email: 'piotr.nowak@demo.peercities.eu', phone: '+48 600 000 001', role: 'Mission City contact' },
    ].filter((c) => cityId.has(c.city));
    if (contacts.length) {
      await trx
        .insertInto('city_contacts')
        .values(contacts.map((c, position) => ({ city_id: cityId.get(c.city) ?? '', position, name: c.name, email: c.email, phone: c.phone, role_title: c.role })))
        .execute();
    }

    // Published one by one a day apart before the first start, so "newest" has a stable order.
    const now = cal.seededAt.getTime();
    const rows: SolutionValues[] = DEMO_SOLUTIONS.flatMap((s, i) => {
      const city = cityId.get(s.city);
      if (!city) return [];
      const published = s.draft ? null : new Date(now - (DEMO_SOLUTIONS.length - i) * 86_400_000);
      return [
        {
          city_id: city,
          title: s.title,
          summary: s.summary,
          body_html: bodyOf(s),
          sectors: s.sectors,
          lever: s.lever,
          stage: s.stage,
          impact_tco2e_per_year: s.impact,
          cost_range: s.cost,
          visitable: s.visitable,
          start_year: s.years[0],
          end_year: s.years[1],
          links: JSON.stringify([]),
          tags: s.tags.map((t) => t.toLowerCase()),
          language: s.language ?? 'en',
          status: s.draft ? 'draft' : 'published',
          published_at: published,
          demo: true,
          created_by: null,
          updated_by: null,
        },
      ];
    });
    if (rows.length) await trx.insertInto('solutions').values(rows).execute();
    await refreshCitySolutionStats(trx, null);
    return true;
  });
}
