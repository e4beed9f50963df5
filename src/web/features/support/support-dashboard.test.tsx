import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SupportDashboard } from '../../../shared/support-dashboard.schemas.ts';
import type { SupportRequestDetail } from '../../../shared/support.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { CITY_ID, sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { SupportRequestPage } from './request.page.tsx';
import { SupportDashboardPage } from './support-dashboard.page.tsx';
import { readableReason, reasonsLine } from './support-format.tsx';
import '../../locales/lazy/support.strings.ts';

const t = i18next.t;
const REQUEST_ID = '77777777-7777-4777-8777-777777777777';
const EXPERT_ID = '88888888-8888-4888-8888-888888888888';
const managerSession = () => sessionOf([{ role: 'programme_manager', cityId: null, cityName: null, primaryContact: false }]);

const dashboard = (overrides: Partial<SupportDashboard> = {}): SupportDashboard => ({
  period: { from: '2026-11-01', to: '2026-11-30' },
  total: 7,
  byState: [
    { state: 'answered', count: 2 },
    { state: 'closed', count: 3 },
    { state: 'submitted', count: 2 },
  ],
  bySector: [
    { sector: 'energy', count: 3 },
    { sector: 'buildings', count: 2 },
  ],
  byCountry: [
    { country: 'PL', count: 4 },
    { country: 'ES', count: 3 },
  ],
  firstAnswer: { answered: 5, medianWorkingDays: 2, p90WorkingDays: 4.2, medianHours: 48, p90Hours: 129.6 },
  overdue: [{ id: REQUEST_ID, title: 'Heat pumps in Soviet-era blocks', city: { id: CITY_ID, name: 'Kraków' }, expert: null, dueAt: '2026-11-06T22:59:59.000Z', daysOverdue: 20 }],
  experts: [{ id: EXPERT_ID, name: 'Sofia Rossi', openLoad: 1, weeklyCapacity: 5, answeredInPeriod: 3, medianWorkingDays: 1, medianHours: 24 }],
  satisfaction: {
    ratings: 3,
    mean: 4.33,
    byScore: [1, 2, 3, 4, 5].map((score) => ({ score, count: score === 4 ? 2 : score === 5 ? 1 : 0 })),
    comments: 2,
  },
  publishedAnswers: 0,
  takeaways: 0,
  ...overrides,
});

const PATH = '/api/support/dashboard?from=2026-11-01&to=2026-11-30';
const renderDashboard = () => renderPage(<SupportDashboardPage />, { path: '/support/dashboard?from=2026-11-01&to=2026-11-30', pattern: '/support/dashboard' });

