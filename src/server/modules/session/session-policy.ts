/** Session and sign-in limits (docs/decisions/0002-sessions.md). */
export const SESSION_POLICY = {
  absoluteLifetimeMs: 12 * 60 * 60 * 1000,
  idleTimeoutMs: 30 * 60 * 1000,
  /** last_seen_at is written at most this often, not on every request. */
  touchIntervalMs: 60 * 1000,
  failureWindowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
} as const;

export const SESSION_COOKIE = 'pc_session';
export const CSRF_COOKIE = 'pc_csrf';
export const CSRF_HEADER = 'x-csrf-token';
