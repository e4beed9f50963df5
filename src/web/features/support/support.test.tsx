import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SupportRequestDetail, SupportRequestSummary } from '../../../shared/support.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { CITY_ID, representative, sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { ExpertProfilePage } from './expert-profile.page.tsx';
import { NewSupportRequestPage } from './new-request.page.tsx';
import { SupportRequestPage } from './request.page.tsx';
import { dayInWords } from './support-format.tsx';
import { SupportListPage } from './support-list.page.tsx';
import '../../locales/lazy/support.strings.ts';

const t = i18next.t;
/** Puts text in a field at once (typing long texts letter by letter is slow and tests nothing more). */
async function fill(user: ReturnType<typeof renderPage>['user'], field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}
/** A field's accessible name: required fields add an asterisk to their label. */
const named = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
const REQUEST_ID = '77777777-7777-4777-8777-777777777777';
const EXPERT_ID = '88888888-8888-4888-8888-888888888888';
const OTHER_EXPERT_ID = '99999999-9999-4999-8999-999999999999';
const sofia = { id: EXPERT_ID, name: 'Sofia Rossi' };
const expertSession = () => sessionOf([{ role: 'expert', cityId: null, cityName: null, primaryContact: false }]);
const managerSession = () => sessionOf([{ role: 'programme_manager', cityId: null, cityName: null, primaryContact: false }]);

const summary = (overrides: Partial<SupportRequestSummary> = {}): SupportRequestSummary => ({
  id: REQUEST_ID,
  title: 'Financing the district-heating renewal',
  city: { id: CITY_ID, name: 'Valencia', slug: 'valencia', country: 'ES' },
  kind: 'answer',
  urgency: 'normal',
  state: 'assigned',
  sectors: ['energy'],
  levers: ['finance-funding'],
  languages: ['es', 'en'],
  expert: sofia,
  createdAt: '2026-12-10T09:00:00.000Z',
  // The end of Thursday 17 December in Brussels.
  firstAnswerDueAt: '2026-12-17T22:59:59.999Z',
  firstAnsweredAt: null,
  overdue: false,
  ...overrides,
});

const detail = (overrides: Partial<SupportRequestDetail> = {}): SupportRequestDetail => ({
  ...summary(),
  question: 'How did other cities finance the renewal of an old district-heating network?',
  assignment: {
    expert: sofia,
    by: 'routing',
    reasons: [
      { code: 'SUPPORT_SHARES_SECTORS', params: { sectors: 'energy' } },
      { code: 'SUPPORT_SHARES_LEVERS', params: { levers: 'finance' } },
      { code: 'SUPPORT_SPEAKS', params: { languages: 'Spanish' } },
      { code: 'SUPPORT_FREE_SLOTS', params: { free: 2, capacity: 5 } },
    ],
    at: '2026-12-10T09:00:01.000Z',
  },
  unassignedReason: null,
  answers: [],
  events: [
    { at: '2026-12-10T09:00:00.000Z', kind: 'submitted', actor: 'Rita Rep', note: null },
    { at: '2026-12-10T09:00:01.000Z', kind: 'assigned', actor: null, note: null },
  ],
  rating: null,
  can: { answer: false, markSessionHeld: false, close: false, reopen: false, reassign: false, seePublication: true },
  version: 3,
  ...overrides,
});

const DETAIL_PATH = `/api/support-requests/${REQUEST_ID}`;
const renderDetail = () => renderPage(<SupportRequestPage />, { path: `/support/${REQUEST_ID}`, pattern: '/support/:id' });

