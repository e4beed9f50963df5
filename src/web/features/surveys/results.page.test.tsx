import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SegmentComparison, Survey, SurveyResults } from '../../../shared/survey.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { SurveyResultsPage } from './results.page.tsx';
import '../../locales/lazy/survey-results.strings.ts';

const t = i18next.t;
const ID = '99999999-9999-4999-8999-999999999999';
const managerSession = () => sessionOf([{ role: 'programme_manager', cityId: null, cityName: null, primaryContact: false }]);

const survey = (overrides: Partial<Survey> = {}): Survey => ({
  id: ID,
  title: 'What support does your city need?',
  state: 'open',
  template: 'support-needs',
  audience: { kind: 'aspiring-cities' },
  respondent: 'city',
  anonymous: false,
  opensOn: '2026-12-01',
  closesOn: '2026-12-29',
  invited: 10,
  responses: 4,
  updatedAt: '2026-12-01T08:00:00.000Z',
  description: '',
  programmeId: null,
  version: 2,
  sentAt: '2026-12-01T08:00:00.000Z',
  hasResponses: true,
  definition: {
    sections: [
      {
        id: 'main',
        title: 'Exchange with other cities',
        questions: [
          { id: 'formats', type: 'multiple', required: true, text: 'Which ways of learning suit your city?', options: [{ value: 'visits', label: 'Study visits' }, { value: 'groups', label: 'Discussion groups' }] },
          { id: 'interest', type: 'rating', scale: '1-5', required: true, text: 'How much does your city want to exchange?' },
          { id: 'skills', type: 'matrix', scale: '1-5', required: false, text: 'How strong is your team?', items: [{ value: 'finance', label: 'Finance' }, { value: 'data', label: 'Data' }] },
          { id: 'order', type: 'ranking', required: false, text: 'Put these in order', options: [{ value: 'a', label: 'Webinars' }, { value: 'b', label: 'Expert support' }] },
          { id: 'barriers', type: 'long-text', required: false, text: 'What holds your city back?' },
        ],
      },
    ],
  },
  ...overrides,
});

const results = (overrides: Partial<SurveyResults> = {}): SurveyResults => ({
  surveyId: ID,
  responses: 4,
  invited: 10,
  suppressed: false,
  questions: [
    {
      questionId: 'formats',
      type: 'multiple',
      text: 'Which ways of learning suit your city?',
      answered: 4,
      counts: [
        { value: 'visits', label: 'Study visits', count: 3, percent: 75 },
        { value: 'groups', label: 'Discussion groups', count: 2, percent: 50 },
      ],
    },
    { questionId: 'interest', type: 'rating', text: 'How much does your city want to exchange?', answered: 4, mean: 4.25, distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 4 ? 3 : value === 5 ? 1 : 0 })) },
    {
      questionId: 'skills',
      type: 'matrix',
      text: 'How strong is your team?',
      answered: 2,
      matrix: [
        { item: 'finance', label: 'Finance', counts: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 2 ? 2 : 0 })), mean: 2 },
        { item: 'data', label: 'Data', counts: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 5 ? 1 : value === 4 ? 1 : 0 })), mean: 4.5 },
      ],
    },
    {
      questionId: 'order',
      type: 'ranking',
      text: 'Put these in order',
      answered: 2,
      ranks: [
        { value: 'a', label: 'Webinars', averageRank: 1.5, count: 2 },
        { value: 'b', label: 'Expert support', averageRank: 1.5, count: 2 },
      ],
    },
    { questionId: 'barriers', type: 'long-text', text: 'What holds your city back?', answered: 1 },
  ],
  ...overrides,
});

const segments = (by: SegmentComparison['by'], list: SegmentComparison['segments']): SegmentComparison => ({ by, segments: list });
const COUNTRIES = segments('country', [
  { value: 'FI', label: 'Finland', invited: 4, responses: 3, responseRate: 75, suppressed: false },
  { value: 'PL', label: 'Poland', invited: 6, responses: 1, responseRate: 16.7, suppressed: false },
]);
const PROGRAMMES = segments('programme', [{ value: 'unknown', label: 'No programme', invited: 10, responses: 4, responseRate: 40, suppressed: false }]);
const TEXTS = { items: [{ text: 'Not enough staff for travel.', submittedOn: '2026-12-03', city: 'Lahti' }], total: 1, page: 1, pageSize: 10 };

const base = (extra: Record<string, { body?: unknown; status?: number }> = {}) =>
  mockApi({
    'GET /api/session': { body: managerSession() },
    [`GET /api/surveys/${ID}`]: { body: survey() },
    [`GET /api/surveys/${ID}/results`]: { body: results() },
    [`GET /api/surveys/${ID}/segments?by=country`]: { body: COUNTRIES },
    [`GET /api/surveys/${ID}/segments?by=programme`]: { body: PROGRAMMES },
    [`GET /api/surveys/${ID}/questions/barriers/text-answers?pageSize=10`]: { body: TEXTS },
    ...extra,
  });

const renderResults = (search = '') => renderPage(<SurveyResultsPage />, { path: `/surveys/${ID}/results${search}`, pattern: '/surveys/:id/results' });

