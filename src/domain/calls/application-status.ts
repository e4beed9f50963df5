import type { ApplicationStatus } from '../../shared/programme.schemas.ts';

/**
 * The status a city sees: a submitted application is "under review" once its
 * call has closed, and carries its outcome only once decisions are published.
 */
export function applicantStatus(a: {
  status: 'draft' | 'submitted' | 'withdrawn';
  outcome: 'selected' | 'waitlisted' | 'rejected' | null;
  decisionsPublished: boolean;
  callClosed: boolean;
}): ApplicationStatus {
  if (a.status !== 'submitted') return a.status;
  if (a.decisionsPublished && a.outcome) return a.outcome;
  return a.callClosed ? 'under_review' : 'submitted';
}
