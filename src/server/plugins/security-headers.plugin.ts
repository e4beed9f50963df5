import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The headers every answer carries (decision 0023):
 * a Content-Security-Policy without inline script, nosniff, a strict
 * referrer policy, a closed Permissions-Policy, cross-origin isolation of
 * windows; HSTS only when the request came over HTTPS (directly or through a
 * trusted proxy); and `Cache-Control: no-store` on API answers that did not
 * choose their own caching, because most of them carry personal data.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  // Mantine writes its theme's CSS variables into a <style> element and
  // positions popovers with style attributes; inline styles cannot run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

const PERMISSIONS_POLICY = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'interest-cohort'].map((feature) => `${feature}=()`).join(', ');

const isApiPath = (url: string) => /^\/api(\/|\?|$)/.test(url);

export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
    // Sent below, and only over HTTPS: over plain HTTP (the demo on localhost) it would be ignored or, worse, remembered for a host name.
    hsts: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // The app embeds nothing from elsewhere; require-corp would only add risk of breaking downloads.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (isApiPath(request.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
});
