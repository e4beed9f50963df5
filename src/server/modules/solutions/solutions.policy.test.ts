import { describe, expect, it } from 'vitest';
import { personWith as person } from '../../test-support/test-users.ts';
import { mayChangeSolution, maySeeSolution } from './solutions.policy.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('a solution of city A', () => {
  it.each([
    ['nobody signed in', null, true, false, false],
    ['a programme manager', person(['programme_manager', null]), true, true, true],
    ['a representative of A', person(['city_representative', A]), true, true, true],
    ['a representative of B', person(['city_representative', B]), true, false, false],
    ['an evaluator', person(['evaluator', null]), true, false, false],
  ])('%s: sees it published %s, as a draft %s, may change it %s', (_who, user, published, draft, change) => {
    expect(maySeeSolution(user, { status: 'published', cityId: A })).toBe(published);
    expect(maySeeSolution(user, { status: 'draft', cityId: A })).toBe(draft);
    expect(mayChangeSolution(user, { cityId: A })).toBe(change);
  });
});
