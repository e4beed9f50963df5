import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { libraryVersion } from './cache-versions.repository.ts';

/**
 * Answers of the public library (search, map) kept in memory, already
 * serialised, under the version number of the library data
 * (`cache_versions.library`, raised by triggers at the commit of every
 * transaction that writes cities or solutions; migration 0012). A request
 * reads that number (one row by primary key) and reuses the answer computed
 * for the same number and the same query; the first change of the number
 * empties the cache. So an answer is never older than the data a request
 * could read itself, whichever process or command wrote it
 * (docs/decisions/0007-library-cache-and-copies.md).
 *
 * Concurrent requests for the same missing answer share one computation.
 * Least recently used answers are dropped beyond `maxBytes` in total.
 */
export interface CachedAnswer {
  /** The JSON body, as the route's response schema serialised it. */
  body: Buffer;
  /** The same body gzipped once (sent to clients that accept gzip), when that makes it smaller. */
  gzip: Buffer | null;
  /** A strong validator of the body (hash of its bytes). */
  etag: string;
}

export class LibraryCache {
  private version: string | null = null;
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly pending = new Map<string, Promise<CachedAnswer>>();
  private bytes = 0;

  constructor(private readonly maxBytes = 48 * 1024 * 1024) {}

  /** The cached answer for `key` at the current data version, computing it (once) when missing. */
  async get(db: Kysely<Database>, key: string, compute: () => Promise<string | Buffer | ArrayBuffer>): Promise<CachedAnswer> {
    const version = await libraryVersion(db);
    if (version !== this.version) this.reset(version);
    const found = this.entries.get(key);
    if (found) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const slot = `${version}\u0000${key}`;
    const inFlight = this.pending.get(slot);
    if (inFlight) return inFlight;
    const promise = compute().then((json) => {
      const body = typeof json === 'string' ? Buffer.from(json) : Buffer.isBuffer(json) ? json : Buffer.from(json);
      const gzip = body.length >= 1024 ? gzipSync(body, { level: 6 }) : null;
      const answer = { body, gzip: gzip && gzip.length < body.length ? gzip : null, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      if (this.version === version) this.store(key, answer);
      return answer;
    });
    this.pending.set(slot, promise);
    try {
      return await promise;
    } finally {
      this.pending.delete(slot);
    }
  }

  /**
   * Answers a GET of the public library from the cache, keyed by its query
   * string; `compute` runs only when the answer is missing, and its result
   * is serialised by the route's response schema.
   */
  async reply(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>) {
    const answer = await this.get(db, JSON.stringify(request.query), async () => reply.serialize(await compute()));
    return sendCached(request, reply, answer);
  }

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private reset(version: string) {
    this.version = version;
    this.entries.clear();
    this.bytes = 0;
  }

  private store(key: string, answer: CachedAnswer) {
    const size = (a: CachedAnswer) => a.body.length + (a.gzip?.length ?? 0);
    if (size(answer) > this.maxBytes) return;
    const replaced = this.entries.get(key);
    if (replaced) this.bytes -= size(replaced);
    this.entries.delete(key);
    this.entries.set(key, answer);
    this.bytes += size(answer);
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= size(old);
    }
  }
}

/** Whether the Accept-Encoding header admits gzip (and does not refuse it with q=0). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends a cached answer: 304 when the client already holds it
 * (If-None-Match), else the JSON bytes, gzipped for a client that accepts it.
 */
function sendCached(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer) {
  reply.header('etag', answer.etag);
  reply.header('vary', 'accept-encoding');
  const held = request.headers['if-none-match'];
  if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === answer.etag)) return reply.status(304).send();
  reply.header('content-type', 'application/json; charset=utf-8');
  if (answer.gzip && acceptsGzip(request.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(answer.gzip);
  return reply.send(answer.body);
}
