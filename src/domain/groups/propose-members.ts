import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';

// Which cities a discussion group could invite (issue 22): cities whose
// priority sectors, from their answer to the support-needs survey, are among
// the group's sectors, so that cities wanting the same thing learn together.
// The more of the group's sectors a city names, the earlier it comes; then
// by name. Cities already in the group (interested, admitted or declined)
// are left out. A proposal only: facilitators and managers still admit.

export interface ProposalCandidate {
  cityId: string;
  name: string;
  /** Priority sectors from the city's latest named support-needs answer. */
  prioritySectors: readonly string[];
}

export interface ProposedMember {
  cityId: string;
  name: string;
  /** The group's sectors among the city's priorities, in the group's order. */
  sharedSectors: string[];
  reason: Reason;
}

export function proposeMembers(group: { sectors: readonly string[] }, candidates: readonly ProposalCandidate[], alreadyIn: ReadonlySet<string>): ProposedMember[] {
  const proposed: ProposedMember[] = [];
  for (const c of candidates) {
    if (alreadyIn.has(c.cityId)) continue;
    const priorities = new Set(c.prioritySectors);
    const sharedSectors = group.sectors.filter((s) => priorities.has(s));
    if (sharedSectors.length === 0) continue;
    proposed.push({ cityId: c.cityId, name: c.name, sharedSectors, reason: reason('GROUP_PROPOSAL_PRIORITY_SECTORS', { city: c.name, sectors: sharedSectors.join(', ') }) });
  }
  return proposed.sort((a, b) => b.sharedSectors.length - a.sharedSectors.length || a.name.localeCompare(b.name, 'en') || (a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0));
}
