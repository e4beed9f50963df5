// Loaded on demand: only the map needs d3-geo, topojson and the atlas.
import { MapPage } from './map.page.tsx';

export const Component = MapPage;
