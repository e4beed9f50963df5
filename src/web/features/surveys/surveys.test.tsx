import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SURVEY_QUESTION_TYPES, SurveyDefinition as DefinitionSchema, type MySurvey, type Survey, type SurveyDefinition } from '../../../shared/survey.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { CITY_ID, sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { AnswerSurveyPage } from './answer-survey.page.tsx';
import { ManageSurveysPage } from './manage-surveys.page.tsx';
import { MySurveysPage } from './my-surveys.page.tsx';
import { NewSurveyPage } from './new-survey.page.tsx';
import { SurveyBuilderPage } from './survey-builder.page.tsx';
import { SurveyPreview } from './survey-preview.tsx';
import '../../locales/lazy/surveys.strings.ts';

const t = i18next.t;
/** Puts text in a field at once (typing letter by letter is slow and tests nothing more). */
async function fill(user: ReturnType<typeof renderPage>['user'], field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}
const SURVEY_ID = '55555555-5555-4555-8555-555555555555';
const managerSession = () => sessionOf([{ role: 'programme_manager', cityId: null, cityName: null, primaryContact: false }]);
const repSession = () => sessionOf([{ role: 'city_representative', cityId: CITY_ID, cityName: 'Lahti', primaryContact: true }]);

const questionnaire: SurveyDefinition = {
  sections: [
    {
      id: 'exchange',
      title: 'Exchange',
      questions: [
        { id: 'interest', type: 'single', text: 'Are you interested in study visits?', required: true, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
        { id: 'why', type: 'long-text', text: 'What would you like to see?', required: false, showIf: { questionId: 'interest', equals: 'yes' } },
        {
          id: 'formats',
          type: 'multiple',
          text: 'Which formats suit you?',
          required: false,
          max: 2,
          options: [
            { value: 'visits', label: 'Study visits' },
            { value: 'webinars', label: 'Webinars' },
            { value: 'groups', label: 'Discussion groups' },
          ],
        },
        {
          id: 'barriers',
          type: 'ranking',
          text: 'Order the barriers',
          required: false,
          options: [
            { value: 'time', label: 'Time' },
            { value: 'money', label: 'Money' },
            { value: 'language', label: 'Language' },
          ],
        },
      ],
    },
  ],
};

const mySurvey = (overrides: Partial<MySurvey> = {}): MySurvey => ({
  id: SURVEY_ID,
  title: 'Support needs 2027',
  description: 'Tell us what your city needs.',
  anonymous: false,
  respondent: 'city',
  city: { id: CITY_ID, name: 'Lahti' },
  closesOn: '2027-01-31',
  status: 'not-started',
  definition: questionnaire,
  draft: null,
  draftSavedAt: null,
  ...overrides,
});

const ANSWER_PATH = `/api/my-surveys/${SURVEY_ID}`;
function renderAnswer(routes: Parameters<typeof mockApi>[0] = {}, survey: MySurvey = mySurvey()) {
  const api = mockApi({ 'GET /api/session': { body: repSession() }, [`GET ${ANSWER_PATH}`]: { body: survey }, ...routes });
  const view = renderPage(<AnswerSurveyPage />, { path: `/surveys/${SURVEY_ID}/answer?cityId=${CITY_ID}`, pattern: '/surveys/:id/answer' });
  return { api, ...view };
}

describe('answering a survey', () => {
  it('shows a conditional question only while the earlier answer has its value', async () => {
    const { user } = renderAnswer();
    const yes = await screen.findByRole('radio', { name: 'Yes' });
    expect(screen.queryByRole('textbox', { name: /What would you like to see/ })).toBeNull();
    await user.click(yes);
    expect(screen.getByRole('textbox', { name: /What would you like to see/ })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'No' }));
    expect(screen.queryByRole('textbox', { name: /What would you like to see/ })).toBeNull();
  });

  it('lets people choose at most the maximum of a multiple choice, and says so', async () => {
    const { user } = renderAnswer();
    const group = within(await screen.findByTestId('question-formats'));
    expect(group.getByText(/Choose at most 2\./)).toBeInTheDocument();
    await user.click(group.getByRole('checkbox', { name: 'Study visits' }));
    await user.click(group.getByRole('checkbox', { name: 'Webinars' }));
    const third = group.getByRole('checkbox', { name: 'Discussion groups' });
    expect(third).toBeDisabled();
    await user.click(third);
    expect(third).not.toBeChecked();
    // Unticking one frees the others again.
    await user.click(group.getByRole('checkbox', { name: 'Webinars' }));
    expect(third).toBeEnabled();
  });

  it('orders a ranking with the Move up / Move down buttons, keeping focus on the moved choice', async () => {
    const { user, api } = renderAnswer({ [`POST ${ANSWER_PATH}/answers`]: { status: 201, body: { submittedOn: '2026-12-08' } } });
    await user.click(await screen.findByRole('radio', { name: 'No' }));
    const moveUp = screen.getByRole('button', { name: 'Move Language up' });
    await user.click(moveUp);
    const list = screen.getByRole('list', { name: /Your order for Order the barriers/ });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent?.replace(/UpDown$/, ''))).toEqual(['Time', 'Language', 'Money']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Language up' }));
    await user.click(screen.getByRole('button', { name: t('surveys.answer.submit') }));
    expect(await screen.findByText(t('surveys.answer.thanksTitle'))).toBeInTheDocument();
    expect(api.sent()).toEqual([{ method: 'POST', path: `${ANSWER_PATH}/answers`, body: { cityId: CITY_ID, answers: { interest: 'no', barriers: ['time', 'language', 'money'] } } }]);
  });

  it('saves a draft a while after people stop typing, with the city and the visible answers', async () => {
    const { user, api } = renderAnswer({ [`PUT ${ANSWER_PATH}/draft`]: { body: { savedAt: '2026-12-08T13:02:00.000Z' } } });
    await user.click(await screen.findByRole('radio', { name: 'Yes' }));
    await user.type(screen.getByRole('textbox', { name: /What would you like to see/ }), 'Heat');
    await waitFor(() => expect(screen.getByText(/^Draft saved at \d{2}:\d{2}/)).toBeInTheDocument(), { timeout: 8000 });
    expect(api.sent()).toEqual([{ method: 'PUT', path: `${ANSWER_PATH}/draft`, body: { cityId: CITY_ID, answers: { interest: 'yes', why: 'Heat' } } }]);
  }, 20_000);

  it("shows the server's refusal next to the question it names and moves focus there", async () => {
    const { user } = renderAnswer({
      [`POST ${ANSWER_PATH}/answers`]: problem(400, 'VALIDATION_FAILED', [{ field: 'body.answers.interest', message: 'Not an option', reason: { code: 'SURVEY_ANSWER_NOT_AN_OPTION' } } as never]),
    });
    await user.click(await screen.findByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: t('surveys.answer.submit') }));
    const question = screen.getByTestId('question-interest');
    expect(await within(question).findByText('Choose from the options given.')).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'No' })));
  });

  it('checks required answers before sending, next to the question', async () => {
    const { user, api } = renderAnswer();
    await user.click(await screen.findByRole('button', { name: t('surveys.answer.submit') }));
    expect(within(screen.getByTestId('question-interest')).getByText('Answer this question.')).toBeInTheDocument();
    expect(api.sent()).toEqual([]);
  });

  it('says in words when the survey was already answered for the city', async () => {
    const { user } = renderAnswer({ [`POST ${ANSWER_PATH}/answers`]: problem(409, 'SURVEY_ALREADY_ANSWERED') });
    await user.click(await screen.findByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: t('surveys.answer.submit') }));
    expect(await screen.findByText(t('errors.codes.SURVEY_ALREADY_ANSWERED'))).toBeInTheDocument();
  });

  it('tells people first when their answer is anonymous', async () => {
    renderAnswer({}, mySurvey({ anonymous: true }));
    expect(await screen.findByText(/^Your answer is anonymous: the platform keeps no link/)).toBeInTheDocument();
  });
});

