import { Problem } from '../../shared/problem.ts';
import type { z } from 'zod';
import { ApiError, fetchSession } from './api-client.ts';

/**
 * PUT a file as the raw request body (not JSON, not multipart), with the
 * session's CSRF token, and parse the JSON answer with its schema. Failures
 * become an ApiError carrying the server's problem, like every other call.
 */
export async function uploadFile<S extends z.ZodType>(path: string, file: Blob, contentType: string, schema: S): Promise<z.output<S>> {
  // The token is per session; asking for it keeps this helper independent of the JSON client's cache.
  const { csrfToken } = await fetchSession();
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'PUT',
      body: file,
      credentials: 'same-origin',
      headers: { 'Content-Type': contentType, 'X-CSRF-Token': csrfToken, Accept: 'application/json, application/problem+json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', null, []);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = Problem.safeParse(body);
    if (!problem.success) throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', null, []);
    throw ApiError.fromProblem(problem.data);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', null, []);
  return parsed.data;
}
