import { EMISSION_FACTORS, greatCircleKm, type LatLon } from '../matching/travel-emissions.ts';

export interface DelegationTravel {
  mode: 'rail' | 'air';
  distanceKm: number;
  travellers: number;
  /** Return trip for the whole delegation, kg CO2e. */
  co2Kg: number;
}

/**
 * CO2 of a delegation's return trip by the mode it chose, with the matching
 * engine's factors (UK DESNZ 2024; air distance +8 %).
 */
export function delegationTravel(from: LatLon, to: LatLon, mode: 'rail' | 'air', travellers: number): DelegationTravel {
  const distanceKm = greatCircleKm(from, to);
  const travelled = mode === 'air' ? distanceKm * EMISSION_FACTORS.airDistanceUplift : distanceKm;
  const factor = mode === 'air' ? EMISSION_FACTORS.airShortHaulKgPerPassengerKm : EMISSION_FACTORS.railKgPerPassengerKm;
  return { mode, distanceKm: Math.round(distanceKm * 10) / 10, travellers, co2Kg: Math.round(2 * travelled * factor * travellers * 10) / 10 };
}
