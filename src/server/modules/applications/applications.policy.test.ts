import { describe, expect, it } from 'vitest';
import { personWith as person } from '../../test-support/test-users.ts';
import { listingScope, mayChangeApplication, mayReadApplication, maySeeDecision, readingNeedsAssignment } from './applications.policy.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const manager = person(['programme_manager', null]);
const repA = person(['city_representative', A]);
const repB = person(['city_representative', B]);
const evaluator = person(['evaluator', null]);
const repBEvaluator = person(['city_representative', B], ['evaluator', null]);
const managerEvaluator = person(['programme_manager', null], ['evaluator', null]);
const facilitator = person(['facilitator', null]);

describe('reading an application of city A', () => {
  it.each([
    ['a programme manager', manager, false, true],
    ['a representative of A', repA, false, true],
    ['a representative of B', repB, false, false],
    ['an evaluator assigned to it', evaluator, true, true],
    ['an evaluator not assigned to it', evaluator, false, false],
    ['a representative of B who evaluates it', repBEvaluator, true, true],
    ['a facilitator', facilitator, false, false],
  ])('%s: %s', (_who, user, viewerIsAssignedEvaluator, allowed) => {
    expect(mayReadApplication(user, { cityId: A, viewerIsAssignedEvaluator })).toBe(allowed);
  });

  it.each([
    ['an evaluator', evaluator, true],
    ['an evaluator who also represents B', repBEvaluator, true],
    ['an evaluator who is a programme manager', managerEvaluator, false],
    ['an evaluator who represents A', person(['city_representative', A], ['evaluator', null]), false],
    ['a representative of B', repB, false],
  ])('asks for the assignment only when it decides: %s → %s', (_who, user, asks) => {
    expect(readingNeedsAssignment(user, A)).toBe(asks);
  });
});

describe('changing (starting, editing, submitting, withdrawing) an application of city A', () => {
  it.each([
    ['a representative of A', repA, true],
    ['a representative of B', repB, false],
    ['a programme manager', manager, false],
    ['an evaluator', evaluator, false],
  ])('%s: %s', (_who, user, allowed) => {
    expect(mayChangeApplication(user, A)).toBe(allowed);
  });
});

describe('seeing the decision', () => {
  it.each([
    ['nobody signed in, before publication', null, false, false],
    ['nobody signed in, after publication', null, true, true],
    ['the city, before publication', repA, false, false],
    ['the city, after publication', repA, true, true],
    ['a programme manager, before publication', manager, false, true],
  ])('%s: %s', (_who, viewer, published, sees) => {
    expect(maySeeDecision(viewer, published)).toBe(sees);
  });
});

describe('the applications of a call a person is shown', () => {
  it('all for programme managers', () => expect(listingScope(managerEvaluator)).toEqual({ all: true }));
  it('their own city’s for representatives', () => expect(listingScope(repA)).toEqual({ all: false, cityIds: [A], assignedToViewer: false }));
  it('their city’s and those assigned to them for an evaluator who represents a city', () =>
    expect(listingScope(repBEvaluator)).toEqual({ all: false, cityIds: [B], assignedToViewer: true }));
  it('none of their own for a facilitator', () => expect(listingScope(facilitator)).toEqual({ all: false, cityIds: [], assignedToViewer: false }));
});