const survey = (overrides: Partial<Survey> = {}): Survey => ({
  id: SURVEY_ID,
  title: 'Feedback after the Lahti visit',
  state: 'draft',
  template: null,
  audience: { kind: 'all-cities' },
  respondent: 'person',
  anonymous: false,
  opensOn: '2026-12-08',
  closesOn: '2027-01-05',
  invited: 0,
  responses: 0,
  updatedAt: '2026-12-08T09:00:00.000Z',
  description: '',
  programmeId: null,
  definition: {
    sections: [
      {
        id: 'section-1',
        title: 'The visit',
        questions: [{ id: 'useful', type: 'single', text: 'Was the visit useful?', required: true, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }],
      },
    ],
  },
  version: 3,
  sentAt: null,
  hasResponses: false,
  ...overrides,
});

const SURVEY_PATH = `/api/surveys/${SURVEY_ID}`;
function renderBuilder(s: Survey, routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    'GET /api/session': { body: managerSession() },
    [`GET ${SURVEY_PATH}`]: { body: s },
    [`GET ${SURVEY_PATH}/audience`]: { body: { cities: 12, people: 30 } },
    'GET /api/programmes': { body: { items: [], total: 0, page: 1, pageSize: 100 } },
    ...routes,
  });
  const view = renderPage(<SurveyBuilderPage />, { path: `/surveys/${SURVEY_ID}/edit`, pattern: '/surveys/:id/edit' });
  return { api, ...view };
}

