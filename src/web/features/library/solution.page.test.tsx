import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { SolutionPage } from './solution.page.tsx';

const id = '00000000-0000-4000-8000-000000000000';

describe('SolutionPage for a solution that does not exist', () => {
  it('says so in its h1, gives the reason and a way back to the library', async () => {
    mockApi({
      'GET /api/session': { body: { user: null, csrfToken: 'token' } },
      [`GET /api/solutions/${id}`]: problem(404, 'NOT_FOUND'),
      [`GET /api/solutions/${id}/related`]: problem(404, 'NOT_FOUND'),
    });
    renderPage(<SolutionPage />, { path: `/solutions/${id}`, pattern: '/solutions/:id' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Solution not found' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the solutions library' })).toHaveAttribute('href', '/solutions');
  });
});