describe('the support dashboard page', () => {
  it('shows the figures of the period, the overdue list linking to the requests, the experts’ load and the exports', async () => {
    mockApi({ 'GET /api/session': { body: managerSession() }, [`GET ${PATH}`]: { body: dashboard() } });
    renderDashboard();
    await screen.findByRole('heading', { level: 1, name: t('support.dashboard.title') });
    expect(await screen.findByText('2 working days', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByText('4.2 working days', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByText('129.6 hours')).toBeInTheDocument();

    const overdue = screen.getByRole('table', { name: t('support.dashboard.overdueTable') });
    const link = within(overdue).getByRole('link', { name: 'Heat pumps in Soviet-era blocks' });
    expect(link).toHaveAttribute('href', `/support/${REQUEST_ID}`);
    expect(within(overdue).getByText('20')).toBeInTheDocument();
    expect(within(overdue).getByText(t('support.dashboard.noExpert'))).toBeInTheDocument();

    const experts = screen.getByRole('table', { name: t('support.dashboard.expertsTable') });
    const sofia = within(experts).getByRole('row', { name: /Sofia Rossi/ });
    expect(within(sofia).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '5', '3', '1', '24']);

    // Every chart has its table: the sector chart's table counts energy 3.
    const sectors = screen.getByRole('table', { name: t('support.dashboard.sectorChart') });
    expect(within(sectors).getByRole('row', { name: new RegExp(t('sectors.energy')) })).toHaveTextContent('3 requests');
    const countries = screen.getByRole('table', { name: t('support.dashboard.countryChart') });
    expect(within(countries).getByRole('rowheader', { name: 'Poland' })).toBeInTheDocument();

    expect(screen.getByRole('link', { name: t('support.dashboard.csv') })).toHaveAttribute('href', '/api/support/dashboard/requests.csv?from=2026-11-01&to=2026-11-30');
    expect(screen.getByRole('link', { name: t('support.dashboard.xlsx') })).toHaveAttribute('href', '/api/support/dashboard/requests.xlsx?from=2026-11-01&to=2026-11-30');
  });

  it('asks again for the period chosen', async () => {
    const api = mockApi({
      'GET /api/session': { body: managerSession() },
      [`GET ${PATH}`]: { body: dashboard() },
      'GET /api/support/dashboard?from=2026-10-01&to=2026-11-30': { body: dashboard({ total: 0 }) },
    });
    const { user } = renderDashboard();
    const from = await screen.findByLabelText(t('support.dashboard.from'));
    await user.clear(from);
    await user.type(from, '2026-10-01');
    await waitFor(() => expect(api.requested()).toContain('GET /api/support/dashboard?from=2026-10-01&to=2026-11-30'));
    expect(await screen.findByText(t('support.dashboard.empty'))).toBeInTheDocument();
  });

  it('says so when the period has no requests, with no empty charts', async () => {
    mockApi({ 'GET /api/session': { body: managerSession() }, [`GET ${PATH}`]: { body: dashboard({ total: 0, byState: [], bySector: [], byCountry: [], overdue: [] }) } });
    renderDashboard();
    expect(await screen.findByText(t('support.dashboard.empty'))).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('reasons in words', () => {
  it('names the languages and the country in the reader’s language instead of their codes', () => {
    expect(readableReason({ code: 'SUPPORT_SPEAKS', params: { languages: 'pl, en' } }, 'en')).toEqual({ code: 'SUPPORT_SPEAKS', params: { languages: 'Polish and English' } });
    expect(readableReason({ code: 'SUPPORT_COVERS_COUNTRY', params: { country: 'PL' } }, 'fr')).toEqual({ code: 'SUPPORT_COVERS_COUNTRY', params: { country: 'Pologne' } });
    expect(
      reasonsLine(
        [
          { code: 'SUPPORT_SHARES_SECTORS', params: { sectors: 'energy' } },
          { code: 'SUPPORT_SPEAKS', params: { languages: 'pl, en, it' } },
          { code: 'SUPPORT_COVERS_COUNTRY', params: { country: 'PL' } },
        ],
        'en',
      ),
    ).toBe('shares energy, speaks Polish, English and Italian, covers Poland');
  });

  it('leaves what is not a code as it is', () => {
    const spoken = { code: 'SUPPORT_SPEAKS', params: { languages: 'Spanish' } } as const;
    expect(readableReason(spoken, 'en')).toBe(spoken);
  });
});

describe('"Route again" on a request that found no expert', () => {
  const waiting = (overrides: Partial<SupportRequestDetail> = {}): SupportRequestDetail => ({
    id: REQUEST_ID,
    title: 'Heat pumps in Soviet-era blocks',
    city: { id: CITY_ID, name: 'Kraków', slug: 'krakow', country: 'PL' },
    kind: 'answer',
    urgency: 'normal',
    state: 'submitted',
    sectors: ['energy'],
    levers: [],
    languages: ['lt'],
    expert: null,
    createdAt: '2026-12-07T10:00:00.000Z',
    firstAnswerDueAt: '2026-12-14T22:59:59.000Z',
    firstAnsweredAt: null,
    overdue: false,
    question: 'Which heat pumps work in the prefabricated blocks of our eastern districts?',
    assignment: null,
    unassignedReason: { code: 'SUPPORT_UNASSIGNED_LANGUAGE' },
    answers: [],
    events: [{ at: '2026-12-07T10:00:00.000Z', kind: 'submitted', actor: 'Rita Rep', note: null }],
    rating: null,
    can: { answer: false, markSessionHeld: false, close: false, reopen: false, reassign: true, seePublication: true },
    version: 1,
    ...overrides,
  });

  it('sends the version and shows the expert found', async () => {
    const api = mockApi({
      'GET /api/session': { body: managerSession() },
      [`GET /api/support-requests/${REQUEST_ID}`]: { body: waiting() },
      'GET /api/experts': { body: { items: [] } },
      [`POST /api/support-requests/${REQUEST_ID}/route`]: {
        body: waiting({
          state: 'assigned',
          expert: { id: EXPERT_ID, name: 'Aoife Byrne' },
          assignment: { expert: { id: EXPERT_ID, name: 'Aoife Byrne' }, by: 'routing', reasons: [{ code: 'SUPPORT_SPEAKS', params: { languages: 'lt' } }], at: '2026-12-07T11:00:00.000Z' },
          unassignedReason: null,
          version: 2,
        }),
      },
    });
    const { user } = renderPage(<SupportRequestPage />, { path: `/support/${REQUEST_ID}`, pattern: '/support/:id' });
    const card = await screen.findByTestId('assignment-card');
    await user.click(within(card).getByRole('button', { name: t('support.routeAgain.button') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `/api/support-requests/${REQUEST_ID}/route`, body: { version: 1 } }]));
    expect(await within(screen.getByTestId('assignment-card')).findByText('Why: speaks Lithuanian')).toBeInTheDocument();
    expect(within(screen.getByTestId('assignment-card')).queryByRole('button', { name: t('support.routeAgain.button') })).toBeNull();
  });

  it('is not offered to the city', async () => {
    mockApi({ 'GET /api/session': { body: managerSession() }, [`GET /api/support-requests/${REQUEST_ID}`]: { body: waiting({ can: { answer: false, markSessionHeld: false, close: false, reopen: false, reassign: false, seePublication: true } }) } });
    renderPage(<SupportRequestPage />, { path: `/support/${REQUEST_ID}`, pattern: '/support/:id' });
    const card = await screen.findByTestId('assignment-card');
    expect(within(card).queryByRole('button', { name: t('support.routeAgain.button') })).toBeNull();
  });
});
