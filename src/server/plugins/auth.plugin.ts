import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { CurrentUser } from '../../shared/account.schemas.ts';
import { hasRole } from '../../shared/role-predicates.ts';
import type { Role } from '../../shared/roles.ts';
import { reason } from '../../shared/reason-texts.ts';
import { AppError } from '../errors.ts';
import { newToken } from '../modules/auth/tokens.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SESSION_POLICY } from '../modules/session/session-policy.ts';
import { resolveSession } from '../modules/session/session.service.ts';

/**
 * Who may call a route: everybody, any signed-in person, or holders of one
 * of the listed roles. Every /api route declares it (checked at start-up).
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A signed-in route a person whose registration awaits approval may still call (decision 0020). */
    pendingAllowed?: boolean;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
    sessionToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, SESSION_POLICY.absoluteLifetimeMs / 1000));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

/**
 * The CSRF token bound to a session (decision 0025): HMAC-SHA256 keyed with
 * the session's own token, a 256-bit secret only the server and the
 * browser's HttpOnly cookie hold. Another session's token never matches, it
 * changes at every sign-in, and it reveals nothing of the session token.
 */
export function sessionCsrfToken(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('peercities csrf v1').digest('base64url');
}

/**
 * The CSRF token for the next changes: bound to the session when there is
 * one (pass the token of a session the request just started); before sign-in,
 * the random double-submit cookie's value, created on first use.
 */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, sessionToken: string | null = request.sessionToken): string {
  if (sessionToken) return sessionCsrfToken(sessionToken);
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && existing.length >= 32) return existing;
  const token = newToken();
  reply.setCookie(CSRF_COOKIE, token, cookieOptions(request, 365 * 24 * 3600));
  return token;
}

function sameSecret(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.user;
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    // The API docs (swagger-ui's own routes) are public by nature.
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    if (route.url.startsWith('/api/') && route.config?.access === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access policy (config.access).`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const session = await resolveSession(app.db, token, app.sessionCache);
    if (!session) return;
    request.sessionToken = token;
    request.user = session.user;
  });

  // Signed in, the header must carry the token bound to this session
  // (`sessionCsrfToken`); before sign-in, a double-submit token: the cookie is
  // HttpOnly and SameSite, the page reads the token from GET /api/session and
  // echoes it in a header, which another site can neither read nor send
  // (docs/decisions/0002-sessions.md, 0025).
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const header = request.headers[CSRF_HEADER];
    const expected = request.sessionToken ? sessionCsrfToken(request.sessionToken) : request.cookies[CSRF_COOKIE];
    if (!expected || typeof header !== 'string' || !sameSecret(expected, header)) {
      throw new AppError('CSRF_TOKEN_INVALID', 'Reload the page and try again (the security token is missing or out of date).');
    }
  });

  // Checked before the body is parsed: a stranger learns nothing from validation errors.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const user = requireUser(request);
    // Registered but not approved: public routes and the few that opt in, nothing else.
    if (user.pendingApproval && request.routeOptions.config.pendingAllowed !== true) {
      throw new AppError('FORBIDDEN', reason('REGISTRATION_NOT_APPROVED'));
    }
    if (access === 'signed-in') return;
    if (!access.some((role) => hasRole(user, role))) {
      throw new AppError('FORBIDDEN', 'Your role does not allow this.');
    }
  });
});
