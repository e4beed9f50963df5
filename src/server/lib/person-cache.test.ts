import { describe, expect, it } from 'vitest';
import { PersonCache } from './person-cache.ts';

describe('a cache of answers about people', () => {
  it('answers nothing and keeps nothing until it hears every change, and starts empty each time it does', () => {
    const cache = new PersonCache<string>(10);
    cache.remember('anna', 'anna', 'Anna, Lahti', cache.epoch);
    expect(cache.get('anna')).toBeUndefined();
    cache.goLive();
    cache.remember('anna', 'anna', 'Anna, Lahti', cache.epoch);
    expect(cache.get('anna')).toBe('Anna, Lahti');
    cache.goDark();
    expect(cache.get('anna')).toBeUndefined();
    cache.goLive();
    expect(cache.get('anna')).toBeUndefined();
  });

  it('does not keep an answer read before a change to anyone was heard', () => {
    const cache = new PersonCache<string>(10);
    cache.goLive();
    const readStarted = cache.epoch;
    cache.forgetPerson('anna');
    cache.remember('anna', 'anna', 'Anna, old name', readStarted);
    expect(cache.get('anna')).toBeUndefined();
    cache.remember('anna', 'anna', 'Anna, new name', cache.epoch);
    expect(cache.get('anna')).toBe('Anna, new name');
  });

  it('drops an expired entry without refusing answers being read, and makes room by dropping the oldest', () => {
    const cache = new PersonCache<string>(2);
    cache.goLive();
    const readStarted = cache.epoch;
    cache.remember('a', 'anna', 'A', readStarted);
    cache.drop('a');
    cache.remember('b', 'bruno', 'B', readStarted);
    cache.remember('c', 'chiara', 'C', readStarted);
    cache.remember('d', 'dario', 'D', readStarted);
    expect([cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([undefined, 'C', 'D']);
    expect(cache.size).toBe(2);
    cache.forgetPerson('chiara');
    expect(cache.get('c')).toBeUndefined();
    expect(cache.get('d')).toBe('D');
  });
});