describe('the survey results page', () => {
  it('shows the counts with each chart’s table beside it, the mean, the heat table, the ranks and the text answers', async () => {
    base();
    renderResults();
    await screen.findByRole('heading', { level: 1, name: t('surveyResults.title', { title: 'What support does your city need?' }) });
    expect(await screen.findByText('4 answers from 10 invited')).toBeInTheDocument();
    expect(screen.getByText('Response rate: 40 %')).toBeInTheDocument();

    // The multiple choice: a chart (an image named by the question) and its table, counted per option.
    const formats = screen.getByRole('table', { name: 'Which ways of learning suit your city?' });
    const visits = within(formats).getByRole('row', { name: /Study visits/ });
    expect(within(visits).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3 answers', '75 %']);
    expect(screen.getByRole('img', { name: /Which ways of learning suit your city\?/ })).toBeInTheDocument();
    expect(screen.getByText(t('surveyResults.multipleNote'))).toBeInTheDocument();

    expect(screen.getByText('Mean: 4.25')).toBeInTheDocument();
    const matrix = screen.getByRole('table', { name: t('surveyResults.matrixTable', { question: 'How strong is your team?' }) });
    const finance = within(matrix).getByRole('row', { name: /Finance/ });
    expect(within(finance).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '2', '0', '0', '0', '2']);
    const ranks = screen.getByRole('table', { name: 'Put these in order' });
    expect(within(ranks).getByRole('row', { name: /Webinars/ })).toHaveTextContent('average rank 1.5');

    const texts = await screen.findByRole('list', { name: t('surveyResults.textList', { question: 'What holds your city back?' }) });
    expect(within(texts).getByText('Not enough staff for travel.')).toBeInTheDocument();
    expect(within(texts).getByText(/Lahti/)).toBeInTheDocument();

    expect(screen.getByRole('link', { name: t('surveyResults.xlsx') })).toHaveAttribute('href', `/api/surveys/${ID}/export?format=xlsx`);
  });

  it('has no axe violations with every kind of chart, the segments table and the text list', async () => {
    base();
    const { user } = renderResults();
    await screen.findByText('4 answers from 10 invited');
    await user.selectOptions(screen.getByRole('combobox', { name: t('surveyResults.compareBy') }), t('surveyResults.by.country'));
    await screen.findByRole('table', { name: t('surveyResults.segmentsTable', { by: 'country' }) });
    await screen.findByText('Not enough staff for travel.');
    // Colour contrast needs a layout, which jsdom has not, and the page is rendered without the app's
    // layout (its <main> landmark): the e2e suite checks both in Chromium.
    const found = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('searches the text answers once typing pauses', async () => {
    const api = base({ [`GET /api/surveys/${ID}/questions/barriers/text-answers?q=budget&pageSize=10`]: { body: { items: [], total: 0, page: 1, pageSize: 10 } } });
    const { user } = renderResults();
    await screen.findByText('Not enough staff for travel.');
    await user.type(screen.getByRole('searchbox', { name: t('surveyResults.textSearch') }), 'budget');
    expect(await screen.findByText(t('surveyResults.textNone'))).toBeInTheDocument();
    const searches = api.requested().filter((r) => r.includes('text-answers?q='));
    expect(searches).toEqual([`GET /api/surveys/${ID}/questions/barriers/text-answers?q=budget&pageSize=10`]);
  });

  it('asks again when a filter changes, keeps it in the address and in the downloads', async () => {
    const api = base({
      [`GET /api/surveys/${ID}/results?country=FI`]: { body: results({ responses: 3, invited: 4 }) },
      [`GET /api/surveys/${ID}/questions/barriers/text-answers?country=FI&pageSize=10`]: { body: TEXTS },
    });
    const { user, router } = renderResults();
    expect(await screen.findByText('4 answers from 10 invited')).toBeInTheDocument();
    await user.selectOptions(await screen.findByRole('combobox', { name: t('surveyResults.country') }), await screen.findByRole('option', { name: 'Finland' }));
    await waitFor(() => expect(api.requested()).toContain(`GET /api/surveys/${ID}/results?country=FI`));
    expect(await screen.findByText('3 answers from 4 invited')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?country=FI');
    expect(screen.getByRole('link', { name: t('surveyResults.csv') })).toHaveAttribute('href', `/api/surveys/${ID}/export?format=csv&country=FI`);
  });

  it('compares segments with their response rates', async () => {
    base();
    const { user } = renderResults();
    await screen.findByText('4 answers from 10 invited');
    await user.selectOptions(screen.getByRole('combobox', { name: t('surveyResults.compareBy') }), t('surveyResults.by.country'));
    const table = await screen.findByRole('table', { name: t('surveyResults.segmentsTable', { by: 'country' }) });
    const poland = within(table).getByRole('row', { name: /Poland/ });
    expect(within(poland).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6', '1', '16.7 %']);
  });

  it('says in words that a small anonymous selection is hidden, with no charts and no downloads', async () => {
    base({
      [`GET /api/surveys/${ID}`]: { body: survey({ anonymous: true }) },
      [`GET /api/surveys/${ID}/results?country=PL`]: { body: results({ responses: 0, invited: 6, suppressed: true, questions: [] }) },
    });
    renderResults('?country=PL');
    expect(await screen.findByText(t('surveyResults.suppressed'))).toBeInTheDocument();
    expect(screen.getByText('Fewer than 5 answers in this selection: results are hidden to protect anonymity.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('link', { name: t('surveyResults.xlsx') })).toBeNull();
  });

  it('shows an empty state before the first answer', async () => {
    base({ [`GET /api/surveys/${ID}/results`]: { body: results({ responses: 0, questions: [] }) } });
    renderResults();
    expect(await screen.findByText(t('surveyResults.empty'))).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
