import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { HomePage } from './home.page.tsx';

describe('HomePage', () => {
  it('gives the programme team’s address as a mailto link where it says to contact them', async () => {
    mockApi({
      'GET /api/session': { body: { user: null, csrfToken: 'token' } },
      'GET /api/site': { body: { contactEmail: 'team@city.example' } },
    });
    renderPage(<HomePage />);
    const link = await screen.findByRole('link', { name: 'team@city.example' });
    expect(link).toHaveAttribute('href', 'mailto:team@city.example');
    expect(link.closest('section')).toHaveAccessibleName('Taking part');
  });
});
