import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Role } from '../../../shared/roles.ts';
import {
  deactivationRefusal,
  lastManagerRefusal,
  mayManageRepresentatives,
  maySeeRepresentatives,
  primaryContactRefusal,
  representativeRemovalRefusal,
  type Seat,
} from './people.policy.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const user = (...grants: [Role, string | null, boolean?][]): CurrentUser => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: 'someone@example.org',
  name: 'Someone',
  locale: 'en',
  roles: grants.map(([role, cityId, primaryContact]) => ({ role, cityId, cityName: null, primaryContact: primaryContact ?? false })),
});

describe("seeing and managing city A's representatives", () => {
  it.each([
    ['nobody signed in', null, false, false],
    ['a programme manager', user(['programme_manager', null]), true, true],
    ['the primary contact of A', user(['city_representative', A, true]), true, true],
    ['another representative of A', user(['city_representative', A]), true, false],
    ['the primary contact of B', user(['city_representative', B, true]), false, false],
    ['the primary contact of B who also represents A', user(['city_representative', B, true], ['city_representative', A]), true, false],
    ['a facilitator', user(['facilitator', null]), false, false],
  ])('%s: sees %s, manages %s', (_who, who, sees, manages) => {
    expect(maySeeRepresentatives(who, A)).toBe(sees);
    expect(mayManageRepresentatives(who, A)).toBe(manages);
  });
});

const seat = (id: string, options: Partial<Seat> = {}): Seat => ({ id, name: id, active: true, primaryContact: false, ...options });

describe('removing a representative', () => {
  const city = (...representatives: Seat[]) => ({ name: 'Valencia', representatives });

  it('refuses the last active representative, even when deactivated ones remain', () => {
    expect(representativeRemovalRefusal('lucia', city(seat('lucia', { primaryContact: true })))).toEqual({ code: 'LAST_REPRESENTATIVE', params: { name: 'lucia', city: 'Valencia' } });
    expect(representativeRemovalRefusal('lucia', city(seat('lucia', { primaryContact: true }), seat('old', { active: false })))?.code).toBe('LAST_REPRESENTATIVE');
  });

  it('asks the primary contact to hand over before leaving', () => {
    expect(representativeRemovalRefusal('lucia', city(seat('lucia', { primaryContact: true }), seat('javier')))).toEqual({
      code: 'HAND_OVER_PRIMARY_CONTACT_FIRST',
      params: { name: 'lucia', city: 'Valencia' },
    });
  });

  it('lets a representative go while another active one stays, and a deactivated one go at any time', () => {
    expect(representativeRemovalRefusal('javier', city(seat('lucia', { primaryContact: true }), seat('javier')))).toBeNull();
    expect(representativeRemovalRefusal('old', city(seat('old', { active: false })))).toBeNull();
  });
});

describe('naming the primary contact', () => {
  const valencia = { name: 'Valencia', representatives: [seat('lucia', { primaryContact: true }), seat('javier'), seat('old', { active: false })] };

  it('takes an active representative of the city', () => {
    expect(primaryContactRefusal({ id: 'javier', name: 'Javier' }, valencia)).toBeNull();
    expect(primaryContactRefusal({ id: 'old', name: 'Old' }, valencia)?.code).toBe('PERSON_DEACTIVATED');
    expect(primaryContactRefusal({ id: 'mikko', name: 'Mikko' }, valencia)).toEqual({ code: 'NOT_A_REPRESENTATIVE', params: { name: 'Mikko', city: 'Valencia' } });
  });
});

describe('the last programme manager', () => {
  const anna = { id: 'anna', name: 'Anna', active: true };

  it('keeps the role while nobody else is an active manager', () => {
    expect(lastManagerRefusal(anna, ['anna'])).toEqual({ code: 'LAST_PROGRAMME_MANAGER', params: { name: 'Anna' } });
    expect(lastManagerRefusal(anna, ['anna', 'tomas'])).toBeNull();
    // A deactivated manager's role changes nothing for who can manage.
    expect(lastManagerRefusal({ ...anna, active: false }, [])).toBeNull();
  });
});

describe('deactivating an account', () => {
  it('is never for oneself', () => {
    expect(deactivationRefusal('anna', { id: 'anna', name: 'Anna', active: true, manager: true }, ['anna', 'tomas'])).toEqual({ code: 'CANNOT_DEACTIVATE_YOURSELF' });
  });

  it('keeps the last active programme manager, and lets anybody else go', () => {
    expect(deactivationRefusal('anna', { id: 'tomas', name: 'Tomás', active: true, manager: true }, ['tomas'])?.code).toBe('LAST_PROGRAMME_MANAGER');
    expect(deactivationRefusal('anna', { id: 'tomas', name: 'Tomás', active: true, manager: true }, ['anna', 'tomas'])).toBeNull();
    expect(deactivationRefusal('anna', { id: 'lucia', name: 'Lucía', active: true, manager: false }, ['anna'])).toBeNull();
  });
});
