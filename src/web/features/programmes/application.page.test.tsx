import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Question, WithdrawalPreview } from '../../../shared/programme.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { i18next } from '../../lib/i18n.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { APPLICATION_ID, application, call, programme, representative } from '../../test-support/fixtures.ts';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { ApplicationPage } from './application.page.tsx';

const t = i18next.t;

const questions: Question[] = [
  { id: 'motivation', type: 'long_text', label: 'Why do you want to host?', help: '', required: true, options: [], maxLength: 40 },
  { id: 'focus', type: 'single_choice', label: 'Main sector', help: '', required: true, options: ['Energy', 'Mobility'] },
  { id: 'notes', type: 'text', label: 'Anything else', help: '', required: false, options: [] },
];

async function setUp(routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    'GET /api/session': { body: representative() },
    [`GET /api/applications/${APPLICATION_ID}`]: { body: application() },
    'GET /api/programmes/gsv-2027/calls/host': { body: call({ questions }) },
    'GET /api/programmes/gsv-2027': { body: programme() },
    ...routes,
  });
  const view = renderPage(<ApplicationPage />, { path: `/applications/${APPLICATION_ID}`, pattern: '/applications/:id' });
  // Editable once the session says who is signed in.
  await screen.findByRole('button', { name: t('programmes.application.saveDraft') });
  return { api, ...view };
}

const field = (label: string) => screen.getByRole('textbox', { name: new RegExp(label) });

describe('preferred dates in the application form (issue 17)', () => {
  const withDates: Question[] = [{ id: 'dates', type: 'preferred_dates', label: 'Dates that suit you', help: '', required: false, options: [] }];
  const dateRoutes = { 'GET /api/programmes/gsv-2027/calls/host': { body: call({ questions: withDates }) } };
  const addDate = () => screen.getByRole('button', { name: t('programmes.answer.addDate') });
  const dateInput = (n: number) => screen.getByLabelText(t('programmes.answer.dateN', { n }));

  it('after "Remove" puts focus on the next row, and on "Add date" when none remain', async () => {
    const { user } = await setUp(dateRoutes);
    await user.click(addDate());
    await user.click(addDate());
    fireEvent.change(dateInput(1), { target: { value: '2027-05-10' } });
    fireEvent.change(dateInput(2), { target: { value: '2027-05-20' } });
    await user.click(screen.getByRole('button', { name: t('programmes.answer.removeDateN', { n: 1 }) }));
    expect(dateInput(1)).toHaveValue('2027-05-20');
    expect(dateInput(1)).toHaveFocus();
    await user.click(screen.getByRole('button', { name: t('programmes.answer.removeDateN', { n: 1 }) }));
    expect(addDate()).toHaveFocus();
  });

  it('saves a draft with an empty date row left out, and says it saved', async () => {
    const { api, user } = await setUp({
      ...dateRoutes,
      [`PATCH /api/applications/${APPLICATION_ID}`]: ({ body }) => ({ body: application({ version: 8, answers: (body as { answers: Record<string, string[]> }).answers }) }),
    });
    await user.click(addDate());
    await user.click(addDate());
    fireEvent.change(dateInput(1), { target: { value: '2027-05-10' } });
    await user.click(screen.getByRole('button', { name: t('programmes.application.saveDraft') }));
    expect(await screen.findByText(t('programmes.application.draftSaved'))).toBeInTheDocument();
    expect(api.sent()).toEqual([{ method: 'PATCH', path: `/api/applications/${APPLICATION_ID}`, body: { version: 7, answers: { dates: ['2027-05-10'] } } }]);
  });
});

