import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppError } from '../errors.ts';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Who may read /metrics (decision 0025): a scraper on this machine, straight
 * to the server — from the loopback address, without forwarding headers (a
 * reverse proxy on the same machine connects from there on every client's
 * behalf) — or anyone with `Authorization: Bearer <METRICS_TOKEN>`.
 */
export function mayReadMetrics(request: FastifyRequest, token: string | null): boolean {
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  if (!forwarded && LOOPBACK.test(request.socket.remoteAddress ?? '')) return true;
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  // Compared as digests: the same length whatever was sent, in constant time.
  return token !== null && given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/** Prometheus metrics at /metrics: process figures and request durations by route; loopback or bearer token only. */
export const metricsPlugin = fp(async (app: FastifyInstance, options: { token: string | null }) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { config: { access: 'public' }, logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, options.token)) throw new AppError('FORBIDDEN', 'The metrics are shown only to the loopback address or with the bearer token set in METRICS_TOKEN.');
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