describe('building a survey', () => {
  it('adds a question of a type with a condition on an earlier one, and saves the questionnaire with the version', async () => {
    const { user, api } = renderBuilder(survey(), {
      [`PATCH ${SURVEY_PATH}`]: ({ body }) => ({ body: { ...survey(), ...(body as object), version: 4 } }),
    });
    expect(await screen.findByText('Reaches 12 cities, 30 people')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: /Kind of question to add/ }), 'rating');
    await user.click(screen.getByRole('button', { name: t('surveys.editor.addQuestion') }));
    const editors = screen.getAllByTestId('question-editor');
    expect(editors).toHaveLength(2);
    const added = within(editors[1] as HTMLElement);
    expect(added.getByRole('combobox', { name: t('surveys.editor.type') })).toHaveValue('rating');
    await user.clear(added.getByRole('textbox', { name: /^Question/ }));
    await fill(user, added.getByRole('textbox', { name: /^Question/ }), 'How useful was it?');
    await fill(user, added.getByRole('textbox', { name: t('surveys.editor.lowLabel') }), 'Not at all');
    await user.selectOptions(added.getByRole('combobox', { name: t('surveys.editor.showIf') }), 'useful');
    await user.selectOptions(added.getByRole('combobox', { name: t('surveys.editor.showIfValue') }), 'yes');
    await user.click(screen.getByRole('button', { name: t('surveys.builder.save') }));
    expect(await screen.findByText(/^Saved at/)).toBeInTheDocument();
    const [patch] = api.sent();
    expect(patch?.method).toBe('PATCH');
    const body = patch?.body as { version: number; definition: SurveyDefinition; respondent: string };
    expect(body.version).toBe(3);
    expect(body.respondent).toBe('person');
    expect(body.definition.sections[0]?.questions[1]).toEqual({
      id: 'question-2',
      type: 'rating',
      text: 'How useful was it?',
      required: false,
      scale: '1-5',
      lowLabel: 'Not at all',
      showIf: { questionId: 'useful', equals: 'yes' },
    });
  });

  it('keeps questions with answers: no removing or retyping them, with the reason; new ones stay free', async () => {
    const { user } = renderBuilder(survey({ state: 'open', sentAt: '2026-12-08T10:00:00.000Z', hasResponses: true, invited: 30, responses: 4 }));
    const [saved] = await screen.findAllByTestId('question-editor');
    const old = within(saved as HTMLElement);
    expect(old.getByRole('button', { name: 'Remove Was the visit useful?' })).toBeDisabled();
    expect(old.getByRole('combobox', { name: t('surveys.editor.type') })).toBeDisabled();
    expect(old.getByTestId('locked-reason')).toHaveTextContent(t('surveys.editor.lockedReason'));
    await user.click(screen.getByRole('button', { name: t('surveys.editor.addQuestion') }));
    const added = within(screen.getAllByTestId('question-editor')[1] as HTMLElement);
    expect(added.getByRole('button', { name: /^Remove New question/ })).toBeEnabled();
    // Once sent, who answers and anonymity are fixed.
    expect(screen.getByRole('radio', { name: t('surveys.settings.respondents.city') })).toBeDisabled();
  });

  it("shows the server's refusal next to the question it names", async () => {
    const { user } = renderBuilder(survey({ hasResponses: true, state: 'open', sentAt: '2026-12-08T10:00:00.000Z' }), {
      [`PATCH ${SURVEY_PATH}`]: problem(400, 'VALIDATION_FAILED', [
        { field: 'body.definition.questions.useful', message: 'retyped', reason: { code: 'SURVEY_QUESTION_RETYPED', params: { text: 'Was the visit useful?' } } } as never,
      ]),
    });
    const [editor] = await screen.findAllByTestId('question-editor');
    await fill(user, within(editor as HTMLElement).getByRole('textbox', { name: /^Question/ }), ' Really?');
    await user.click(screen.getByRole('button', { name: t('surveys.builder.save') }));
    expect(await within(editor as HTMLElement).findByText('The question "Was the visit useful?" has answers: its kind of answer cannot change.')).toBeInTheDocument();
  });

  it('adds a valid question of every type', async () => {
    const { user, api } = renderBuilder(survey(), {
      [`PATCH ${SURVEY_PATH}`]: ({ body }) => ({ body: { ...survey(), ...(body as object), version: 4 } }),
    });
    const kind = await screen.findByRole('combobox', { name: /Kind of question to add/ });
    for (const type of SURVEY_QUESTION_TYPES) {
      await user.selectOptions(kind, type);
      await user.click(screen.getByRole('button', { name: t('surveys.editor.addQuestion') }));
    }
    await user.click(screen.getByRole('button', { name: t('surveys.builder.save') }));
    expect(await screen.findByText(/^Saved at/)).toBeInTheDocument();
    const body = api.sent()[0]?.body as { definition: SurveyDefinition };
    expect(DefinitionSchema.safeParse(body.definition).success).toBe(true);
    expect(body.definition.sections[0]?.questions.map((q) => q.type)).toEqual(['single', ...SURVEY_QUESTION_TYPES]);
  });

  it('checks the questionnaire before saving: the empty choice is marked and focused, nothing is sent', async () => {
    const { user, api } = renderBuilder(survey());
    const [editor] = await screen.findAllByTestId('question-editor');
    const choice = within(editor as HTMLElement).getByRole('textbox', { name: 'Choice 2' });
    await user.clear(choice);
    await user.click(screen.getByRole('button', { name: t('surveys.builder.save') }));
    await waitFor(() => expect(choice).toHaveAttribute('aria-invalid', 'true'));
    expect(document.activeElement).toBe(choice);
    expect(api.sent()).toEqual([]);
  });

  it('says when someone saved in between', async () => {
    const { user } = renderBuilder(survey(), { [`PATCH ${SURVEY_PATH}`]: problem(409, 'EDIT_CONFLICT') });
    await user.type(await screen.findByRole('textbox', { name: /^Title/ }), '!');
    await user.click(screen.getByRole('button', { name: t('surveys.builder.save') }));
    expect(await screen.findByText(t('surveys.builder.conflict'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t('surveys.builder.reload') })).toBeInTheDocument();
  });

  it('asks before sending, saying who gets an email', async () => {
    const { user, api } = renderBuilder(survey(), {
      [`POST ${SURVEY_PATH}/send`]: { body: survey({ state: 'open', sentAt: '2026-12-08T10:00:00.000Z', version: 4 }) },
    });
    await user.click(await screen.findByRole('button', { name: 'Send to 30 people…' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/goes now to 30 people of 12 cities/)).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: t('surveys.builder.sendConfirm') }));
    expect(await screen.findByText(t('surveys.builder.sentNotice'))).toBeInTheDocument();
    expect(api.sent()).toEqual([{ method: 'POST', path: `${SURVEY_PATH}/send`, body: { version: 3 } }]);
    expect(screen.getByRole('button', { name: t('surveys.builder.remind') })).toBeInTheDocument();
  });
});