describe('the application form', () => {
  it('asks for the call and the programme only once the application says which (no `/api/programmes//calls/host`)', async () => {
    const { api } = await setUp();
    expect(api.requested().filter((r) => r.includes('//'))).toEqual([]);
    expect(api.requested()).toContain('GET /api/programmes/gsv-2027/calls/host');
  });

  it('saves what was typed and chosen, with the version it was loaded at', async () => {
    const { api, user } = await setUp({
      [`PATCH /api/applications/${APPLICATION_ID}`]: ({ body }) => ({ body: application({ version: 8, answers: (body as { answers: Record<string, string> }).answers }) }),
    });
    await user.type(await screen.findByRole('textbox', { name: /Why do you want to host/ }), 'We retrofit schools.');
    await user.click(screen.getByRole('radio', { name: 'Mobility' }));
    await user.type(field('Anything else'), 'x');
    await user.clear(field('Anything else'));
    await user.click(screen.getByRole('button', { name: t('programmes.application.saveDraft') }));

    expect(await screen.findByText(t('programmes.application.draftSaved'))).toBeInTheDocument();
    // An answer typed and then emptied is no answer.
    expect(api.sent()).toEqual([
      { method: 'PATCH', path: `/api/applications/${APPLICATION_ID}`, body: { version: 7, answers: { motivation: 'We retrofit schools.', focus: 'Mobility' } } },
    ]);
  });

  it('says in the person’s words what is too long, focuses it and sends nothing', async () => {
    const { api, user } = await setUp();
    const motivation = await screen.findByRole('textbox', { name: /Why do you want to host/ });
    await user.type(motivation, 'A'.repeat(41));
    await user.click(screen.getByRole('button', { name: t('programmes.application.saveDraft') }));

    // The server's rule (domain/calls/answers.ts), in the person's words.
    expect(motivation).toHaveAccessibleDescription(expect.stringContaining(reasonText(reason('ANSWER_TOO_LONG', { max: 40, length: 41 }))));
    expect(motivation).toHaveFocus();
    expect(screen.queryByText(/Too big|expected string/)).toBeNull();
    expect(api.sent()).toEqual([]);
  });

  it('asks for every required answer before submitting, starting with the first', async () => {
    const { api, user } = await setUp();
    const motivation = await screen.findByRole('textbox', { name: /Why do you want to host/ });
    await user.click(screen.getByRole('button', { name: t('programmes.application.submit') }));

    expect(motivation).toHaveFocus();
    const required = (label: string) => reasonText(reason('ANSWER_REQUIRED', { label }));
    expect(motivation).toHaveAccessibleDescription(expect.stringContaining(required('Why do you want to host?')));
    const sector = screen.getByRole('radiogroup', { name: /Main sector/ });
    expect(within(sector.closest('.mantine-InputWrapper-root') ?? sector).getByText(required('Main sector'))).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();

    // Editing an answer takes its message away.
    await user.type(motivation, 'Because.');
    expect(motivation).not.toHaveAccessibleDescription(expect.stringContaining(required('Why do you want to host?')));
    expect(api.sent()).toEqual([]);
  });

  it('saves unsaved answers, then submits with the version the save answered', async () => {
    const { api, user } = await setUp({
      [`PATCH /api/applications/${APPLICATION_ID}`]: ({ body }) => ({ body: application({ version: 8, answers: (body as { answers: Record<string, string> }).answers }) }),
      [`POST /api/applications/${APPLICATION_ID}/submit`]: { body: application({ version: 9, status: 'submitted', submittedAt: '2027-02-02T10:00:00Z' }) },
    });
    await user.type(await screen.findByRole('textbox', { name: /Why do you want to host/ }), 'Schools.');
    await user.click(screen.getByRole('radio', { name: 'Energy' }));
    await user.click(screen.getByRole('button', { name: t('programmes.application.submit') }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: t('programmes.application.submitConfirm') }));

    expect(await screen.findByText(t('programmes.application.submitted'))).toBeInTheDocument();
    expect(api.sent()).toEqual([
      { method: 'PATCH', path: `/api/applications/${APPLICATION_ID}`, body: { version: 7, answers: { motivation: 'Schools.', focus: 'Energy' } } },
      { method: 'POST', path: `/api/applications/${APPLICATION_ID}/submit`, body: { version: 8 } },
    ]);
  });

  it('shows the server’s field errors on their questions and the rest above the form', async () => {
    const { user } = await setUp({
      [`PATCH /api/applications/${APPLICATION_ID}`]: problem(400, 'VALIDATION_FAILED', [{ field: 'body.answers.notes', message: 'The server refuses this note.' }]),
    });
    await user.type(await screen.findByRole('textbox', { name: /Anything else/ }), 'Hello');
    await user.click(screen.getByRole('button', { name: t('programmes.application.saveDraft') }));

    const notes = field('Anything else');
    await waitFor(() => expect(notes).toHaveAccessibleDescription('The server refuses this note.'));
    expect(notes).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent(t('errors.codes.VALIDATION_FAILED'));
  });
});

