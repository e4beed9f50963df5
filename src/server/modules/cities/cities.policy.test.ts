import { describe, expect, it } from 'vitest';
import { personWith as person } from '../../test-support/test-users.ts';
import { mayActForCity } from './cities.policy.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('acting for city A (profile, contacts, history, solutions, eligibility)', () => {
  it.each([
    ['nobody signed in', null, false],
    ['a programme manager', person(['programme_manager', null]), true],
    ['a representative of A', person(['city_representative', A]), true],
    ['a representative of B', person(['city_representative', B]), false],
    ['a representative of B and A', person(['city_representative', B], ['city_representative', A]), true],
    ['an evaluator', person(['evaluator', null]), false],
    ['a facilitator', person(['facilitator', null]), false],
  ])('%s: %s', (_who, user, allowed) => {
    expect(mayActForCity(user, A)).toBe(allowed);
  });
});
