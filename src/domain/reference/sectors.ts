// The platform's sector taxonomy: the six sectors of the NetZeroCities Online
// Discussion Groups. Codes are stable identifiers stored in the database and
// used in URLs; labels are the English source strings, translated through
// i18next with `i18nKey`.

import { SectorCode } from '../../shared/city.schemas.ts';
import { LeverCode } from '../../shared/solution.schemas.ts';

export type { SectorCode };
export type SystemicLeverCode = LeverCode;

/** The six sector codes in display order (the list lives once, in the shared schema). */
export const SECTOR_CODES: readonly SectorCode[] = SectorCode.options;

export interface Sector {
  code: SectorCode;
  label: string;
  description: string;
  i18nKey: `sectors.${SectorCode}`;
}

// Keyed by code so the compiler reports a sector added to SECTOR_CODES but
// not described here.
const SECTOR_DETAILS: Record<SectorCode, Omit<Sector, 'code' | 'i18nKey'>> = {
  energy: {
    label: 'Energy',
    description: 'Renewable generation, district heating and cooling, heat pumps, storage and energy communities.',
  },
  buildings: {
    label: 'Buildings',
    description: 'Energy renovation of the existing stock, efficient new construction and low-carbon building materials.',
  },
  mobility: {
    label: 'Sustainable mobility',
    description: 'Public transport, walking and cycling, electric vehicles and charging, low-emission zones and logistics.',
  },
  'circular-economy': {
    label: 'Circular economy',
    description: 'Waste prevention, reuse, repair, bio-waste, recycling and circular construction.',
  },
  industry: {
    label: 'Industry',
    description: 'Industrial process emissions, port and industrial-area decarbonisation, waste heat recovery.',
  },
  'nature-based-solutions': {
    label: 'Nature-based solutions',
    description: 'Urban forests, green roofs, blue-green infrastructure, river restoration and carbon sinks.',
  },
};

/** The six sectors in display order. */
export const SECTORS: readonly Sector[] = SECTOR_CODES.map(
  (code): Sector => ({ code, i18nKey: `sectors.${code}`, ...SECTOR_DETAILS[code] }),
);

const sectorCodeSet: ReadonlySet<string> = new Set(SECTOR_CODES);

/** True when `value` is one of the six sector codes (e.g. to narrow a query parameter). */
export function isSectorCode(value: unknown): value is SectorCode {
  return typeof value === 'string' && sectorCodeSet.has(value);
}

// Systemic levers of the NetZeroCities Climate City Contract action outlines:
// every action is tagged with the lever it pulls, beside its sector.

export const SYSTEMIC_LEVER_CODES: readonly SystemicLeverCode[] = LeverCode.options;

export interface SystemicLever {
  code: SystemicLeverCode;
  label: string;
  i18nKey: `systemicLevers.${SystemicLeverCode}`;
}

const SYSTEMIC_LEVER_LABELS: Record<SystemicLeverCode, string> = {
  'technology-infrastructure': 'Technology & infrastructure',
  'governance-policy': 'Governance & policy',
  'social-innovation': 'Social innovation',
  'democracy-participation': 'Democracy & participation',
  'finance-funding': 'Finance & funding',
  'learning-capabilities': 'Learning & capabilities',
};

/** The six systemic levers in display order. */
export const SYSTEMIC_LEVERS: readonly SystemicLever[] = SYSTEMIC_LEVER_CODES.map(
  (code): SystemicLever => ({ code, label: SYSTEMIC_LEVER_LABELS[code], i18nKey: `systemicLevers.${code}` }),
);

const leverCodeSet: ReadonlySet<string> = new Set(SYSTEMIC_LEVER_CODES);

/** True when `value` is one of the six systemic lever codes. */
export function isSystemicLeverCode(value: unknown): value is SystemicLeverCode {
  return typeof value === 'string' && leverCodeSet.has(value);
}
