import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Role } from '../../../shared/roles.ts';
import {
  facilitatorsOfNewGroup,
  isMember,
  mayExpressInterest,
  mayManage,
  mayModerate,
  mayPost,
  mayRecordAttendance,
  mayTakePart,
  NO_STANDING,
  visibleMemberships,
  visibleProgress,
  type GroupStanding,
} from './groups.policy.ts';

const ADMITTED = 'city-admitted';
const OTHER = 'city-other';

function person(id: string, roles: { role: Role; cityId?: string }[]): CurrentUser {
  return {
    id,
    email: `${id}@example.org`,
    name: id,
    locale: 'en',
    roles: roles.map((r) => ({ role: r.role, cityId: r.cityId ?? null, cityName: r.cityId ?? null, primaryContact: false })),
  };
}

const manager = person('manager', [{ role: 'programme_manager' }]);
const facilitator = person('facilitator', [{ role: 'facilitator' }]);
const representative = person('representative', [{ role: 'city_representative', cityId: ADMITTED }]);
const outsider = person('outsider', [{ role: 'city_representative', cityId: OTHER }]);
const evaluator = person('evaluator', [{ role: 'evaluator' }]);

const FACILITATES: GroupStanding = { facilitates: true, member: false };
const MEMBER: GroupStanding = { facilitates: false, member: true };

// Who, with which standing in the group, may run it (manage, record
// attendance, moderate), and may take part (see it from inside, post).
const CASES: [string, CurrentUser | null, GroupStanding, { run: boolean; takePart: boolean }][] = [
  ['signed out', null, NO_STANDING, { run: false, takePart: false }],
  ['a programme manager of no group', manager, NO_STANDING, { run: true, takePart: true }],
  ['the group’s facilitator', facilitator, FACILITATES, { run: true, takePart: true }],
  ['a facilitator of other groups', facilitator, NO_STANDING, { run: false, takePart: false }],
  ['a representative of an admitted city', representative, MEMBER, { run: false, takePart: true }],
  ['a representative of another city', outsider, NO_STANDING, { run: false, takePart: false }],
  ['an evaluator', evaluator, NO_STANDING, { run: false, takePart: false }],
];

describe('groups policy', () => {
  it.each(CASES)('%s', (_who, user, standing, expected) => {
    expect({
      manage: mayManage(user, standing),
      recordAttendance: mayRecordAttendance(user, standing),
      moderate: mayModerate(user, standing),
      takePart: mayTakePart(user, standing),
      post: mayPost(user, standing),
    }).toEqual({ manage: expected.run, recordAttendance: expected.run, moderate: expected.run, takePart: expected.takePart, post: expected.takePart });
  });

  it.each([
    ['a representative of an admitted city', representative, true],
    ['a representative of another city', outsider, false],
    ['a programme manager', manager, false],
    ['signed out', null, false],
  ] as const)('counts as a member: %s → %s', (_who, user, expected) => {
    expect(isMember(user, [ADMITTED])).toBe(expected);
  });

  it.each([
    [ADMITTED, true],
    [OTHER, false],
  ])('lets a representative express interest only for their own city (%s → %s)', (cityId, expected) => {
    expect(mayExpressInterest(representative, cityId)).toBe(expected);
    expect(mayExpressInterest(manager, cityId)).toBe(false);
  });

  const memberships = [{ city_id: ADMITTED }, { city_id: OTHER }];
  it.each([
    ['signed out', null, NO_STANDING, null, []],
    ['a programme manager', manager, NO_STANDING, [ADMITTED, OTHER], [ADMITTED, OTHER]],
    ['the group’s facilitator', facilitator, FACILITATES, [ADMITTED, OTHER], [ADMITTED, OTHER]],
    ['a member', representative, MEMBER, [ADMITTED, OTHER], [ADMITTED]],
    ['a representative whose city asked to join', outsider, NO_STANDING, [OTHER], [OTHER]],
    ['an evaluator', evaluator, NO_STANDING, [], []],
  ] as const)('shows %s the cities and the progress it may see', (_who, user, standing, cities, progress) => {
    expect(visibleMemberships(user, standing, memberships)?.map((m) => m.city_id) ?? null).toEqual(cities);
    expect(visibleProgress(user, standing, memberships).map((m) => m.city_id)).toEqual(progress);
  });

  it('makes a facilitator who creates a group one of its facilitators, once', () => {
    expect(facilitatorsOfNewGroup(facilitator, ['other'])).toEqual(['facilitator', 'other']);
    expect(facilitatorsOfNewGroup(facilitator, ['other', 'facilitator'])).toEqual(['other', 'facilitator']);
    expect(facilitatorsOfNewGroup(manager, ['other'])).toEqual(['other']);
  });
});
