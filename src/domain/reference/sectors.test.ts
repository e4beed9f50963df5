import { describe, expect, it } from 'vitest';
import { SECTORS, SECTOR_CODES, SYSTEMIC_LEVERS, isSectorCode, isSystemicLeverCode } from './sectors.ts';

describe('sector taxonomy', () => {
  it('has the six sectors of the Online Discussion Groups, in order', () => {
    expect(SECTORS.map((sector) => sector.code)).toEqual([
      'energy',
      'buildings',
      'mobility',
      'circular-economy',
      'industry',
      'nature-based-solutions',
    ]);
  });

  it('labels mobility "Sustainable mobility" and gives each sector a description and an i18n key', () => {
    expect(SECTORS.find((sector) => sector.code === 'mobility')?.label).toBe('Sustainable mobility');
    for (const sector of SECTORS) {
      expect(sector.description.length).toBeGreaterThan(20);
      expect(sector.i18nKey).toBe(`sectors.${sector.code}`);
    }
  });

  it('recognises sector codes and rejects anything else', () => {
    for (const code of SECTOR_CODES) expect(isSectorCode(code)).toBe(true);
    for (const value of ['Energy', 'transport', '', null, undefined, 3, {}]) expect(isSectorCode(value)).toBe(false);
  });
});

describe('systemic levers', () => {
  it('has the six NetZeroCities levers with labels and i18n keys', () => {
    expect(SYSTEMIC_LEVERS.map((lever) => lever.label)).toEqual([
      'Technology & infrastructure',
      'Governance & policy',
      'Social innovation',
      'Democracy & participation',
      'Finance & funding',
      'Learning & capabilities',
    ]);
    for (const lever of SYSTEMIC_LEVERS) expect(lever.i18nKey).toBe(`systemicLevers.${lever.code}`);
  });

  it('recognises lever codes and rejects sector codes', () => {
    expect(isSystemicLeverCode('finance-funding')).toBe(true);
    expect(isSystemicLeverCode('energy')).toBe(false);
  });
});
