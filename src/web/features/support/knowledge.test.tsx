import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LibrarySearchResult } from '../../../shared/library.schemas.ts';
import type { SupportPublication } from '../../../shared/published-answers.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { representative, sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { LibraryPage } from '../library/library.page.tsx';
import { PublicationPanel } from './publication-panel.tsx';
import '../../locales/lazy/support.strings.ts';

const t = i18next.t;
const REQUEST_ID = '77777777-7777-4777-8777-777777777777';
const ENTRY_ID = '66666666-6666-4666-8666-666666666666';
const PATH = `/api/support-requests/${REQUEST_ID}/publication`;
const managerSession = () => sessionOf([{ role: 'programme_manager', cityId: null, cityName: null, primaryContact: false }]);

const publication = (overrides: Partial<SupportPublication> = {}): SupportPublication => ({
  consent: null,
  draft: {
    title: 'Financing district heating',
    question: '[name removed] asks how to finance the renewal of a district heating network.',
    answer: 'Combine a Modernisation Fund grant with a municipal green bond.',
    sectors: ['energy'],
    levers: ['finance-funding'],
  },
  publishedId: null,
  publishedAt: null,
  version: 0,
  can: { consent: false, withdrawConsent: false, publish: false, unpublish: false },
  ...overrides,
});

const renderPanel = () => renderPage(<PublicationPanel requestId={REQUEST_ID} />, { path: `/support/${REQUEST_ID}`, pattern: '/support/:id' });

describe('publishing an answer in the library', () => {
  it('lets the city consent, sending the version it read, and then offers to withdraw', async () => {
    const api = mockApi({
      'GET /api/session': { body: representative() },
      [`GET ${PATH}`]: { body: publication({ can: { consent: true, withdrawConsent: false, publish: false, unpublish: false } }) },
      [`PUT ${PATH}/consent`]: { body: publication({ consent: { by: 'Rita Rep', at: '2026-12-10T09:00:00.000Z' }, version: 1, can: { consent: false, withdrawConsent: true, publish: false, unpublish: false } }) },
    });
    const { user } = renderPanel();
    expect(await screen.findByText(t('support.knowledge.noConsent'))).toBeInTheDocument();
    // The city does not see the manager's form.
    expect(screen.queryByRole('form', { name: t('support.knowledge.formLabel') })).toBeNull();
    await user.click(screen.getByRole('button', { name: t('support.knowledge.consent') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'PUT', path: `${PATH}/consent`, body: { consent: true, version: 0 } }]));
    expect(await screen.findByRole('button', { name: t('support.knowledge.withdraw') })).toBeInTheDocument();
    expect(screen.getByTestId('consent-status')).toHaveTextContent('Rita Rep consented to publishing');
  });

  it('gives the manager the redacted draft to edit and publish, and asks before unpublishing', async () => {
    const published = publication({ consent: { by: 'Rita Rep', at: '2026-12-10T09:00:00.000Z' }, publishedId: ENTRY_ID, publishedAt: '2026-12-11T09:00:00.000Z', version: 2, can: { consent: false, withdrawConsent: false, publish: true, unpublish: true } });
    const api = mockApi({
      'GET /api/session': { body: managerSession() },
      [`GET ${PATH}`]: { body: publication({ consent: { by: 'Rita Rep', at: '2026-12-10T09:00:00.000Z' }, version: 1, can: { consent: false, withdrawConsent: false, publish: true, unpublish: false } }) },
      [`POST ${PATH}`]: { body: published },
      [`POST ${PATH}/unpublish`]: { body: publication({ consent: { by: 'Rita Rep', at: '2026-12-10T09:00:00.000Z' }, version: 3, can: { consent: false, withdrawConsent: false, publish: true, unpublish: false } }) },
    });
    const { user } = renderPanel();
    const form = await screen.findByRole('form', { name: t('support.knowledge.formLabel') });
    const question = within(form).getByRole('textbox', { name: /^Question/ });
    expect(question).toHaveValue('[name removed] asks how to finance the renewal of a district heating network.');
    const title = within(form).getByRole('textbox', { name: /^Title/ });
    await user.clear(title);
    await user.type(title, 'Financing a heat network off coal');
    await user.click(within(form).getByRole('button', { name: t('support.knowledge.publish') }));
    await waitFor(() =>
      expect(api.sent()).toEqual([
        {
          method: 'POST',
          path: PATH,
          body: { title: 'Financing a heat network off coal', question: '[name removed] asks how to finance the renewal of a district heating network.', answer: 'Combine a Modernisation Fund grant with a municipal green bond.', version: 1 },
        },
      ]),
    );
    expect(await screen.findByRole('link', { name: t('support.knowledge.openEntry') })).toHaveAttribute('href', `/library/answers/${ENTRY_ID}`);

    await user.click(screen.getByRole('button', { name: t('support.knowledge.unpublish') }));
    const dialog = await screen.findByRole('dialog', { name: t('support.knowledge.unpublishTitle') });
    // Nothing is sent before the confirmation.
    expect(api.sent()).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: t('support.knowledge.unpublish') }));
    await waitFor(() => expect(api.sent()[1]).toEqual({ method: 'POST', path: `${PATH}/unpublish`, body: { version: 2 } }));
  });
});

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
  });
});
