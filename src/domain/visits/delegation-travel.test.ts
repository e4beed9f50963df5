import { describe, expect, it } from 'vitest';
import { delegationTravel } from './delegation-travel.ts';

const graz = { latitude: 47.06667, longitude: 15.45 };
const valencia = { latitude: 39.46975, longitude: -0.37739 };

describe('delegation travel', () => {
  it('counts a return trip for every traveller, air with the 8 % distance uplift', () => {
    const air = delegationTravel(graz, valencia, 'air', 3);
    expect(air.distanceKm).toBeGreaterThan(1500);
    expect(air.co2Kg).toBeCloseTo(2 * air.distanceKm * 1.08 * 0.156 * 3, 0);
    const rail = delegationTravel(graz, valencia, 'rail', 3);
    expect(rail.co2Kg).toBeCloseTo(2 * rail.distanceKm * 0.035 * 3, 0);
    expect(rail.co2Kg).toBeLessThan(air.co2Kg / 4);
  });

  it('is zero for a delegation of nobody', () => {
    expect(delegationTravel(graz, valencia, 'rail', 0).co2Kg).toBe(0);
  });
});
