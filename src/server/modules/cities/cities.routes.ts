import { CityListQuery, CityPage } from '../../../shared/city.schemas.ts';
import type { App } from '../../route-types.ts';
import { listCities } from './cities.repository.ts';

export async function cityRoutes(app: App) {
  app.get('/api/cities', {
    config: { access: 'public' },
    schema: { tags: ['cities'], summary: 'The city registry (public facts only)', querystring: CityListQuery, response: { 200: CityPage } },
    handler: async (request) => {
      const { q, kind, country, page, pageSize } = request.query;
      const { items, total } = await listCities(app.db, { q, kind, country }, page, pageSize);
      return { items, total, page, pageSize };
    },
  });
}