describe('leaving the application form (issue 17)', () => {
  const unloadPrevented = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it('asks before leaving unsaved answers through a link: Stay keeps them, Leave goes', async () => {
    const { user, router } = await setUp();
    expect(unloadPrevented()).toBe(false);
    await user.type(field('Anything else'), 'Unsaved words');
    expect(unloadPrevented()).toBe(true);

    await act(() => router.navigate('/start'));
    const dialog = await screen.findByRole('dialog', { name: t('leaveWarning.title') });
    expect(dialog).toHaveTextContent(t('leaveWarning.message'));
    await user.click(within(dialog).getByRole('button', { name: t('leaveWarning.stay') }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(field('Anything else')).toHaveValue('Unsaved words');

    await act(() => router.navigate('/start'));
    await user.click(within(await screen.findByRole('dialog', { name: t('leaveWarning.title') })).getByRole('button', { name: t('leaveWarning.leave') }));
    expect(await screen.findByText('Elsewhere')).toBeInTheDocument();
    expect(unloadPrevented()).toBe(false);
  });

  it('lets the person go without asking once the answers are saved', async () => {
    const { user, router } = await setUp({
      [`PATCH /api/applications/${APPLICATION_ID}`]: ({ body }) => ({ body: application({ version: 8, answers: (body as { answers: Record<string, string> }).answers }) }),
    });
    await user.type(field('Anything else'), 'Saved words');
    await user.click(screen.getByRole('button', { name: t('programmes.application.saveDraft') }));
    await screen.findByText(t('programmes.application.draftSaved'));
    expect(unloadPrevented()).toBe(false);
    await act(() => router.navigate('/start'));
    expect(await screen.findByText('Elsewhere')).toBeInTheDocument();
  });
});

describe('the withdrawal confirmation says what will happen (issue 17)', () => {
  const preview = (p: Partial<WithdrawalPreview>): WithdrawalPreview => ({ case: 'before_decisions', outcome: null, promotesWaitlisted: false, leavesVisitTo: null, tellsProgrammeTeam: false, tellsHost: null, refusal: null, ...p });
  const selectedAfterDecisions = {
    [`GET /api/applications/${APPLICATION_ID}`]: { body: application({ status: 'selected', submittedAt: '2027-02-02T10:00:00Z' }) },
    'GET /api/programmes/gsv-2027/calls/host': { body: call({ questions, state: 'closed', decisionsPublishedAt: '2027-03-01T10:00:00Z' }) },
  };
  const openDialog = async (answer: WithdrawalPreview) => {
    mockApi({
      'GET /api/session': { body: representative() },
      'GET /api/programmes/gsv-2027': { body: programme() },
      ...selectedAfterDecisions,
      [`GET /api/applications/${APPLICATION_ID}/withdrawal`]: { body: answer },
    });
    const { user } = renderPage(<ApplicationPage />, { path: `/applications/${APPLICATION_ID}`, pattern: '/applications/:id' });
    await user.click(await screen.findByRole('button', { name: t('programmes.application.withdraw') }));
    return screen.findByRole('dialog', { name: t('programmes.application.withdrawTitle') });
  };

  it('after the matching: the city leaves its visit, nobody moves up, the host and the programme team are told', async () => {
    const dialog = await openDialog(preview({ case: 'programme_team', outcome: 'selected', leavesVisitTo: 'Graz', tellsProgrammeTeam: true, tellsHost: 'Graz' }));
    await waitFor(() => expect(dialog).toHaveTextContent('The study visits are already matched, so nobody moves up from the waiting list.'));
    expect(dialog).toHaveTextContent('Valencia is taken out of its study visit to Graz, with its delegates and travel. Graz and the programme team are told by email.');
    expect(within(dialog).getByRole('button', { name: t('programmes.application.withdrawConfirm') })).toBeEnabled();
  });

  it('before the matching: the first waitlisted city takes the place and is told', async () => {
    const dialog = await openDialog(preview({ case: 'promote', outcome: 'selected', promotesWaitlisted: true }));
    await waitFor(() => expect(dialog).toHaveTextContent('The first city on the waiting list takes it and is told by email.'));
  });

  it('says why it cannot be withdrawn and offers no confirm', async () => {
    const why = reason('WITHDRAWAL_VISIT_OVER', { city: 'Valencia', date: '2027-05-21' });
    const dialog = await openDialog(preview({ case: 'refused', refusal: why }));
    await waitFor(() => expect(dialog).toHaveTextContent(reasonText(why)));
    expect(within(dialog).getByRole('button', { name: t('programmes.application.withdrawConfirm') })).toBeDisabled();
  });
});

describe('a draft saves itself (issue 17, decision 0019)', () => {
  const saving = { timeout: 8000 };
  const statusLine = () => screen.getByText(/^Draft saved at|^Saving…|^Could not save the draft/);

  it('a few seconds after typing stops, with the version each save answered: a manual save then is not refused', async () => {
    const { api, user } = await setUp({
      [`PATCH /api/applications/${APPLICATION_ID}`]: ({ body }) => {
        const sent = body as { version: number; answers: Record<string, string> };
        return { body: application({ version: sent.version + 1, answers: sent.answers }) };
      },
    });
    await user.type(field('Anything else'), 'First');
    expect(api.sent()).toEqual([]);
    await waitFor(() => expect(api.sent()).toHaveLength(1), saving);
    await waitFor(() => expect(statusLine()).toHaveTextContent(/^Draft saved at \d{2}:\d{2}/));
    expect(statusLine()).toHaveAttribute('aria-live', 'polite');
    await user.type(field('Anything else'), ' and second');
    await waitFor(() => expect(api.sent()).toHaveLength(2), saving);
    await user.type(field('Anything else'), '!');
    await user.click(screen.getByRole('button', { name: t('programmes.application.saveDraft') }));
    expect(await screen.findByText(t('programmes.application.draftSaved'))).toBeInTheDocument();
    expect(api.sent().map((r) => r.body)).toEqual([
      { version: 7, answers: { notes: 'First' } },
      { version: 8, answers: { notes: 'First and second' } },
      { version: 9, answers: { notes: 'First and second!' } },
    ]);
  }, 30_000);

  it('says why a draft could not be saved, without moving the person', async () => {
    const why = reason('APPLICATION_CHANGED');
    const { user } = await setUp({ [`PATCH /api/applications/${APPLICATION_ID}`]: { ...problem(409, 'CONFLICT'), body: { ...problem(409, 'CONFLICT').body, reason: why } } });
    await user.type(field('Anything else'), 'Words');
    await waitFor(() => expect(statusLine()).toHaveTextContent(`Could not save the draft: ${reasonText(why)}`), saving);
    expect(field('Anything else')).toHaveFocus();
  }, 30_000);

  it('never once the application is submitted', async () => {
    const api = mockApi({
      'GET /api/session': { body: representative() },
      [`GET /api/applications/${APPLICATION_ID}`]: { body: application({ status: 'submitted', submittedAt: '2027-02-02T10:00:00Z' }) },
      'GET /api/programmes/gsv-2027/calls/host': { body: call({ questions }) },
      'GET /api/programmes/gsv-2027': { body: programme() },
    });
    const { user } = renderPage(<ApplicationPage />, { path: `/applications/${APPLICATION_ID}`, pattern: '/applications/:id' });
    await screen.findByRole('button', { name: t('programmes.application.saveChanges') });
    await user.type(field('Anything else'), 'Words');
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(api.sent()).toEqual([]);
    expect(screen.queryByText(/^Draft saved at|^Saving…/)).toBeNull();
  }, 30_000);
});
