import { screen, waitFor } from '@testing-library/react';
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

const LAHTI = {
  id: '3f0c6c1e-3b7a-4d6e-9a55-1c2f0a7e9b01',
  slug: 'lahti',
  name: 'Lahti',
  country: 'FI',
  kind: 'mission',
  latitude: 60.98,
  longitude: 25.66,
  population: 120000,
  missionLabelDate: '2024-03-21',
  region: 'Päijät-Häme',
  languages: ['fi', 'en'],
  climateTargetYear: 2025,
  sectorsOfInterest: ['energy'],
  profile: '',
  geonamesId: 649360,
  solutionCount: 0,
  solutionSectors: [],
  version: 1,
  updatedAt: '2026-12-01T10:00:00.000Z',
};
const SURVEY_ID = '8b6f1a52-2a7c-4b1e-8f3d-0d9e6c5b4a31';

function mockLahti(canEdit: boolean, priorities: { status?: number; body: unknown }) {
  return mockApi({
    'GET /api/session': { body: { user: null, csrfToken: 'token' } },
    'GET /api/cities/lahti': { body: { ...LAHTI, canEdit } },
    'GET /api/cities/lahti/solutions': { body: { items: [] } },
    'GET /api/cities/lahti/public-contacts': { body: { items: [] } },
    'GET /api/cities/lahti/similar': { body: { similar: [], missionCities: [] } },
    'GET /api/cities/lahti/history': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    'GET /api/cities/lahti/contacts': { body: { items: [] } },
    'GET /api/cities/lahti/priorities': priorities,
  });
}

describe('CityPage: priorities from the support-needs survey', () => {
  it('shows a manager or the city’s representative the priority sectors and levers in words, with the survey and the day it was answered', async () => {
    mockLahti(true, { body: { priorities: { sectors: ['mobility', 'energy'], levers: ['finance-funding'], surveyId: SURVEY_ID, surveyTitle: 'What support does your city need?', answeredOn: '2027-03-12' } } });
    renderPage(<CityPage />, { path: '/cities/lahti', pattern: '/cities/:slug' });
    const panel = await screen.findByRole('region', { name: 'Priorities (from the support-needs survey, answered on 12 March 2027)' });
    expect(panel).toHaveTextContent('What the city said it wants to learn about in its answer to “What support does your city need?”');
    expect(panel).toHaveTextContent('Priority sectorsSustainable mobility, Energy');
    expect(panel).toHaveTextContent('Priority leversFinance & funding');
  });

  it('shows no panel while the city has not answered', async () => {
    const api = mockLahti(true, { body: { priorities: null } });
    renderPage(<CityPage />, { path: '/cities/lahti', pattern: '/cities/:slug' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lahti' })).toBeInTheDocument();
    await waitFor(() => expect(api.requested()).toContain('GET /api/cities/lahti/priorities'));
    expect(screen.queryByRole('region', { name: /Priorities/ })).not.toBeInTheDocument();
  });

  it('does not ask for the priorities for someone who may not act for the city', async () => {
    const api = mockLahti(false, { status: 500, body: null });
    renderPage(<CityPage />, { path: '/cities/lahti', pattern: '/cities/:slug' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lahti' })).toBeInTheDocument();
    expect(api.requested()).not.toContain('GET /api/cities/lahti/priorities');
  });
});