describe('the managers’ list', () => {
  it('says there are no surveys yet and offers to start one', async () => {
    mockApi({ 'GET /api/surveys': { body: { items: [], total: 0, page: 1, pageSize: 20 } } });
    renderPage(<ManageSurveysPage />, { path: '/surveys/manage' });
    expect(await screen.findByText(t('surveys.manage.empty'))).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: t('surveys.manage.new') }).length).toBeGreaterThan(0);
  });
});

describe('my surveys', () => {
  it('lists what waits for me, per city, with the closing date of the open ones', async () => {
    const { draft: _draft, definition: _definition, ...item } = mySurvey({ status: 'draft' });
    mockApi({
      'GET /api/session': { body: repSession() },
      'GET /api/my-surveys': { body: { items: [item, { ...item, id: '66666666-6666-4666-8666-666666666666', title: 'Visit feedback', city: null, status: 'answered' }] } },
    });
    renderPage(<MySurveysPage />, { path: '/surveys' });
    const [first, second] = await screen.findAllByTestId('my-survey-row');
    const open = within(first as HTMLElement);
    expect(open.getByRole('link', { name: 'Support needs 2027' })).toHaveAttribute('href', `/surveys/${SURVEY_ID}/answer?cityId=${CITY_ID}`);
    expect(open.getByText('You answer for Lahti')).toBeInTheDocument();
    expect(open.getByText(t('surveys.mine.status.draft'))).toBeInTheDocument();
    expect(open.getByText(/^Open until 31 Jan 2027$/)).toBeInTheDocument();
    expect(within(second as HTMLElement).getByText(t('surveys.mine.status.answered'))).toBeInTheDocument();
    expect(within(second as HTMLElement).queryByText(/Open until/)).toBeNull();
  });

  it('says when there is nothing to answer', async () => {
    mockApi({ 'GET /api/session': { body: repSession() }, 'GET /api/my-surveys': { body: { items: [] } } });
    renderPage(<MySurveysPage />, { path: '/surveys' });
    expect(await screen.findByText(t('surveys.mine.empty'))).toBeInTheDocument();
  });
});

