import { reason as why } from '../../../shared/reason-texts.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18next } from '../../lib/i18n.ts';
import { APPLICATION_ID, application, call, evaluation, sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { EvaluationPage } from './evaluation.page.tsx';

const t = i18next.t;
const evaluationPath = `/api/applications/${APPLICATION_ID}/evaluation`;

function setUp(routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    'GET /api/session': { body: sessionOf([{ role: 'evaluator', cityId: null, cityName: null, primaryContact: false }]) },
    [`GET ${evaluationPath}`]: { body: evaluation() },
    [`GET /api/applications/${APPLICATION_ID}`]: { body: application({ status: 'submitted', answers: { motivation: 'We retrofit schools.' } }) },
    'GET /api/programmes/gsv-2027/calls/host': { body: call({ state: 'closed', questions: [{ id: 'motivation', type: 'long_text', label: 'Why do you want to host?', help: '', required: true, options: [] }] }) },
    'GET /api/evaluations': { body: { items: [] } },
    ...routes,
  });
  const view = renderPage(<EvaluationPage />, { path: `/applications/${APPLICATION_ID}/evaluation`, pattern: '/applications/:id/evaluation' });
  return { api, ...view };
}

const relevance = () => screen.getByRole('radiogroup', { name: /Relevance/ });
const impact = () => screen.getByRole('textbox', { name: /Impact/ });

describe('the evaluation form', () => {
  it('saves the scores chosen and typed, and the comment, with the version loaded', async () => {
    const { api, user } = setUp({ [`PUT ${evaluationPath}`]: { body: evaluation({ version: 4, scores: { relevance: 4, impact: 15 }, comment: 'Strong plan.' }) } });
    expect(await screen.findByText('We retrofit schools.')).toBeInTheDocument();
    await user.click(within(relevance()).getByRole('radio', { name: '4' }));
    await user.type(impact(), '15');
    await user.type(screen.getByRole('textbox', { name: t('review.evaluate.comment') }), 'Strong plan.');
    await user.click(screen.getByRole('button', { name: t('review.evaluate.save') }));

    expect(await screen.findByText(t('review.evaluate.savedNotice'))).toBeInTheDocument();
    expect(api.sent()).toEqual([{ method: 'PUT', path: evaluationPath, body: { version: 3, scores: { relevance: 4, impact: 15 }, comment: 'Strong plan.' } }]);
  });

  it('asks for every score before submitting and moves focus to the first one missing', async () => {
    const { api, user } = setUp();
    await screen.findByText('We retrofit schools.');
    await user.type(impact(), '12');
    await user.click(screen.getByRole('button', { name: t('review.evaluate.submit') }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: t('review.evaluate.submitConfirm') }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(relevance()).getByRole('radio', { name: '0' })).toHaveFocus();
    expect(screen.getByText(t('review.evaluate.scoreMissing'))).toBeInTheDocument();
    expect(impact()).not.toHaveAttribute('aria-invalid');
    expect(api.sent()).toEqual([]);

    // Choosing a score takes the message away.
    await user.click(within(relevance()).getByRole('radio', { name: '2' }));
    expect(screen.queryByText(t('review.evaluate.scoreMissing'))).toBeNull();
  });

  it('submits a complete evaluation through its own endpoint', async () => {
    const { api, user } = setUp({ [`POST ${evaluationPath}/submit`]: { body: evaluation({ version: 4, status: 'submitted', scores: { relevance: 5, impact: 20 } }) } });
    await screen.findByText('We retrofit schools.');
    await user.click(within(relevance()).getByRole('radio', { name: '5' }));
    await user.type(impact(), '20');
    await user.click(screen.getByRole('button', { name: t('review.evaluate.submit') }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: t('review.evaluate.submitConfirm') }));

    expect(await screen.findByText(t('review.evaluate.submittedNotice'))).toBeInTheDocument();
    expect(api.sent()).toEqual([{ method: 'POST', path: `${evaluationPath}/submit`, body: { version: 3, scores: { relevance: 5, impact: 20 }, comment: '' } }]);
  });

  it('puts the server’s field error on its criterion', async () => {
    const { user } = setUp({ [`PUT ${evaluationPath}`]: problem(400, 'VALIDATION_FAILED', [{ field: 'body.scores.impact', message: 'Impact is scored up to 20.' }]) });
    await screen.findByText('We retrofit schools.');
    await user.type(impact(), '7');
    await user.click(screen.getByRole('button', { name: t('review.evaluate.save') }));

    await waitFor(() => expect(impact()).toHaveAccessibleDescription(expect.stringContaining('Impact is scored up to 20.')));
    expect(impact()).toHaveFocus();
  });

  it('explains a reason too short for a conflict in the person’s words, not the schema’s', async () => {
    const { api, user } = setUp();
    await screen.findByText('We retrofit schools.');
    await user.click(screen.getByRole('button', { name: t('review.evaluate.declareConflict') }));
    const dialog = await screen.findByRole('dialog');
    const reason = within(dialog).getByRole('textbox', { name: new RegExp(t('review.evaluate.conflictReason')) });
    await user.type(reason, 'ab');
    await user.click(within(dialog).getByRole('button', { name: t('review.evaluate.conflictConfirm') }));

    expect(reason).toHaveAccessibleDescription(expect.stringContaining(reasonText(why('TEXT_TOO_SHORT', { min: 3 }))));
    expect(within(dialog).queryByText(/Say briefly why/)).toBeNull();
    expect(reason).toHaveFocus();
    expect(api.sent()).toEqual([]);
  });
});

describe('an evaluation draft saves itself (issue 17, decision 0019)', () => {
  it('after a pause in typing, then the evaluator’s own save carries the version the autosave answered', async () => {
    const { api, user } = setUp({
      [`PUT ${evaluationPath}`]: ({ body }) => {
        const sent = body as { version: number; scores: Record<string, number>; comment: string };
        return { body: evaluation({ version: sent.version + 1, scores: sent.scores, comment: sent.comment }) };
      },
    });
    await screen.findByText('We retrofit schools.');
    const comment = screen.getByRole('textbox', { name: t('review.evaluate.comment') });
    await user.type(comment, 'Clear plan');
    await waitFor(() => expect(screen.getByText(/^Draft saved at \d{2}:\d{2}/)).toBeInTheDocument(), { timeout: 8000 });
    await user.type(comment, '.');
    await user.click(screen.getByRole('button', { name: t('review.evaluate.save') }));
    expect(await screen.findByText(t('review.evaluate.savedNotice'))).toBeInTheDocument();
    expect(api.sent().map((r) => r.body)).toEqual([
      { version: 3, scores: {}, comment: 'Clear plan' },
      { version: 4, scores: {}, comment: 'Clear plan.' },
    ]);
  }, 30_000);
});
