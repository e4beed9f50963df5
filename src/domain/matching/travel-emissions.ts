// Travel between two cities for one traveller: great-circle distance
// (haversine), mode by distance (rail under a threshold, air above), and CO2e
// from per-passenger-km emission factors. Reused for study visits.
//
// Emission factors, kg CO2e per passenger-km — source: UK Department for
// Energy Security and Net Zero (DESNZ), "Greenhouse gas reporting: conversion
// factors 2024", condensed set, business travel:
//   https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024
// - AIR_SHORT_HAUL = 0.156: flights, short-haul, economy class, including the
//   radiative-forcing uplift (non-CO2 effects of aviation). Figure as quoted
//   from the 2024 condensed set by third-party summaries; ASSUMPTION until
//   checked against the spreadsheet cell.
// - RAIL = 0.035: "national rail" (UK average, diesel and electric). European
//   intercity rail varies widely with the electricity mix (the DESNZ
//   "international rail" factor, 0.0045, is Eurostar's, on French nuclear
//   power); 0.035 is the deliberately conservative choice. ASSUMPTION: value
//   recalled from the 2023–2024 sets (≈ 0.0355), to be checked.
// - AIR_DISTANCE_UPLIFT = 1.08: DESNZ methodology adds 8 % to great-circle
//   distance for flights (indirect routes, holding). No uplift for rail
//   (ASSUMPTION: rail routes are longer than great circles too; we
//   under-count rail rather than over-count it).

export const EMISSION_FACTORS = {
  railKgPerPassengerKm: 0.035,
  airShortHaulKgPerPassengerKm: 0.156,
  airDistanceUplift: 1.08,
  source: 'UK DESNZ greenhouse gas reporting conversion factors 2024 (business travel); see travel-emissions.ts',
} as const;

export const DEFAULT_RAIL_THRESHOLD_KM = 700;
/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  latitude: number;
  longitude: number;
}

export interface TravelEstimate {
  greatCircleKm: number;
  mode: 'rail' | 'air';
  /** Distance used for emissions (great circle, plus the uplift for air). */
  travelledKm: number;
  /** kg CO2e per traveller, one way. */
  co2KgOneWay: number;
  /** kg CO2e per traveller, there and back (a study visit). */
  co2KgReturn: number;
}

/** Great-circle distance in km (haversine formula). */
export function greatCircleKm(from: LatLon, to: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (to.latitude - from.latitude) * rad;
  const dLon = (to.longitude - from.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(from.latitude * rad) * Math.cos(to.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Mode and CO2 of one traveller's trip between two cities. */
export function estimateTravel(from: LatLon, to: LatLon, railThresholdKm = DEFAULT_RAIL_THRESHOLD_KM): TravelEstimate {
  const distance = greatCircleKm(from, to);
  const mode = distance < railThresholdKm ? 'rail' : 'air';
  const travelledKm = mode === 'rail' ? distance : distance * EMISSION_FACTORS.airDistanceUplift;
  const factor = mode === 'rail' ? EMISSION_FACTORS.railKgPerPassengerKm : EMISSION_FACTORS.airShortHaulKgPerPassengerKm;
  const co2KgOneWay = travelledKm * factor;
  return { greatCircleKm: distance, mode, travelledKm, co2KgOneWay, co2KgReturn: 2 * co2KgOneWay };
}
