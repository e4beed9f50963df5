import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reason } from '../../../shared/reason-texts.ts';
import { i18next } from '../../lib/i18n.ts';
import { APPLICATION_ID, call, sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { EvaluationOverviewPage } from './evaluation-overview.page.tsx';

const t = i18next.t;
const JAN = '55555555-5555-4555-8555-555555555555';
const INGRID = '66666666-6666-4666-8666-666666666666';

describe('the evaluation overview', () => {
  it('flags an evaluator who has since become a representative of the applicant city, in words', async () => {
    mockApi({
      'GET /api/session': { body: sessionOf([{ role: 'programme_manager', cityId: null, cityName: null, primaryContact: false }]) },
      'GET /api/programmes/gsv-2027/calls/host': { body: call({ state: 'closed' }) },
      'GET /api/programmes/gsv-2027/calls/host/evaluation': {
        body: {
          criteria: [],
          evaluators: [
            { id: JAN, name: 'Jan Kowalski', assigned: 1, submitted: 0, conflicts: 0 },
            { id: INGRID, name: 'Ingrid Hansen', assigned: 1, submitted: 0, conflicts: 0 },
          ],
          applications: [
            {
              applicationId: APPLICATION_ID,
              cityName: 'Valencia',
              cityCountry: 'ES',
              evaluators: [
                { id: JAN, name: 'Jan Kowalski', status: 'draft', total: null, conflictOfInterest: reason('EVALUATOR_REPRESENTS_CITY') },
                { id: INGRID, name: 'Ingrid Hansen', status: null, total: null, conflictOfInterest: null },
              ],
              score: null,
              spread: null,
              rank: null,
              tiedWith: [],
              byCriterion: {},
            },
          ],
        },
      },
    });
    renderPage(<EvaluationOverviewPage />, { path: '/programmes/gsv-2027/calls/host/evaluation', pattern: '/programmes/:slug/calls/:kind/evaluation' });
    expect(await screen.findByText(t('review.overview.conflictOfInterest'))).toBeInTheDocument();
    expect(screen.getAllByText(t('review.overview.conflictOfInterest'))).toHaveLength(1);
    expect(screen.getByText('Jan Kowalski: The evaluator represents the applicant city.')).toBeInTheDocument();
  });
});
