import {
  CityContacts,
  CityHistory,
  CityListQuery,
  CityPage,
  CityProfile,
  CityPublicContacts,
  CitySlugParams,
  ImportCitiesBody,
  ImportCitiesQuery,
  ImportCitiesResult,
  MapData,
  MapQuery,
  PlaceCandidates,
  PlaceQuery,
  ReplaceContactsBody,
  SimilarCities,
  UpdateCityBody,
} from '../../../shared/city.schemas.ts';
import { PageQuery } from '../../../shared/pagination.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import { sendTable } from '../../lib/table-export.ts';
import type { App } from '../../route-types.ts';
import { LibraryCache } from '../../lib/library-cache.ts';
import { listCities, mapCities } from './cities.repository.ts';
import {
  citiesLike,
  cityContacts,
  cityHistory,
  cityProfile,
  cityPublicContacts,
  citiesTable,
  importCities,
  placeCandidates,
  setCityContacts,
  updateCity,
} from './cities.service.ts';

const managers = ['programme_manager'] as const;
const cityActors = ['programme_manager', 'city_representative'] as const;
const IMPORT_LIMIT = 6 * 1024 * 1024;

export async function cityRoutes(app: App) {
  // Map answers under the library's data version (docs/decisions/0007-library-cache-and-copies.md).
  const mapCache = new LibraryCache(32 * 1024 * 1024);

  // A spreadsheet export posted as it is: the body becomes { csv }.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => {
    done(null, { csv: String(body) });
  });

  app.get('/api/cities', {
    config: { access: 'public' },
    schema: { tags: ['cities'], summary: 'The city registry (public facts only)', querystring: CityListQuery, response: { 200: CityPage } },
    handler: async (request) => {
      const { q, kind, country, sector, page, pageSize } = request.query;
      const { items, total } = await listCities(app.db, { q, kind, country, sector }, page, pageSize);
      return { items, total, page, pageSize };
    },
  });

  app.get('/api/places', {
    config: { access: 'public' },
    schema: {
      tags: ['cities'],
      summary: 'GeoNames cities (5,000 people or more, the registry’s countries) matching a typed name, accents ignored; each says whether the registry holds it',
      querystring: PlaceQuery,
      response: { 200: PlaceCandidates, 400: Problem },
    },
    handler: async (request) => ({ items: await placeCandidates(app.db, request.query) }),
  });

  app.get('/api/map/cities', {
    config: { access: 'public' },
    schema: {
      tags: ['cities'],
      summary: 'Every city as a map point; `sector` keeps cities interested in it or with a published solution in it',
      querystring: MapQuery,
      response: { 200: MapData },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return mapCache.reply(app.db, request, reply, async () => {
        const items = await mapCities(app.db, request.query);
        return { items, total: items.length };
      });
    },
  });

  app.get('/api/cities/export.csv', {
    config: { access: managers },
    schema: { tags: ['cities'], summary: 'The registry as CSV (the import format)', produces: ['text/csv'] },
    handler: async (_request, reply) => sendTable(reply, await citiesTable(app.db), 'csv', 'peercities-cities'),
  });

  app.get('/api/cities/export.xlsx', {
    config: { access: managers },
    schema: { tags: ['cities'], summary: 'The registry as an Excel workbook', produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    handler: async (_request, reply) => sendTable(reply, await citiesTable(app.db), 'xlsx', 'peercities-cities'),
  });

  app.post('/api/cities/import', {
    config: { access: managers },
    bodyLimit: IMPORT_LIMIT,
    schema: {
      tags: ['cities'],
      summary: 'Import cities from CSV (body text/csv, or JSON { csv }); all rows valid or nothing is written',
      description:
        'Columns: slug, name, country, kind, region, latitude, longitude, population, geonames_id, languages, climate_target_year, ' +
        'sectors_of_interest, mission_label_date, profile (name, country, kind, latitude and longitude required). A city already registered ' +
        '(same GeoNames id, else same slug) is updated. A bad file answers 400 CSV_INVALID with `errors[]` holding line, column and message.',
      querystring: ImportCitiesQuery,
      body: ImportCitiesBody,
      response: { 200: ImportCitiesResult, 400: Problem },
    },
    handler: async (request) =>
      importCities(app.db, { csv: request.body.csv, dryRun: request.query.dryRun, actor: requireUser(request), ip: request.ip }),
  });

  app.get('/api/cities/:slug', {
    config: { access: 'public' },
    schema: { tags: ['cities'], summary: 'A city’s public profile (never its contact persons)', params: CitySlugParams, response: { 200: CityProfile, 404: Problem } },
    handler: async (request) => cityProfile(app.db, request.params.slug, request.user),
  });

  app.patch('/api/cities/:slug', {
    config: { access: cityActors },
    schema: {
      tags: ['cities'],
      summary: 'Edit a city’s profile (its representatives or a programme manager); `version` must be current',
      params: CitySlugParams,
      body: UpdateCityBody,
      response: { 200: CityProfile, 403: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => updateCity(app.db, { slug: request.params.slug, body: request.body, actor: requireUser(request), ip: request.ip }),
  });

  app.get('/api/cities/:slug/public-contacts', {
    config: { access: 'public' },
    schema: {
      tags: ['cities'],
      summary: 'The city’s representatives who chose to be listed publicly (an opt-in, off by default)',
      params: CitySlugParams,
      response: { 200: CityPublicContacts, 404: Problem },
    },
    handler: async (request) => cityPublicContacts(app.db, request.params.slug),
  });

  app.get('/api/cities/:slug/contacts', {
    config: { access: cityActors },
    schema: { tags: ['cities'], summary: 'The city’s contact persons (personal data)', params: CitySlugParams, response: { 200: CityContacts, 403: Problem, 404: Problem } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await cityContacts(app.db, request.params.slug, requireUser(request)) };
    },
  });

  app.put('/api/cities/:slug/contacts', {
    config: { access: cityActors },
    schema: {
      tags: ['cities'],
      summary: 'Replace the city’s contact persons',
      params: CitySlugParams,
      body: ReplaceContactsBody,
      response: { 200: CityContacts, 403: Problem, 404: Problem },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const items = await setCityContacts(app.db, { slug: request.params.slug, contacts: request.body.items, actor: requireUser(request), ip: request.ip });
      return { items };
    },
  });

  app.get('/api/cities/:slug/history', {
    config: { access: cityActors },
    schema: {
      tags: ['cities'],
      summary: 'Who changed what in the city’s record, newest first',
      params: CitySlugParams,
      querystring: PageQuery,
      response: { 200: CityHistory, 403: Problem, 404: Problem },
    },
    handler: async (request) =>
      cityHistory(app.db, { slug: request.params.slug, user: requireUser(request), page: request.query.page, pageSize: request.query.pageSize }),
  });

  app.get('/api/cities/:slug/similar', {
    config: { access: 'public' },
    schema: {
      tags: ['cities'],
      summary: 'Cities like this one, with reasons, and Mission Cities whose solutions match its interests',
      params: CitySlugParams,
      response: { 200: SimilarCities, 404: Problem },
    },
    handler: async (request) => citiesLike(app.db, request.params.slug),
  });
}
