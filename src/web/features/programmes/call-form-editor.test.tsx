import { reason } from '../../../shared/reason-texts.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18next } from '../../lib/i18n.ts';
import { call, sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { CallFormEditor } from './call-form-editor.tsx';

const t = i18next.t;
const callPath = '/api/programmes/gsv-2027/calls/host';

const loaded = call({
  state: 'upcoming',
  questions: [{ id: 'motivation', type: 'long_text', label: 'Why do you want to host?', help: '', required: true, options: [] }],
  criteria: [{ id: 'relevance', name: 'Relevance', weight: 2, scaleMax: 5 }],
});

function setUp(routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({ 'GET /api/session': { body: sessionOf([{ role: 'programme_manager', cityId: null, cityName: null, primaryContact: false }]) }, ...routes });
  const view = renderPage(<CallFormEditor call={loaded} />);
  return { api, ...view };
}

const question = (n: number) => screen.getByRole('group', { name: t('programmes.editor.questionN', { n }) });
const criterion = (n: number) => screen.getByRole('group', { name: t('programmes.editor.criterionN', { n }) });
const input = (scope: HTMLElement, label: string) => within(scope).getByRole('textbox', { name: new RegExp(`^${label}`) });

describe('the call form editor', () => {
  it('sends the whole form: edited questions, a new choice question with its options, the criteria and the version', async () => {
    const { api, user } = setUp({ [`PUT ${callPath}`]: ({ body }) => ({ body: { ...loaded, ...(body as object), version: 5 } }) });
    await user.clear(input(question(1), t('programmes.editor.label')));
    await user.type(input(question(1), t('programmes.editor.label')), 'Why host?');
    await user.click(screen.getByRole('button', { name: t('programmes.editor.addQuestion') }));
    await user.type(input(question(2), t('programmes.editor.label')), 'Main sector');
    await user.selectOptions(within(question(2)).getByRole('combobox', { name: t('programmes.editor.type') }), 'single_choice');
    await user.type(input(question(2), t('programmes.editor.options')), 'Energy{Enter}Mobility');
    await user.click(within(question(2)).getByRole('checkbox', { name: t('programmes.editor.required') }));
    await user.click(screen.getByRole('button', { name: t('programmes.editor.save') }));

    expect(await screen.findByText(t('programmes.editor.saved'))).toBeInTheDocument();
    expect(api.sent()).toEqual([
      {
        method: 'PUT',
        path: callPath,
        body: {
          version: 4,
          questions: [
            { id: 'motivation', type: 'long_text', label: 'Why host?', help: '', required: true, options: [] },
            { id: 'question_2', type: 'single_choice', label: 'Main sector', help: '', required: true, options: ['Energy', 'Mobility'] },
          ],
          criteria: [{ id: 'relevance', name: 'Relevance', weight: 2, scaleMax: 5 }],
        },
      },
    ]);
  });

  it('checks before sending, in the person’s words, and focuses the first field to fix', async () => {
    const { api, user } = setUp();
    await user.clear(input(question(1), t('programmes.editor.label')));
    await user.click(screen.getByRole('button', { name: t('programmes.editor.addQuestion') }));
    await user.type(input(question(2), t('programmes.editor.label')), 'Main sector');
    await user.selectOptions(within(question(2)).getByRole('combobox', { name: t('programmes.editor.type') }), 'multiple_choice');
    await user.type(input(question(2), t('programmes.editor.options')), 'Only one');
    await user.click(screen.getByRole('button', { name: t('programmes.editor.save') }));

    const label = input(question(1), t('programmes.editor.label'));
    expect(label).toHaveFocus();
    expect(label).toHaveAccessibleDescription(reasonText(reason('FIELD_REQUIRED')));
    // The schema's rule for choices (two options at least) lands on the options box.
    expect(input(question(2), t('programmes.editor.options'))).toHaveAccessibleDescription(expect.stringContaining(reasonText(reason('CHOICE_OPTIONS_TOO_FEW'))));
    expect(screen.queryByText(/Too small|Invalid input/)).toBeNull();
    expect(api.sent()).toEqual([]);

    await user.type(label, 'Why host?');
    expect(label).not.toHaveAttribute('aria-invalid');
  });

  it('puts the server’s field errors on the right criterion and explains a stale form', async () => {
    const { user } = setUp({
      [`PUT ${callPath}`]: problem(400, 'VALIDATION_FAILED', [{ field: 'body.criteria.0.weight', message: 'The weights must add up to 10 at most.' }]),
    });
    await user.click(screen.getByRole('button', { name: t('programmes.editor.save') }));
    const weight = input(criterion(1), t('programmes.editor.weight'));
    await waitFor(() => expect(weight).toHaveAccessibleDescription('The weights must add up to 10 at most.'));
    expect(weight).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent(t('errors.codes.VALIDATION_FAILED'));
  });

  it('says the form changed elsewhere when the server answers 409', async () => {
    const { user } = setUp({ [`PUT ${callPath}`]: problem(409, 'CONFLICT') });
    await user.click(screen.getByRole('button', { name: t('programmes.editor.save') }));
    expect(await screen.findByText(t('programmes.editor.conflict'))).toBeInTheDocument();
  });
});
