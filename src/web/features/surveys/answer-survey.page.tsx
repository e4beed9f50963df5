import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { checkAnswers } from '../../../domain/surveys/check-answers.ts';
import { keepVisibleAnswers } from '../../../domain/surveys/questions.ts';
import { SaveDraftBody, type MySurvey, type SurveyAnswerValue, type SurveyAnswers } from '../../../shared/survey.schemas.ts';
import { AutosaveStatus } from '../../components/autosave-status.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { AnonymousNotice, SurveySections } from './survey-preview.tsx';
import { surveyDay } from './survey-format.tsx';
import { useMySurvey, useSaveSurveyDraft, useSubmitSurvey } from './surveys.api.ts';
import '../../locales/lazy/surveys.strings.ts';

/** /surveys/:id/answer?cityId=: the questionnaire for an invited person (or their city), saved as they type. */
export function AnswerSurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const cityId = params.get('cityId');
  const survey = useMySurvey(id, cityId);
  if (survey.isPending) return <LoadingState />;
  if (survey.isError)
    return (
      <Stack>
        <PageTitle>{t('surveys.answer.title')}</PageTitle>
        <ProblemAlert error={survey.error} />
        <RouterAnchor to="/surveys">{t('surveys.mine.back')}</RouterAnchor>
      </Stack>
    );
  return <AnswerForm key={`${survey.data.id}-${survey.data.city?.id ?? ''}`} survey={survey.data} />;
}

interface Values {
  answers: SurveyAnswers;
}

function AnswerForm({ survey }: { survey: MySurvey }) {
  const { t, i18n } = useTranslation();
  const draft = useSaveSurveyDraft(survey.id);
  const submit = useSubmitSurvey(survey.id);
  const [submittedOn, setSubmittedOn] = useState<string | null>(null);
  const answerable = survey.status === 'not-started' || survey.status === 'draft';
  const cityId = survey.city?.id ?? null;
  const form = useApiForm({
    initialValues: { answers: survey.draft ?? {} } as Values,
    schema: SaveDraftBody,
    toBody: (values) => ({ cityId, answers: keepVisibleAnswers(survey.definition, values.answers) }),
    warnOnLeave: answerable && submittedOn === null,
    // Never while the answers are being submitted: a draft saved after them would be refused.
    autosave: { request: draft, enabled: answerable && submittedOn === null && !submit.isPending },
  });
  const answers = form.values.answers;

  const change = (questionId: string, value: SurveyAnswerValue | undefined) => {
    const next = { ...form.getValues().answers };
    if (value === undefined) delete next[questionId];
    else next[questionId] = value;
    form.setFieldValue('answers', next);
    form.clearFieldError(`answers.${questionId}`);
    if (submit.isError) submit.reset();
  };

  const complete = (values: Values): FieldErrors => {
    const errors: FieldErrors = {};
    for (const problem of checkAnswers(survey.definition, keepVisibleAnswers(survey.definition, values.answers), { complete: true })) errors[`answers.${problem.questionId}`] ??= reasonText(problem.reason);
    return errors;
  };

  const onSubmit = () => {
    if (submit.isError) submit.reset();
    const body = form.check(complete);
    if (body === null) return;
    form.run(submit, body, { onSuccess: (result) => setSubmittedOn(result.submittedOn) });
  };

  const header = (
    <>
      <PageTitle>{survey.title}</PageTitle>
      {survey.description && <Text style={{ whiteSpace: 'pre-line' }}>{survey.description}</Text>}
      {survey.city && <Text>{t('surveys.answer.forCity', { city: survey.city.name })}</Text>}
    </>
  );

  if (submittedOn !== null)
    return (
      <Stack>
        {header}
        <Alert color="green" variant="light" title={t('surveys.answer.thanksTitle')} role="status">
          {survey.anonymous ? t('surveys.answer.thanksAnonymous') : t('surveys.answer.thanks')}
        </Alert>
        <RouterAnchor to="/surveys">{t('surveys.mine.back')}</RouterAnchor>
      </Stack>
    );

  if (!answerable)
    return (
      <Stack>
        {header}
        <Alert color="gray" variant="light" title={survey.status === 'answered' ? t('surveys.answer.alreadyAnswered') : t('surveys.answer.closed')}>
          {survey.status === 'answered' ? t('surveys.answer.alreadyAnsweredHint') : t('surveys.answer.closedHint')}
        </Alert>
        <RouterAnchor to="/surveys">{t('surveys.mine.back')}</RouterAnchor>
      </Stack>
    );

  const errorOf = (questionId: string) => form.errors[`answers.${questionId}`];
  return (
    <Stack>
      {header}
      <Text c="dark.6">{t('surveys.answer.openUntil', { date: surveyDay(survey.closesOn, i18n.language) })}</Text>
      {survey.anonymous && <AnonymousNotice />}
      <Text size="sm" c="dark.6">
        {t('surveys.answer.savedAsYouType')}
      </Text>
      <form {...form.formProps} onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}>
        <Stack gap="lg">
          <SurveySections definition={survey.definition} answers={answers} onChange={change} errorOf={errorOf} />
          <ProblemAlert error={submit.error} />
          <Group justify="space-between" align="center" wrap="wrap">
            <AutosaveStatus state={form.autosave} />
            <Button type="submit" loading={submit.isPending} disabled={draft.isPending}>
              {t('surveys.answer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
