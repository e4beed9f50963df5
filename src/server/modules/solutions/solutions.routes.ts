import { z } from 'zod';
import { CitySlugParams } from '../../../shared/city.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import {
  CitySolutions,
  CreateSolutionBody,
  RelatedSolutions,
  SolutionDetail,
  SolutionIdParams,
  SolutionSearchQuery,
  SolutionSearchResult,
  UpdateSolutionBody,
} from '../../../shared/solution.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { LibrarySearchQuery, LibrarySearchResult } from '../../../shared/library.schemas.ts';
import { LibraryCache } from '../../lib/library-cache.ts';
import { createSolution, related, removeSolution, search, searchLibraryEntries, solutionDetail, solutionsOfCitySlug, updateSolution } from './solutions.service.ts';

const cityActors = ['programme_manager', 'city_representative'] as const;

export async function solutionRoutes(app: App) {
  // Search answers under the library's data version (docs/decisions/0007-library-cache-and-copies.md).
  const searchCache = new LibraryCache(32 * 1024 * 1024);
  // Keyed by the query string as the other, so kept apart from it.
  const libraryCache = new LibraryCache(16 * 1024 * 1024);

  app.get('/api/solutions', {
    config: { access: 'public' },
    schema: {
      tags: ['solutions'],
      summary: 'Search the library of published solutions, with facet counts',
      description:
        'Full-text search (`q`, web-search syntax: quotes, OR, -word) with filters; list filters take comma-separated values. ' +
        'Highlights are plain-text segments `{ text, match }`, never HTML.',
      querystring: SolutionSearchQuery,
      response: { 200: SolutionSearchResult },
    },
    handler: async (request, reply) => searchCache.reply(app.db, request, reply, () => search(app.db, request.query)),
  });

  // The library with the published questions and answers of expert support (docs/support.md, "Knowledge").
  app.get('/api/library', {
    config: { access: 'public' },
    schema: {
      tags: ['solutions'],
      summary: 'Search the library: published solutions and published questions and answers (kind=solution,answer), with facet counts',
      description: 'The same search and filters as /api/solutions, and `kind`. Stage and `visitable` describe solutions only: filtering by them leaves questions and answers out.',
      querystring: LibrarySearchQuery,
      response: { 200: LibrarySearchResult },
    },
    handler: async (request, reply) => libraryCache.reply(app.db, request, reply, () => searchLibraryEntries(app.db, request.query)),
  });

  app.get('/api/solutions/:id', {
    config: { access: 'public' },
    schema: {
      tags: ['solutions'],
      summary: 'A solution (drafts only for the city’s representatives and programme managers)',
      params: SolutionIdParams,
      response: { 200: SolutionDetail, 404: Problem },
    },
    handler: async (request) => solutionDetail(app.db, request.params.id, request.user),
  });

  app.get('/api/solutions/:id/related', {
    config: { access: 'public' },
    schema: {
      tags: ['solutions'],
      summary: 'Related solutions (same sector, similar title) and other cities with something similar',
      params: SolutionIdParams,
      response: { 200: RelatedSolutions, 404: Problem },
    },
    handler: async (request) => related(app.db, request.params.id, request.user),
  });

  app.get('/api/cities/:slug/solutions', {
    config: { access: 'public' },
    schema: {
      tags: ['solutions'],
      summary: 'A city’s solutions (with drafts for its representatives and programme managers)',
      params: CitySlugParams,
      response: { 200: CitySolutions, 404: Problem },
    },
    handler: async (request) => ({ items: await solutionsOfCitySlug(app.db, request.params.slug, request.user) }),
  });

  app.post('/api/solutions', {
    config: { access: cityActors },
    schema: {
      tags: ['solutions'],
      summary: 'Add a solution to a city (its representatives or a programme manager); `status: published` shows it at once',
      body: CreateSolutionBody,
      response: { 201: SolutionDetail, 403: Problem },
    },
    handler: async (request, reply) => {
      const created = await createSolution(app.db, { body: request.body, actor: requireUser(request), ip: request.ip });
      return reply.status(201).send(created);
    },
  });

  app.patch('/api/solutions/:id', {
    config: { access: cityActors },
    schema: {
      tags: ['solutions'],
      summary: 'Edit a solution; `version` must be current',
      params: SolutionIdParams,
      body: UpdateSolutionBody,
      response: { 200: SolutionDetail, 403: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => updateSolution(app.db, { id: request.params.id, body: request.body, actor: requireUser(request), ip: request.ip }),
  });

  app.delete('/api/solutions/:id', {
    config: { access: cityActors },
    schema: { tags: ['solutions'], summary: 'Delete a solution', params: SolutionIdParams, response: { 204: z.null(), 403: Problem, 404: Problem } },
    handler: async (request, reply) => {
      await removeSolution(app.db, { id: request.params.id, actor: requireUser(request), ip: request.ip });
      return reply.status(204).send(null);
    },
  });
}
