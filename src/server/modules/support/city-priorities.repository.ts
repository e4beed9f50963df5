import { isSectorCode, isSystemicLeverCode } from '../../../domain/reference/sectors.ts';
import type { LeverCode } from '../../../shared/solution.schemas.ts';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { Db } from '../../db/client.ts';

/**
 * The requesting cities' priorities from their answers to the support-needs
 * survey (table city_priorities, written by the surveys module), by city id;
 * cities without any are absent. Routing adds them to the fit (expert-fit.ts).
 * Read with support's own SQL, as `work` reads other features' tables.
 */
export async function prioritiesOfCities(db: Db, cityIds: readonly string[]): Promise<Map<string, { sectors: SectorCode[]; levers: LeverCode[] }>> {
  if (cityIds.length === 0) return new Map();
  const rows = await db.selectFrom('city_priorities').select(['city_id', 'sectors', 'levers']).where('city_id', 'in', [...new Set(cityIds)]).execute();
  return new Map(rows.map((r) => [r.city_id, { sectors: r.sectors.filter(isSectorCode), levers: r.levers.filter(isSystemicLeverCode) }]));
}
