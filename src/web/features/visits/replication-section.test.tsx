import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ReplicationPlan, Visit } from '../../../shared/visit.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { CITY_ID, representative } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { ReplicationSection } from './replication-section.tsx';

const t = i18next.t;
const VISIT_ID = '66666666-6666-4666-8666-666666666666';
const PLAN_ID = '77777777-7777-4777-8777-777777777777';

// Only what the section reads of a visit.
const visit = { id: VISIT_ID, host: { slug: 'graz', name: 'Graz' }, visitors: [{ id: CITY_ID, name: 'Valencia' }], viewer: { canPlan: false, visitingCityIds: [CITY_ID], isHost: false } } as unknown as Visit;

const plan = (updates: z.input<typeof ReplicationPlan>['updates'] = []): z.input<typeof ReplicationPlan> => ({
  id: PLAN_ID,
  visitId: VISIT_ID,
  cityId: CITY_ID,
  cityName: 'Valencia',
  solutionId: null,
  solutionTitle: null,
  title: 'Heat pumps in schools',
  steps: [],
  owner: '',
  targetDate: null,
  updates,
  status: updates.at(-1)?.status ?? 'in_progress',
});

describe('a replication update (issue 17)', () => {
  it('says, in a status region, that the update is saved, and gives focus back to the button that opened the form', async () => {
    let saved = false;
    const api = mockApi({
      'GET /api/session': { body: representative() },
      [`GET /api/visits/${VISIT_ID}/replication-plans`]: () => ({ body: { items: [saved ? plan([{ checkpoint: 3, status: 'done', evidenceText: 'Approved.', evidenceUrl: null, createdAt: '2027-06-01T10:00:00Z' }]) : plan()] } }),
      'GET /api/cities/graz/solutions': { body: { items: [] } },
      [`PUT /api/replication-plans/${PLAN_ID}/updates`]: () => {
        saved = true;
        return { body: plan([{ checkpoint: 3, status: 'done', evidenceText: 'Approved.', evidenceUrl: null, createdAt: '2027-06-01T10:00:00Z' }]) };
      },
    });
    const { user } = renderPage(<ReplicationSection visit={visit} />);
    const open = await screen.findByRole('button', { name: t('visits.replication.addUpdateFor', { city: 'Valencia', title: 'Heat pumps in schools' }) });
    await user.click(open);
    const form = screen.getByRole('form', { name: t('visits.replication.updateFormLabel', { city: 'Valencia' }) });
    await user.selectOptions(within(form).getByLabelText(new RegExp(t('visits.replication.status'))), 'done');
    await user.type(within(form).getByLabelText(t('visits.replication.evidenceText')), 'Approved.');
    await user.click(within(form).getByRole('button', { name: t('visits.replication.saveUpdate') }));

    const plans = screen.getByRole('article', { name: /Valencia: Heat pumps/ });
    await waitFor(() => expect(within(plans).getByRole('status')).toHaveTextContent('Update saved: 3 months, done.'));
    expect(screen.getByRole('button', { name: t('visits.replication.addUpdateFor', { city: 'Valencia', title: 'Heat pumps in schools' }) })).toHaveFocus();
    expect(api.sent()).toEqual([{ method: 'PUT', path: `/api/replication-plans/${PLAN_ID}/updates`, body: { checkpoint: 3, status: 'done', evidenceText: 'Approved.', evidenceUrl: null } }]);
  });
});
