import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { ProposedCitiesSection } from './proposed-cities-section.tsx';

const GROUP = '5d1c9f7a-1b2c-4d3e-8f40-a1b2c3d4e5f6';

describe('ProposedCitiesSection', () => {
  it('lists the cities proposed from the support-needs survey, each with the reason naming the survey', async () => {
    mockApi({
      'GET /api/session': { body: { user: null, csrfToken: 'token' } },
      [`GET /api/groups/${GROUP}/proposed-cities`]: {
        body: {
          items: [
            {
              city: { id: '0b5e2f4c-8d7a-4c3b-9e1f-2a3b4c5d6e7f', slug: 'krakow', name: 'Kraków', country: 'PL' },
              sharedSectors: ['energy'],
              reason: { code: 'GROUP_PROPOSAL_PRIORITY_SECTORS', params: { city: 'Kraków', sectors: 'energy' } },
            },
          ],
        },
      },
    });
    renderPage(<ProposedCitiesSection groupId={GROUP} />);
    const section = await screen.findByRole('region', { name: 'Cities to invite (support-needs survey)' });
    expect(await screen.findByRole('link', { name: 'Kraków' })).toHaveAttribute('href', '/cities/krakow');
    expect(section).toHaveTextContent('Kraków’s priority sectors (support-needs survey) include this group’s: energy');
  });

  it('says so when no city is proposed', async () => {
    mockApi({ 'GET /api/session': { body: { user: null, csrfToken: 'token' } }, [`GET /api/groups/${GROUP}/proposed-cities`]: { body: { items: [] } } });
    renderPage(<ProposedCitiesSection groupId={GROUP} />);
    expect(await screen.findByText('No city outside the group has named this group’s sectors among its priorities.')).toBeInTheDocument();
  });
});
