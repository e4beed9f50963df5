import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { CityPage } from './city.page.tsx';

describe('CityPage for a city that does not exist', () => {
  it('says so in its h1, gives the reason and a way back', async () => {
    mockApi({
      'GET /api/session': { body: { user: null, csrfToken: 'token' } },
      'GET /api/cities/atlantis': problem(404, 'NOT_FOUND'),
    });
    renderPage(<CityPage />, { path: '/cities/atlantis', pattern: '/cities/:slug' });
    expect(await screen.findByRole('heading', { level: 1, name: 'City not found' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See every city on the map' })).toHaveAttribute('href', '/map');
  });
});
