import { describe, expect, it } from 'vitest';
import { personWithId as person } from '../../test-support/test-users.ts';
import {
  isHostOf,
  mayArrangeVisit,
  mayGiveFeedback,
  mayNameDelegates,
  mayPlanVisit,
  maySeeDelegatesOf,
  mayWriteReplicationPlan,
  takesPartIn,
  visitingCitiesOf,
  type VisitParties,
} from './visits.policy.ts';

const HOST = '00000000-0000-4000-8000-0000000000a0';
const V1 = '00000000-0000-4000-8000-0000000000b1';
const V2 = '00000000-0000-4000-8000-0000000000b2';
const OTHER = '00000000-0000-4000-8000-0000000000c0';
const FACILITATOR = '00000000-0000-4000-8000-0000000000f1';
const visit: VisitParties = { hostCityId: HOST, facilitatorId: FACILITATOR, visitorCityIds: [V1, V2] };

const someone = '00000000-0000-4000-8000-000000000001';
const who = {
  nobody: null,
  manager: person(someone, ['programme_manager', null]),
  theFacilitator: person(FACILITATOR, ['facilitator', null]),
  anotherFacilitator: person(someone, ['facilitator', null]),
  host: person(someone, ['city_representative', HOST]),
  visitor1: person(someone, ['city_representative', V1]),
  outsider: person(someone, ['city_representative', OTHER]),
};
type Who = keyof typeof who;

// plan · arrange (agenda, host dates) · takes part · sees V1's delegates · names V1's delegates · writes V1's plan
const table: [Who, boolean, boolean, boolean, boolean, boolean, boolean][] = [
  ['nobody', false, false, false, false, false, false],
  ['manager', true, true, true, true, true, true],
  ['theFacilitator', true, true, true, true, true, false],
  ['anotherFacilitator', false, false, false, false, false, false],
  ['host', false, true, true, true, false, false],
  ['visitor1', false, false, true, true, true, true],
  ['outsider', false, false, false, false, false, false],
];

describe('who may do what on a study visit', () => {
  it.each(table)('%s: plans %s, arranges %s, takes part %s, sees V1’s delegates %s, names them %s, writes V1’s plan %s', (name, plan, arrange, part, see, nameDelegates, writePlan) => {
    const user = who[name];
    expect(mayPlanVisit(user, visit)).toBe(plan);
    expect(mayArrangeVisit(user, visit)).toBe(arrange);
    expect(takesPartIn(user, visit)).toBe(part);
    expect(maySeeDelegatesOf(user, visit, V1)).toBe(see);
    expect(mayNameDelegates(user, visit, V1)).toBe(nameDelegates);
    expect(mayWriteReplicationPlan(user, V1)).toBe(writePlan);
  });

  it('shows a visiting city only its own delegates', () => {
    expect(maySeeDelegatesOf(who.visitor1, visit, V2)).toBe(false);
    expect(visitingCitiesOf(who.visitor1, visit)).toEqual([V1]);
    expect(isHostOf(who.host, visit)).toBe(true);
  });

  it('takes feedback from the representatives of the city it is for, nobody else', () => {
    expect(mayGiveFeedback(who.host, HOST)).toBe(true);
    expect(mayGiveFeedback(who.visitor1, V1)).toBe(true);
    expect(mayGiveFeedback(who.visitor1, HOST)).toBe(false);
    expect(mayGiveFeedback(who.manager, HOST)).toBe(false);
  });
});
