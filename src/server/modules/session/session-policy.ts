/** Session and sign-in limits (docs/decisions/0002-sessions.md). */
export const SESSION_POLICY = {
  absoluteLifetimeMs: 12 * 60 * 60 * 1000,
  idleTimeoutMs: 30 * 60 * 1000,
  /** last_seen_at is written at most this often, not on every request. */
  touchIntervalMs: 60 * 1000,
  failureWindowMs: 15 * 60 * 1000,
  /**
   * Failed sign-ins within the window that block further tries (decision 0026):
   * for one account from one address; for one account from anywhere (guessing
   * spread over many addresses); from one address for any account. One
   * attacker hammering an account blocks only themselves: the others behind
   * the same address still sign in.
   */
  maxFailuresPerAccountAndAddress: 5,
  maxFailuresPerAccount: 50,
  maxFailuresPerAddress: 100,
  /** Wrong current passwords when changing the password, per account, within the window. */
  maxPasswordCheckFailures: 5,
} as const;

export const SESSION_COOKIE = 'pc_session';
export const CSRF_COOKIE = 'pc_csrf';
export const CSRF_HEADER = 'x-csrf-token';
