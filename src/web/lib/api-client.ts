import type { z } from 'zod';
import { SessionState } from '../../shared/account.schemas.ts';
import { Problem, type ErrorCode, type FieldError } from '../../shared/problem.ts';
import type { Reason } from '../../shared/reason.ts';

/** Codes the client adds for failures that never reached the API's error handler. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/** A failed API call, carrying the server's RFC 9457 problem (or a client-side stand-in). */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    readonly detail: string | null,
    readonly fieldErrors: FieldError[],
    /** Why, as a code people read translated (lib/reason-text.ts). */
    readonly reason: Reason | null = null,
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
  }

  static fromProblem(problem: Problem): ApiError {
    return new ApiError(problem.status, problem.code, problem.detail ?? null, problem.errors ?? [], problem.reason ?? null);
  }
}

// The CSRF token is per session and rotates at sign-in/sign-out, so every
// SessionState the client sees replaces it. Held here (not in React state)
// so that mutations anywhere can send it without threading it through props.
let csrfToken: string | null = null;

/** Remember the CSRF token of the latest SessionState. */
export function rememberSession(state: SessionState): SessionState {
  csrfToken = state.csrfToken;
  return state;
}

/** GET /api/session: who is signed in, and the CSRF token for later mutations. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  return rememberSession(await apiGet('/api/session', SessionState, signal));
}

/** GET a JSON resource and parse it with its contract schema. */
export async function apiGet<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
  const response = await send(path, { method: 'GET', signal });
  return parseBody(response, schema);
}

type Mutation = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Send a state-changing request with the CSRF token; parse the answer when a schema is given. */
export async function apiSend<S extends z.ZodType>(method: Mutation, path: string, body: unknown, schema: S): Promise<z.output<S>>;
export async function apiSend(method: Mutation, path: string, body?: unknown): Promise<void>;
export async function apiSend<S extends z.ZodType>(method: Mutation, path: string, body?: unknown, schema?: S): Promise<z.output<S> | void> {
  const response = await sendWithCsrf(method, path, body, true);
  if (schema) return parseBody(response, schema);
}

async function sendWithCsrf(method: Mutation, path: string, body: unknown, mayRetry: boolean): Promise<Response> {
  if (csrfToken === null) await fetchSession();
  const headers: Record<string, string> = { 'X-CSRF-Token': csrfToken ?? '' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await send(path, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  } catch (error) {
    // The token goes stale when the session expired or was ended in another
    // tab; fetch the current one and try exactly once more.
    if (mayRetry && error instanceof ApiError && error.code === 'CSRF_TOKEN_INVALID') {
      await fetchSession();
      return sendWithCsrf(method, path, body, false);
    }
    throw error;
  }
}

interface SendOptions {
  method: 'GET' | Mutation;
  headers?: Record<string, string>;
  body?: string | null;
  signal?: AbortSignal | undefined;
}

async function send(path: string, options: SendOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method,
      body: options.body ?? null,
      signal: options.signal ?? null,
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', ...options.headers },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', null, []);
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function problemOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = Problem.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, 'UNEXPECTED_RESPONSE', null, []);
  return ApiError.fromProblem(parsed.data);
}

async function parseBody<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    // Aborted while the body was still arriving (the page that asked went
    // away): the same cancellation as an abort before the answer, not a
    // contract mismatch.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    body = undefined;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A contract mismatch is a bug on one side; say so in the console for
    // developers (as text, so that logs of the browser show it whole) and
    // show the person a generic message.
    console.error(`Response of ${response.url} does not match its schema: ${JSON.stringify(parsed.error.issues)}`);
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', null, []);
  }
  return parsed.data;
}

/** Query string from defined values only. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
