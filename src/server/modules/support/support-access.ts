import type { SupportKind, SupportRequestDetail, SupportState } from '../../../shared/support.schemas.ts';

/** Who looks at a request: the cities they represent, whether they manage the programme. */
export interface SupportViewer {
  id: string;
  cityIds: readonly string[];
  isManager: boolean;
}

/** What of a request decides who sees it and what they may do. */
export interface SupportRequestFacts {
  cityId: string;
  expertId: string | null;
  kind: SupportKind;
  state: SupportState;
}

/** The city's representatives, the assigned expert and the programme managers see a request; to anyone else it does not exist (404). */
export function seesRequest(request: Pick<SupportRequestFacts, 'cityId' | 'expertId'>, viewer: SupportViewer): boolean {
  return viewer.isManager || viewer.cityIds.includes(request.cityId) || (request.expertId !== null && request.expertId === viewer.id);
}

/**
 * What the viewer may do with the request now (docs/support.md, "States"):
 * - the assigned expert answers while the request is assigned or answered,
 *   and marks a call or peer session held while it is assigned or answered;
 * - the city's representatives close an answered (or held) request with a
 *   rating, and reopen one that is answered, held or closed (back to the expert);
 * - programme managers reassign any request not closed;
 * - the parties (city, expert, managers) see the publishing panel; the
 *   representatives of a city invited to its peer session read the request
 *   and its files, not that.
 */
export function supportCan(request: SupportRequestFacts, viewer: SupportViewer): SupportRequestDetail['can'] {
  const expert = request.expertId !== null && request.expertId === viewer.id;
  const city = viewer.cityIds.includes(request.cityId);
  const { state } = request;
  const working = state === 'assigned' || state === 'answered';
  return {
    answer: expert && working,
    markSessionHeld: expert && working && request.kind !== 'answer',
    close: city && (state === 'answered' || state === 'session_held'),
    reopen: city && request.expertId !== null && (state === 'answered' || state === 'session_held' || state === 'closed'),
    reassign: viewer.isManager && state !== 'closed',
    seePublication: seesRequest(request, viewer),
  };
}