describe('a new survey', () => {
  it('lists the templates with their question counts and starts one in the builder', async () => {
    const api = mockApi({
      'GET /api/session': { body: managerSession() },
      'GET /api/survey-templates': {
        body: {
          items: [
            { key: 'support-needs', title: 'Support needs', description: 'What cities need from the programme.', respondent: 'city', anonymous: false, questionCount: 12 },
            { key: 'study-visit-feedback', title: 'Feedback after a study visit', description: 'How the visit went.', respondent: 'person', anonymous: true, questionCount: 1 },
          ],
        },
      },
      'POST /api/surveys': { status: 201, body: survey({ template: 'support-needs' }) },
    });
    const { user, router } = renderPage(<NewSurveyPage />, { path: '/surveys/new', pattern: '/surveys/new' });
    expect(await screen.findByText(/^12 questions · One answer per city$/)).toBeInTheDocument();
    expect(screen.getByText(/^1 question · One answer per person · anonymous$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use this template: Support needs' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/surveys/${SURVEY_ID}/edit`));
    expect(api.sent()).toEqual([{ method: 'POST', path: '/api/surveys', body: { template: 'support-needs' } }]);
  });
});

describe('the preview', () => {
  it('shows every kind of question with an input named by its question, and saves nothing', async () => {
    mockApi({ 'GET /api/cities': { body: { items: [], total: 0, page: 1, pageSize: 8 } } });
    const definition: SurveyDefinition = {
      sections: [
        {
          id: 'all',
          title: 'All kinds',
          questions: [
            { id: 'heat', type: 'matrix', text: 'How ready are you?', required: false, scale: '1-5', lowLabel: 'Not at all', highLabel: 'Fully', items: [{ value: 'heating', label: 'Heating' }, { value: 'transport', label: 'Transport' }] },
            { id: 'rate', type: 'rating', text: 'How useful?', required: true, scale: '0-10', lowLabel: 'Useless', highLabel: 'Essential' },
            { id: 'country', type: 'country', text: 'Where are you?', required: false },
            { id: 'city', type: 'city', text: 'Which city?', required: false },
            { id: 'sectors', type: 'sector', text: 'Priority sectors', required: false, multiple: true, max: 3 },
            { id: 'lever', type: 'lever', text: 'Main lever', required: false, multiple: false },
            { id: 'staff', type: 'number', text: 'Staff', required: false, min: 0, max: 500, integer: true },
            { id: 'when', type: 'date', text: 'When?', required: false },
            { id: 'name', type: 'short-text', text: 'Your team', required: false, maxLength: 80 },
          ],
        },
      ],
    };
    const { user } = renderPage(<SurveyPreview title="All kinds" description="" anonymous definition={definition} />);
    expect(screen.getByText(t('surveys.preview.notSaved'))).toBeInTheDocument();
    expect(screen.getByText(/^Your answer is anonymous: the platform keeps no link/)).toBeInTheDocument();
    const matrix = screen.getByRole('group', { name: 'How ready are you?' });
    await user.click(within(matrix).getByRole('radio', { name: 'Transport: 4' }));
    expect(within(matrix).getByRole('radio', { name: 'Transport: 4' })).toBeChecked();
    expect(within(matrix).getByRole('radio', { name: 'Heating: 4' })).not.toBeChecked();
    expect(matrix).toHaveAccessibleDescription('1: Not at all; 5: Fully.');
    const rating = screen.getByRole('radiogroup', { name: /How useful\?/ });
    expect(within(rating).getAllByRole('radio')).toHaveLength(11);
    expect(screen.getByRole('combobox', { name: 'Where are you?' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Which city?' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Energy' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Finance & funding' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Staff' })).toHaveAccessibleDescription('A number from 0 to 500.');
    const team = screen.getByRole('textbox', { name: 'Your team' });
    await fill(user, team, 'Climate office');
    expect(team).toHaveAccessibleDescription('14 of 80 characters.');
  });
});