describe('the request form', () => {
  const cityLookups = {
    'GET /api/cities': { body: { items: [{ id: CITY_ID, slug: 'valencia', name: 'Valencia', country: 'ES', kind: 'mission', latitude: 39.47, longitude: -0.38, population: 800000, missionLabelDate: null }], total: 1, page: 1, pageSize: 10 } },
    'GET /api/cities/valencia': {
      body: {
        id: CITY_ID, slug: 'valencia', name: 'Valencia', country: 'ES', kind: 'mission', latitude: 39.47, longitude: -0.38, population: 800000, missionLabelDate: null,
        region: null, languages: ['es', 'ca'], climateTargetYear: 2030, sectorsOfInterest: [], profile: '', geonamesId: null, solutionCount: 0, solutionSectors: [], version: 1, updatedAt: '2026-01-01T00:00:00Z', canEdit: true,
      },
    },
  };

  it('says in the person’s words what is missing and sends nothing', async () => {
    const api = mockApi({ 'GET /api/session': { body: representative() }, ...cityLookups });
    const { user } = renderPage(<NewSupportRequestPage />, { path: '/support/new' });
    await user.type(await screen.findByRole('textbox', { name: named(t('support.form.titleField')) }), 'Heat');
    await user.click(screen.getByRole('button', { name: t('support.form.send') }));
    expect(await screen.findByText(t('support.form.errors.title'))).toBeInTheDocument();
    expect(screen.getByText(t('support.form.errors.question'))).toBeInTheDocument();
    expect(api.sent()).toEqual([]);
  });

  it('preselects the city’s languages and sends what the person chose, then opens the request', async () => {
    const api = mockApi({
      'GET /api/session': { body: representative() },
      ...cityLookups,
      'POST /api/support-requests': { status: 201, body: detail() },
    });
    const { user, router } = renderPage(<NewSupportRequestPage />, { path: '/support/new' });
    await screen.findByRole('heading', { level: 1, name: t('support.form.title') });
    // The city's own languages, Spanish first, are chosen to begin with.
    expect((await screen.findAllByText('Spanish (es)')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Catalan (ca)').length).toBeGreaterThan(0);
    await fill(user, screen.getByRole('textbox', { name: named(t('support.form.titleField')) }), 'Financing the district-heating renewal');
    await fill(user, screen.getByRole('textbox', { name: named(t('support.form.question')) }), 'How did other cities finance the renewal of an old district-heating network?');
    await user.click(screen.getByRole('checkbox', { name: t('sectors.energy') }));
    await user.click(screen.getByRole('checkbox', { name: t('library.levers.finance-funding') }));
    await user.click(screen.getByRole('radio', { name: t('support.kinds.call') }));
    await user.click(screen.getByRole('radio', { name: t('support.urgencies.urgent') }));
    await user.click(screen.getByRole('button', { name: t('support.form.send') }));
    await waitFor(() =>
      expect(api.sent()).toEqual([
        {
          method: 'POST',
          path: '/api/support-requests',
          body: {
            cityId: CITY_ID,
            title: 'Financing the district-heating renewal',
            question: 'How did other cities finance the renewal of an old district-heating network?',
            sectors: ['energy'],
            levers: ['finance-funding'],
            languages: ['es', 'ca'],
            kind: 'call',
            urgency: 'urgent',
          },
        },
      ]),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe(`/support/${REQUEST_ID}`));
  });

  it('shows the server’s field errors on their fields', async () => {
    mockApi({
      'GET /api/session': { body: representative() },
      ...cityLookups,
      'POST /api/support-requests': problem(400, 'VALIDATION_FAILED', [{ field: 'body.title', message: 'This title is already used by another open request.' }]),
    });
    const { user } = renderPage(<NewSupportRequestPage />, { path: '/support/new' });
    await screen.findByRole('heading', { level: 1, name: t('support.form.title') });
    await screen.findAllByText('Spanish (es)');
    const title = screen.getByRole('textbox', { name: named(t('support.form.titleField')) });
    await fill(user, title, 'Financing the district-heating renewal');
    await fill(user, screen.getByRole('textbox', { name: named(t('support.form.question')) }), 'How did other cities finance the renewal of an old network?');
    await user.click(screen.getByRole('button', { name: t('support.form.send') }));
    expect(await screen.findByText('This title is already used by another open request.')).toBeInTheDocument();
    expect(title).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('the request page', () => {
  it('says who the request went to and why', async () => {
    mockApi({ 'GET /api/session': { body: representative() }, [`GET ${DETAIL_PATH}`]: { body: detail() } });
    renderDetail();
    await screen.findByRole('heading', { level: 1, name: 'Financing the district-heating renewal' });
    const card = screen.getByTestId('assignment-card');
    expect(within(card).getByText(t('support.detail.assignedTo', { name: 'Sofia Rossi' }))).toBeInTheDocument();
    expect(within(card).getByText('Why: shares energy, shares finance, speaks Spanish, 2 of 5 weekly slots free')).toBeInTheDocument();
    expect(screen.getByText(t('support.states.assigned'))).toBeInTheDocument();
    expect(screen.getByText('Thu 17 Dec')).toBeInTheDocument();
    // Nothing to do for this person now.
    expect(screen.queryByRole('heading', { name: t('support.actions.title') })).toBeNull();
  });

  it('gives the expert the answer form, not the city’s actions, and sends the version', async () => {
    const api = mockApi({
      'GET /api/session': { body: expertSession() },
      [`GET ${DETAIL_PATH}`]: { body: detail({ can: { answer: true, markSessionHeld: false, close: false, reopen: false, reassign: false, seePublication: true } }) },
      [`POST ${DETAIL_PATH}/answers`]: {
        body: detail({ state: 'answered', version: 4, answers: [{ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', author: 'Sofia Rossi', bodyHtml: '<p>Look at the heat fund of Aarhus.</p>', createdAt: '2026-12-11T09:00:00.000Z' }] }),
      },
    });
    const { user } = renderDetail();
    const answer = await screen.findByRole('textbox', { name: named(t('support.actions.answer')) });
    expect(screen.queryByRole('button', { name: t('support.actions.close') })).toBeNull();
    expect(screen.queryByRole('button', { name: t('support.actions.reopen') })).toBeNull();
    expect(screen.queryByRole('button', { name: t('support.actions.markHeld') })).toBeNull();
    await user.type(answer, 'Look at the heat fund of Aarhus.');
    await user.click(screen.getByRole('button', { name: t('support.actions.sendAnswer') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `${DETAIL_PATH}/answers`, body: { body: 'Look at the heat fund of Aarhus.', version: 3 } }]));
    expect(await screen.findByTestId('support-answer')).toHaveTextContent('Look at the heat fund of Aarhus.');
  });

  it('says that someone changed the request when the server answers 409', async () => {
    mockApi({
      'GET /api/session': { body: expertSession() },
      [`GET ${DETAIL_PATH}`]: { body: detail({ can: { answer: true, markSessionHeld: false, close: false, reopen: false, reassign: false, seePublication: true } }) },
      [`POST ${DETAIL_PATH}/answers`]: problem(409, 'EDIT_CONFLICT'),
    });
    const { user } = renderDetail();
    await user.type(await screen.findByRole('textbox', { name: named(t('support.actions.answer')) }), 'An answer.');
    await user.click(screen.getByRole('button', { name: t('support.actions.sendAnswer') }));
    expect(await screen.findByText(t('support.detail.conflict'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t('support.detail.reload') })).toBeInTheDocument();
  });

  it('lets a manager reassign to another expert, with their load, and a reason', async () => {
    const api = mockApi({
      'GET /api/session': { body: managerSession() },
      [`GET ${DETAIL_PATH}`]: { body: detail({ can: { answer: false, markSessionHeld: false, close: false, reopen: false, reassign: true, seePublication: true } }) },
      'GET /api/experts': {
        body: {
          items: [
            { id: EXPERT_ID, name: 'Sofia Rossi', sectors: ['energy'], levers: [], languages: ['it', 'pl', 'en'], countries: [], weeklyCapacity: 5, bio: '', openLoad: 3, version: 1 },
            { id: OTHER_EXPERT_ID, name: 'Jan Nowak', sectors: ['energy'], levers: [], languages: ['pl', 'en'], countries: ['PL'], weeklyCapacity: 4, bio: '', openLoad: 1, version: 1 },
          ],
        },
      },
      [`POST ${DETAIL_PATH}/assignment`]: { body: detail({ version: 4, expert: { id: OTHER_EXPERT_ID, name: 'Jan Nowak' } }) },
    });
    const { user } = renderDetail();
    await screen.findByRole('heading', { level: 1, name: 'Financing the district-heating renewal' });
    expect(screen.queryByRole('textbox', { name: named(t('support.actions.answer')) })).toBeNull();
    const expert = await screen.findByRole('combobox', { name: named(t('support.actions.expert')) });
    await screen.findByRole('option', { name: 'Jan Nowak — 1 open, 4 a week' });
    // The expert who has it now is not offered again.
    expect(screen.queryByRole('option', { name: /Sofia Rossi/ })).toBeNull();
    await user.selectOptions(expert, 'Jan Nowak — 1 open, 4 a week');
    await user.type(screen.getByRole('textbox', { name: named(t('support.actions.reassignReason')) }), 'Sofia is on leave.');
    await user.click(screen.getByRole('button', { name: t('support.actions.reassignSend') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `${DETAIL_PATH}/assignment`, body: { expertId: OTHER_EXPERT_ID, reason: 'Sofia is on leave.', version: 3 } }]));
  });
});

describe('the rating dialog', () => {
  it('asks for a rating from 1 to 5, then closes with the score, the comment and the version', async () => {
    const api = mockApi({
      'GET /api/session': { body: representative() },
      [`GET ${DETAIL_PATH}`]: { body: detail({ state: 'answered', version: 5, can: { answer: false, markSessionHeld: false, close: true, reopen: true, reassign: false, seePublication: true } }) },
      [`POST ${DETAIL_PATH}/close`]: { body: detail({ state: 'closed', version: 6, rating: { score: 5, comment: 'Exactly what we needed.' } }) },
    });
    const { user } = renderDetail();
    expect(await screen.findByRole('button', { name: t('support.actions.reopen') })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('support.actions.close') }));
    const dialog = await screen.findByRole('dialog', { name: t('support.close.dialogTitle') });
    const group = within(dialog).getByRole('radiogroup', { name: t('support.close.score') });
    expect(within(group).getAllByRole('radio')).toHaveLength(5);
    await user.click(within(dialog).getByRole('button', { name: t('support.close.confirm') }));
    expect(await within(dialog).findByText(t('support.close.scoreMissing'))).toBeInTheDocument();
    expect(api.sent()).toEqual([]);
    await user.click(within(group).getByRole('radio', { name: t('support.close.scores.5') }));
    await user.type(within(dialog).getByRole('textbox', { name: t('support.close.comment') }), 'Exactly what we needed.');
    await user.click(within(dialog).getByRole('button', { name: t('support.close.confirm') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `${DETAIL_PATH}/close`, body: { score: 5, comment: 'Exactly what we needed.', version: 5 } }]));
    expect(await screen.findByText(t('support.detail.ratingLine', { score: 5 }))).toBeInTheDocument();
  });
});

describe('the list', () => {
  it('invites a city that has not asked yet', async () => {
    const api = mockApi({ 'GET /api/session': { body: representative() }, 'GET /api/support-requests': { body: { items: [], total: 0, page: 1, pageSize: 20 } } });
    renderPage(<SupportListPage />, { path: '/support' });
    expect(await screen.findByText(t('support.empty.mine'))).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: t('support.ask') }).length).toBeGreaterThan(0);
    expect(api.requested()).toContain('GET /api/support-requests?scope=mine&page=1&pageSize=20');
  });

  it('shows each request with its state in words, its expert and its due day, and marks the overdue ones', async () => {
    mockApi({
      'GET /api/session': { body: expertSession() },
      'GET /api/support-requests': { body: { items: [summary(), summary({ id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', title: 'Late one', overdue: true })], total: 2, page: 1, pageSize: 20 } },
    });
    renderPage(<SupportListPage />, { path: '/support' });
    const rows = await screen.findAllByTestId('support-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(t('support.states.assigned'));
    expect(rows[0]).toHaveTextContent('Expert: Sofia Rossi');
    expect(rows[0]).toHaveTextContent('due Thu 17 Dec');
    expect(within(rows[0]!).queryByTestId('overdue-badge')).toBeNull();
    expect(within(rows[1]!).getByTestId('overdue-badge')).toHaveTextContent(t('support.overdueBadge'));
    // An expert asks for nothing: no button to ask.
    expect(screen.queryByRole('link', { name: t('support.ask') })).toBeNull();
  });
});

describe('dayInWords', () => {
  it('names the day in the programme’s time zone, with the year only when it is not this one', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(dayInWords('2026-12-17T22:59:59.999Z', 'en', now)).toBe('Thu 17 Dec');
    // 23:30 UTC on the 17th is already Friday the 18th in Brussels.
    expect(dayInWords('2026-12-17T23:30:00.000Z', 'en', now)).toBe('Fri 18 Dec');
    expect(dayInWords('2027-01-05T12:00:00.000Z', 'en', now)).toBe('Tue 5 Jan 2027');
  });
});

describe('the expert profile', () => {
  it('sends what the expert declares with the version it started from', async () => {
    const saved = { sectors: ['buildings'], levers: [], languages: ['it', 'en'], countries: ['IT'], weeklyCapacity: 3, conflictCityIds: [], bio: '', version: 2 };
    const api = mockApi({
      'GET /api/session': { body: expertSession() },
      'GET /api/me/expert-profile': { body: saved },
      'PUT /api/me/expert-profile': ({ body }) => ({ body: { ...(body as object), version: 3 } }),
    });
    const { user } = renderPage(<ExpertProfilePage />, { path: '/account/expert-profile' });
    await user.click(await screen.findByRole('checkbox', { name: t('sectors.energy') }));
    await user.click(screen.getByRole('checkbox', { name: t('library.levers.finance-funding') }));
    const capacity = screen.getByRole('textbox', { name: named(t('support.profile.capacity')) });
    await user.clear(capacity);
    await user.type(capacity, '5');
    await user.click(screen.getByRole('button', { name: t('support.profile.save') }));
    await waitFor(() =>
      expect(api.sent()).toEqual([
        {
          method: 'PUT',
          path: '/api/me/expert-profile',
          body: { sectors: ['buildings', 'energy'], levers: ['finance-funding'], languages: ['it', 'en'], countries: ['IT'], weeklyCapacity: 5, conflictCityIds: [], bio: '', version: 2 },
        },
      ]),
    );
    expect(await screen.findByText(t('support.profile.saved'))).toBeInTheDocument();
  });
});
