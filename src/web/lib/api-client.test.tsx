import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiGet } from './api-client.ts';

// What fetch hands the client: the status line came, the body is read after.
function answerWith(json: () => Promise<unknown>) {
  return { ok: true, status: 200, url: 'http://localhost/api/thing', json } as unknown as Response;
}

const Thing = z.object({ id: z.number() });

describe('reading an answer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('passes an abort while the body arrives on as the abort, without calling it a contract mismatch', async () => {
    const aborted = new DOMException('The user aborted a request.', 'AbortError');
    vi.stubGlobal('fetch', vi.fn(async () => answerWith(() => Promise.reject(aborted))));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});

    await expect(apiGet('/api/thing', Thing)).rejects.toBe(aborted);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('says which field does not match, as text, and gives the person a generic error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answerWith(() => Promise.resolve({ id: 'seven' }))));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});

    const error = await apiGet('/api/thing', Thing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNEXPECTED_RESPONSE');
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(String(consoleError.mock.calls[0]?.[0])).toMatch(/does not match its schema: .*"path":\["id"\]/);
  });

  it('calls a body that is not JSON a mismatch too', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answerWith(() => Promise.reject(new SyntaxError('Unexpected token <')))));
    vi.spyOn(console, 'error').mockImplementation(() => {});

    await expect(apiGet('/api/thing', Thing)).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
  });
});
