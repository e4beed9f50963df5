import { describe, expect, it } from 'vitest';
import { seesRequest, supportCan, type SupportRequestFacts, type SupportViewer } from './support-access.ts';

const CITY = 'c1';
const EXPERT = 'e1';
const request = (over: Partial<SupportRequestFacts> = {}): SupportRequestFacts => ({ cityId: CITY, expertId: EXPERT, kind: 'answer', state: 'assigned', ...over });
const city: SupportViewer = { id: 'r1', cityIds: [CITY], isManager: false };
const expert: SupportViewer = { id: EXPERT, cityIds: [], isManager: false };
const manager: SupportViewer = { id: 'm1', cityIds: [], isManager: true };
const stranger: SupportViewer = { id: 'x1', cityIds: ['c2'], isManager: false };
// What a party of the request (city, expert, manager) may do when it may change nothing.
const none = { answer: false, markSessionHeld: false, close: false, reopen: false, reassign: false, seePublication: true };

describe('who sees a support request', () => {
  it('is the city, the assigned expert and the managers; nobody else', () => {
    expect([city, expert, manager, stranger].map((v) => seesRequest(request(), v))).toEqual([true, true, true, false]);
    expect(seesRequest(request({ expertId: null }), expert)).toBe(false);
  });
});

describe('what the viewer may do (supportCan)', () => {
  it('lets the assigned expert answer while assigned or answered, and mark only calls and peer sessions held', () => {
    expect(supportCan(request(), expert)).toEqual({ ...none, answer: true });
    expect(supportCan(request({ state: 'answered', kind: 'call' }), expert)).toEqual({ ...none, answer: true, markSessionHeld: true });
    expect(supportCan(request({ kind: 'peer-session' }), expert).markSessionHeld).toBe(true);
    expect(supportCan(request({ state: 'closed' }), expert)).toEqual(none);
    expect(supportCan(request({ state: 'session_held', kind: 'call' }), expert)).toEqual(none);
  });

  it('lets the city close an answered or held request, and reopen it when answered, held or closed', () => {
    expect(supportCan(request(), city)).toEqual(none);
    expect(supportCan(request({ state: 'answered' }), city)).toEqual({ ...none, close: true, reopen: true });
    expect(supportCan(request({ state: 'session_held', kind: 'call' }), city)).toEqual({ ...none, close: true, reopen: true });
    expect(supportCan(request({ state: 'closed' }), city)).toEqual({ ...none, reopen: true });
    expect(supportCan(request({ state: 'submitted', expertId: null }), city)).toEqual(none);
  });

  it('lets managers reassign anything not closed, and strangers nothing', () => {
    for (const state of ['submitted', 'assigned', 'answered', 'session_held'] as const) expect(supportCan(request({ state }), manager)).toEqual({ ...none, reassign: true });
    expect(supportCan(request({ state: 'closed' }), manager)).toEqual(none);
    // A stranger (the representative of a city invited to the peer session, say) does nothing, and sees no publishing panel.
    expect(supportCan(request({ state: 'answered' }), stranger)).toEqual({ ...none, seePublication: false });
  });
});
