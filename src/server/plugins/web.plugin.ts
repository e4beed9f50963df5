import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './problem.plugin.ts';

const isApiPath = (url: string) => /^\/(api|healthz|readyz|metrics)(\/|\?|$)/.test(url);
// A missing built file (an old chunk after a deploy, a source map) is a 404, not the app's page.
const isAssetPath = (url: string) => url.startsWith('/assets/');

/**
 * Serves the built web app (dist/web) and answers unknown paths: index.html
 * for pages the SPA routes itself, problem+json 404 under /api.
 */
export const webPlugin = fp(async (app: FastifyInstance, options: { distDir: string }) => {
  const indexFile = path.join(options.distDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each asset (vite.config.ts); send the one the browser accepts.
      preCompressed: true,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  } else {
    app.log.warn(`No web build in ${options.distDir}: run "npm run build" to serve the web app.`);
  }

  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !isApiPath(request.url) && !isAssetPath(request.url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(request, reply, 'ROUTE_NOT_FOUND', 404, `No route ${request.method} ${request.url.split('?')[0]}.`);
  });
});
