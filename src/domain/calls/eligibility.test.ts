import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/reason-texts.ts';
import { checkEligibility, learningComplete, type Eligibility } from './eligibility.ts';

const inWords = (e: Eligibility) => ({ eligible: e.eligible, reasons: e.reasons.map(englishText) });

const settings = { visitorTargetYearMax: 2050, requireDiscussionGroups: true };
const complete = { phasesRequired: 4, phasesCompleted: [1, 2, 3, 4], markedCompleteByManager: false };

describe('call eligibility', () => {
  it('lets only Mission Cities express interest to host', () => {
    expect(checkEligibility('host', { name: 'Valencia', kind: 'mission', climateTargetYear: 2030 }, settings, complete).eligible).toBe(true);
    const refused = checkEligibility('host', { name: 'Tarragona', kind: 'aspiring', climateTargetYear: 2040 }, settings, complete);
    expect(inWords(refused)).toEqual({
      eligible: false,
      reasons: ['Only Mission Cities may host study visits; Tarragona is not a Mission City.'],
    });
    expect(refused.reasons).toEqual([{ code: 'HOST_NOT_MISSION_CITY', params: { city: 'Tarragona' } }]);
  });

  it('lets a city committed to 2050 that completed the phases apply to visit', () => {
    expect(checkEligibility('visitor', { name: 'Tarragona', kind: 'aspiring', climateTargetYear: 2050 }, settings, complete).eligible).toBe(true);
  });

  it('names the missing learning phases', () => {
    const r = checkEligibility('visitor', { name: 'Tarragona', kind: 'aspiring', climateTargetYear: 2045 }, settings, { ...complete, phasesCompleted: [1, 3] });
    expect(inWords(r).reasons).toEqual(["Tarragona has not yet completed the discussion groups' learning phases 2 and 4."]);
    expect(r.reasons).toEqual([{ code: 'LEARNING_PHASES_MISSING', params: { city: 'Tarragona', phases: '2', last: 4 } }]);
    const one = checkEligibility('visitor', { name: 'Tarragona', kind: 'aspiring', climateTargetYear: 2045 }, settings, { ...complete, phasesCompleted: [1, 2, 4] });
    expect(inWords(one).reasons).toEqual(["Tarragona has not yet completed the discussion groups' learning phase 3."]);
  });

  it('accepts a manager’s mark of completion instead of recorded phases', () => {
    const r = checkEligibility('visitor', { name: 'Tarragona', kind: 'aspiring', climateTargetYear: 2045 }, settings, { phasesRequired: 4, phasesCompleted: [], markedCompleteByManager: true });
    expect(r.eligible).toBe(true);
  });

  it('refuses a later or missing climate target, and Mission Cities, giving every reason', () => {
    expect(inWords(checkEligibility('visitor', { name: 'Slowtown', kind: 'aspiring', climateTargetYear: 2060 }, settings, complete)).reasons).toEqual([
      'Slowtown aims for climate neutrality by 2060; this call is for cities committed to 2050 at the latest.',
    ]);
    const r = checkEligibility('visitor', { name: 'Lahti', kind: 'mission', climateTargetYear: null }, settings, { ...complete, phasesCompleted: [] });
    expect(r.reasons).toHaveLength(3);
  });

  it('skips the learning rule when the programme does not require it', () => {
    const r = checkEligibility('visitor', { name: 'Tarragona', kind: 'aspiring', climateTargetYear: 2045 }, { ...settings, requireDiscussionGroups: false }, { ...complete, phasesCompleted: [] });
    expect(r.eligible).toBe(true);
  });
});

describe('learningComplete', () => {
  it('needs every required phase, or a manager’s mark', () => {
    expect(learningComplete({ phasesRequired: 3, phasesCompleted: [1, 2, 3], markedCompleteByManager: false })).toBe(true);
    expect(learningComplete({ phasesRequired: 3, phasesCompleted: [1, 3, 4], markedCompleteByManager: false })).toBe(false);
    expect(learningComplete({ phasesRequired: 3, phasesCompleted: [], markedCompleteByManager: true })).toBe(true);
  });
});
