import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SupportPublication } from '../../../shared/published-answers.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { representative, sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
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
