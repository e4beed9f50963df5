import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyWork, WorkItem } from '../../../shared/work.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { StartPage } from './start.page.tsx';

const t = i18next.t;

const item = (overrides: Partial<WorkItem>): WorkItem => ({
  key: 'k',
  label: { code: 'WORK_HOST_APPLICATIONS_TO_ASSIGN', params: { programme: 'GSV 2027' } },
  count: null,
  date: null,
  dateMeaning: null,
  urgency: 'later',
  status: null,
  link: '/programmes/gsv-2027/calls/host/evaluation',
  ...overrides,
});

const work: MyWork = {
  sections: [
    {
      kind: 'applications_to_assign',
      role: 'programme_manager',
      items: [item({ key: 'to-assign:1', count: 3, date: '2027-01-14T22:59:59.000Z', dateMeaning: 'due', urgency: 'overdue' })],
      total: 1,
      link: null,
    },
    {
      kind: 'evaluations_to_do',
      role: 'evaluator',
      items: [item({ key: 'evaluation:1', label: { code: 'WORK_EVALUATE_HOST_APPLICATION', params: { city: 'Lahti', programme: 'GSV 2027' } }, link: '/applications/1/evaluation' })],
      total: 25,
      link: '/evaluations',
    },
    { kind: 'calls_closing', role: 'programme_manager', items: [], total: 0, link: null },
  ],
};

describe('the start page', () => {
  it('shows each queue with its items in the server’s order, what they count, when and how urgent, and the quiet queues after', async () => {
    mockApi({ 'GET /api/me/work': { body: work } });
    renderPage(<StartPage />);
    const toAssign = await screen.findByRole('region', { name: t('start.sections.applications_to_assign') });
    const link = within(toAssign).getByRole('link', { name: 'Host call of GSV 2027: applications without enough evaluators' });
    expect(link).toHaveAttribute('href', '/programmes/gsv-2027/calls/host/evaluation');
    expect(within(toAssign).getByText('3 applications')).toBeInTheDocument();
    expect(within(toAssign).getByText('Due 14 Jan 2027, 23:59')).toBeInTheDocument();
    expect(within(toAssign).getByText(t('start.urgency.overdue'))).toBeInTheDocument();

    const evaluations = screen.getByRole('region', { name: t('start.sections.evaluations_to_do') });
    expect(within(evaluations).getByRole('link', { name: 'Evaluate Lahti (host call of GSV 2027)' })).toBeInTheDocument();
    expect(within(evaluations).getByText(t('start.more', { shown: 1, total: 25 }))).toBeInTheDocument();
    expect(within(evaluations).getByRole('link', { name: t('start.seeAll', { total: 25 }) })).toHaveAttribute('href', '/evaluations');

    const closing = screen.getByRole('region', { name: t('start.sections.calls_closing') });
    expect(within(closing).getByText(t('start.sectionEmpty'))).toBeInTheDocument();
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'))).toEqual(['work-applications_to_assign', 'work-evaluations_to_do', 'work-calls_closing']);
    expect(screen.queryByText(t('start.nothingTitle'))).not.toBeInTheDocument();
  });

  it('says when nothing needs the person, and where an expert’s requests will arrive', async () => {
    mockApi({ 'GET /api/me/work': { body: { sections: [{ kind: 'support_requests', role: 'expert', items: [], total: 0, link: null }] } } });
    renderPage(<StartPage />);
    expect(await screen.findByText(t('start.nothingTitle'))).toBeInTheDocument();
    expect(screen.getByText(t('start.supportRequestsEmpty'))).toBeInTheDocument();
  });

  it('keeps its title when the queues cannot be loaded', async () => {
    mockApi({ 'GET /api/me/work': problem(503, 'SERVICE_UNAVAILABLE') });
    renderPage(<StartPage />);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: t('start.title') })).toBeInTheDocument();
  });
});
