import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LibrarySearchResult } from '../../../shared/library.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { LibraryPage } from './library.page.tsx';

const t = i18next.t;
const ENTRY_ID = '66666666-6666-4666-8666-666666666666';

describe('the library', () => {
  it('lists a published question and answer beside solutions, with its link and the kind facet', async () => {
    const facet = (values: string[], counts: number[]) => values.map((value, i) => ({ value, count: counts[i] ?? 0 }));
    const result: LibrarySearchResult = {
      items: [
        {
          kind: 'answer',
          id: ENTRY_ID,
          title: 'Financing a heat network off coal',
          titleHighlight: [{ text: 'Financing a heat network off coal', match: false }],
          snippet: [{ text: 'Combine a grant with a green ', match: false }, { text: 'bond', match: true }],
          sectors: ['energy'],
          levers: ['finance-funding'],
          city: { id: '11111111-1111-4111-8111-111111111111', slug: 'krakow', name: 'Kraków', country: 'PL', kind: 'mission' },
          publishedAt: '2026-11-18T09:00:00.000Z',
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
      facets: {
        kind: facet(['solution', 'answer'], [0, 1]),
        sector: facet(['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions'], [1]),
        country: facet(['PL'], [1]),
        stage: facet(['planned', 'in_progress', 'implemented'], []),
        lever: facet(['technology-infrastructure', 'governance-policy', 'social-innovation', 'democracy-participation', 'finance-funding', 'learning-capabilities'], [0, 0, 0, 0, 1]),
        mission: facet(['mission', 'aspiring'], [1]),
        visitable: facet(['true', 'false'], []),
      },
    };
    const api = mockApi({ 'GET /api/session': { body: sessionOf() }, 'GET /api/library': { body: result } });
    renderPage(<LibraryPage />, { path: '/solutions?q=bond' });
    const item = await screen.findByTestId('library-answer');
    expect(within(item).getByText(t('library.answerBadge'))).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Financing a heat network off coal' })).toHaveAttribute('href', `/library/answers/${ENTRY_ID}`);
    expect(within(item).getByText('bond').tagName).toBe('MARK');
    expect(screen.getByRole('checkbox', { name: `${t('library.kindFacet.answer')} (1)` })).toBeInTheDocument();
    expect(api.requested()).toContain('GET /api/library?pageSize=20&q=bond');
    expect(screen.getByRole('status')).toHaveTextContent('1 question and answer');
  });
});
