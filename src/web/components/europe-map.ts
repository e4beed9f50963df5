import { geoBounds, geoConicConformal, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Fetched as a static asset rather than bundled: the 750 kB atlas must not
// land in the shared vendor chunk every page loads.
import atlasUrl from 'world-atlas/countries-50m.json?url';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 800;

// Europe with Iceland, the Canary Islands, Türkiye, the Caucasus and Israel.
const WEST = -25;
const EAST = 50;
const SOUTH = 27;
const NORTH = 71;

function isCountriesTopology(value: unknown): value is Topology<{ countries: GeometryCollection<{ name: string }> }> {
  if (typeof value !== 'object' || value === null) return false;
  const objects: unknown = Reflect.get(value, 'objects');
  return Reflect.get(value, 'type') === 'Topology' && typeof objects === 'object' && objects !== null && 'countries' in objects;
}

/** Conformal conic centred on Europe, fitted to the drawing. */
export const projection = geoConicConformal()
  .parallels([40, 62])
  .rotate([-12, 0])
  .fitExtent(
    [
      [8, 8],
      [MAP_WIDTH - 8, MAP_HEIGHT - 8],
    ],
    { type: 'MultiPoint', coordinates: [[WEST, SOUTH], [EAST, SOUTH], [WEST, NORTH], [EAST, NORTH], [10, NORTH + 1], [10, SOUTH]] },
  );

/** SVG path data of a GeoJSON shape (a country, a line between two places) on this map. */
export const mapPath = geoPath(projection);

function europeanCountries(data: unknown): Feature<Geometry, { name: string }>[] {
  if (!isCountriesTopology(data)) return [];
  const collection: FeatureCollection<Geometry, { name: string }> = feature(data, data.objects.countries);
  return collection.features.filter((f) => {
    const [[west, south], [east, north]] = geoBounds(f);
    // A bounding box that wraps the antimeridian (Russia) still reaches Europe.
    const wraps = west > east;
    return north >= SOUTH && south <= NORTH && (wraps || (east >= WEST && west <= EAST));
  });
}

export interface CountryPath {
  name: string;
  d: string;
}

/** SVG path data of each European country (Natural Earth 1:50m via world-atlas). */
export async function loadCountryPaths(signal?: AbortSignal): Promise<CountryPath[]> {
  const response = await fetch(atlasUrl, { signal: signal ?? null });
  if (!response.ok) throw new Error(`world atlas: ${response.status}`);
  const data: unknown = await response.json();
  return europeanCountries(data).flatMap((f) => {
    const d = mapPath(f);
    return d ? [{ name: f.properties.name, d }] : [];
  });
}

/** Where a point falls on the drawing, or null when it is off the map. */
export function place(longitude: number, latitude: number): [number, number] | null {
  const xy = projection([longitude, latitude]);
  if (!xy) return null;
  const [x, y] = xy;
  return x >= 0 && x <= MAP_WIDTH && y >= 0 && y <= MAP_HEIGHT ? [x, y] : null;
}
