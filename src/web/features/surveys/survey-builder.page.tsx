import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { checkDefinition } from '../../../domain/surveys/definition-rules.ts';
import { allQuestions } from '../../../domain/surveys/questions.ts';
import { UpdateSurveyBody, type Survey, type SurveyDefinition, type SurveyQuestion, type SurveyQuestionType, type SurveySection } from '../../../shared/survey.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatClock } from '../../lib/format.ts';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { newQuestion, QuestionEditor } from './question-editor.tsx';
import { SectionEditor } from './section-editor.tsx';
import { SurveyStateBadge, surveyDay } from './survey-format.tsx';
import { SurveyPreview } from './survey-preview.tsx';
import { SurveySettingsForm, type BuilderValues } from './survey-settings-form.tsx';
import { useAudienceCount, useCloseSurvey, useCreateSurvey, useDeleteSurvey, useRemindSurvey, useSendSurvey, useSurvey, useUpdateSurvey } from './surveys.api.ts';
import '../../locales/lazy/surveys.strings.ts';

/** /surveys/:id/edit: the settings and questions of a survey, and sending, reminding, closing it. */
export function SurveyBuilderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  // "Reload" after someone else saved: the form starts again from the survey as it now is.
  const [generation, setGeneration] = useState(0);
  if (survey.isPending) return <LoadingState />;
  if (survey.isError)
    return (
      <Stack>
        <RouterAnchor to="/surveys/manage">{t('surveys.manage.back')}</RouterAnchor>
        <PageTitle>{t('surveys.builder.title')}</PageTitle>
        <ProblemAlert error={survey.error} />
      </Stack>
    );
  return (
    <Builder
      key={`${survey.data.id}-${generation}`}
      survey={survey.data}
      onReload={() => {
        void survey.refetch().then(() => setGeneration((g) => g + 1));
      }}
    />
  );
}

const valuesOf = (s: Survey): BuilderValues => ({
  title: s.title,
  description: s.description,
  audience: s.audience,
  respondent: s.respondent,
  anonymous: s.anonymous,
  opensOn: s.opensOn,
  closesOn: s.closesOn,
  programmeId: s.programmeId,
  definition: s.definition,
});

/** The next free key like "question-7" in a questionnaire. */
function nextKey(definition: SurveyDefinition, prefix: 'question' | 'section'): string {
  const taken = new Set([...definition.sections.map((s) => s.id), ...allQuestions(definition).map((q) => q.id)]);
  let n = prefix === 'question' ? allQuestions(definition).length + 1 : definition.sections.length + 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

function swap<T>(list: readonly T[], index: number, other: number): T[] {
  const next = [...list];
  const a = next[index];
  const b = next[other];
  if (a === undefined || b === undefined) return next;
  next[index] = b;
  next[other] = a;
  return next;
}

type Confirm = 'send' | 'remind' | 'close' | 'delete' | { question: { s: number; q: number } } | null;

function Builder({ survey: initial, onReload }: { survey: Survey; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const current = useSurvey(initial.id).data ?? initial;
  const [version, setVersion] = useState(initial.version);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [previewing, setPreviewing] = useState(false);
  const update = useUpdateSurvey(initial.id);
  const send = useSendSurvey(initial.id);
  const close = useCloseSurvey(initial.id);
  const remind = useRemindSurvey(initial.id);
  const remove = useDeleteSurvey(initial.id);
  const duplicate = useCreateSurvey();
  const audience = useAudienceCount(initial.id);
  const sent = current.sentAt !== null;

  const validate = (values: BuilderValues): FieldErrors => {
    const errors: FieldErrors = {};
    for (const problem of checkDefinition(values.definition)) errors[`definition.${problem.path}`] ??= reasonText(problem.reason);
    if (values.opensOn && values.closesOn && values.closesOn < values.opensOn) errors.closesOn = t('surveys.settings.windowReversed');
    return errors;
  };

  const form = useApiForm({
    initialValues: valuesOf(initial),
    schema: UpdateSurveyBody,
    // Once sent, who answers and anonymity are fixed: they are not sent again.
    toBody: (values) => {
      const { respondent, anonymous, ...rest } = values;
      return sent ? { ...rest, version } : { ...rest, respondent, anonymous, version };
    },
    validate,
    mutation: update,
    onSuccess: (saved) => {
      setVersion(saved.version);
      setSavedAt(new Date());
    },
    onEdit: () => setSavedAt(null),
    warnOnLeave: true,
  });
  const values = form.getValues();
  const definition = values.definition;

  // ---- Editing the questionnaire ----
  const clearErrors = (prefixes: readonly string[]) => {
    const kept = Object.fromEntries(Object.entries(form.errors).filter(([path]) => !prefixes.some((p) => path === p || path.startsWith(`${p}.`))));
    if (Object.keys(kept).length !== Object.keys(form.errors).length) form.setErrors(kept);
  };
  const setDefinition = (next: SurveyDefinition, touched: readonly string[] = []) => {
    form.setFieldValue('definition', next);
    clearErrors(touched);
    if (update.isError) update.reset();
    setSavedAt(null);
  };
  const setSections = (sections: SurveySection[], touched: readonly string[] = []) => setDefinition({ sections }, touched);
  const setQuestions = (s: number, questions: SurveyQuestion[], touched: readonly string[] = []) =>
    setSections(
      definition.sections.map((section, i) => (i === s ? { ...section, questions } : section)),
      touched,
    );
  const questionsOf = (s: number) => definition.sections[s]?.questions ?? [];

  const updateQuestion = (s: number, q: number, question: SurveyQuestion, renamed?: { from: string; to: string }) => {
    const before = questionsOf(s)[q];
    const sections = definition.sections.map((section, i) => ({
      ...section,
      questions: section.questions.map((other, j) => {
        if (i === s && j === q) return question;
        // A renamed choice stays the one later conditions name.
        if (renamed && other.showIf && other.showIf.questionId === question.id && other.showIf.equals === renamed.from) return { ...other, showIf: { ...other.showIf, equals: renamed.to } };
        return other;
      }),
    }));
    setSections(sections, [`definition.sections.${s}.questions.${q}`, ...(before ? [`definition.questions.${before.id}`] : [])]);
  };
  const addQuestion = (s: number, type: SurveyQuestionType) => setQuestions(s, [...questionsOf(s), newQuestion(type, nextKey(definition, 'question'), t)]);
  const moveQuestion = (s: number, q: number, by: -1 | 1) => setQuestions(s, swap(questionsOf(s), q, q + by));
  const duplicateQuestion = (s: number, q: number) => {
    const original = questionsOf(s)[q];
    if (!original) return;
    const copy = { ...original, id: nextKey(definition, 'question'), text: t('surveys.editor.copyOf', { text: original.text }).slice(0, 500) } as SurveyQuestion;
    const questions = [...questionsOf(s)];
    questions.splice(q + 1, 0, copy);
    setQuestions(s, questions);
  };
  const removeQuestion = (s: number, q: number) => {
    const gone = questionsOf(s)[q];
    if (!gone) return;
    // Conditions on the removed question go with it: the questions they hid show always.
    const sections = definition.sections.map((section, i) => ({
      ...section,
      questions: section.questions
        .filter((_, j) => !(i === s && j === q))
        .map((other) => {
          if (other.showIf?.questionId !== gone.id) return other;
          const { showIf: _drop, ...rest } = other;
          return rest as SurveyQuestion;
        }),
    }));
    setSections(sections, ['definition']);
  };
  const addSection = () => setSections([...definition.sections, { id: nextKey(definition, 'section'), title: t('surveys.editor.sectionNumber', { number: definition.sections.length + 1 }), questions: [] }]);

  // With answers, questions saved with the survey can be reworded and added to, never removed or retyped.
  const saved = current.hasResponses ? new Map(allQuestions(current.definition).map((q) => [q.id, q])) : new Map<string, SurveyQuestion>();
  const savedValuesOf = (id: string) => {
    const q = saved.get(id);
    return new Set(q ? ('options' in q ? q.options : 'items' in q ? q.items : []).map((o) => o.value) : []);
  };

  /** The messages about one question, by path inside it ('' for the question as a whole). */
  const errorsOf = (prefixes: readonly string[]): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const [path, message] of Object.entries(form.errors)) {
      const prefix = prefixes.find((p) => path === p || path.startsWith(`${p}.`));
      if (prefix !== undefined) found[path.slice(prefix.length + 1)] ??= String(message);
    }
    return found;
  };

  // ---- Reach and actions ----
  const reach = audience.data ? t('surveys.builder.reach', { cities: audience.data.cities, people: audience.data.people }) + (form.isDirty('audience') ? ` ${t('surveys.builder.reachAsSaved')}` : '') : null;
  const sendCount = audience.data ? (current.respondent === 'city' ? audience.data.cities : audience.data.people) : null;
  const conflict = update.error instanceof ApiError && update.error.code === 'EDIT_CONFLICT';
  const actionError = send.error ?? close.error ?? remind.error ?? remove.error ?? duplicate.error;
  let flat = 0;
  const earlierOf = (s: number, q: number) => definition.sections.slice(0, s).flatMap((x) => x.questions).concat(questionsOf(s).slice(0, q));

  const confirmDialog = (() => {
    if (confirm === 'send')
      return {
        title: t('surveys.builder.sendTitle'),
        message: t('surveys.builder.sendMessage', {
          cities: audience.data?.cities ?? 0,
          people: audience.data?.people ?? 0,
          from: surveyDay(current.opensOn, i18n.language),
          to: surveyDay(current.closesOn, i18n.language),
        }),
        label: t('surveys.builder.sendConfirm'),
        busy: send.isPending,
        run: () =>
          send.mutate(version, {
            onSuccess: (s) => {
              setVersion(s.version);
              setNotice(t('surveys.builder.sentNotice'));
              setConfirm(null);
            },
            onError: () => setConfirm(null),
          }),
      };
    if (confirm === 'remind')
      return {
        title: t('surveys.builder.remindTitle'),
        message: t('surveys.builder.remindMessage'),
        label: t('surveys.builder.remindConfirm'),
        busy: remind.isPending,
        run: () =>
          remind.mutate(undefined, {
            onSuccess: (r) => {
              setNotice(t('surveys.builder.remindedNotice', { count: r.reminded }));
              setConfirm(null);
            },
            onError: () => setConfirm(null),
          }),
      };
    if (confirm === 'close')
      return {
        title: t('surveys.builder.closeTitle'),
        message: t('surveys.builder.closeMessage'),
        label: t('surveys.builder.closeConfirm'),
        busy: close.isPending,
        run: () =>
          close.mutate(version, {
            onSuccess: (s) => {
              setVersion(s.version);
              setNotice(t('surveys.builder.closedNotice'));
              setConfirm(null);
            },
            onError: () => setConfirm(null),
          }),
      };
    if (confirm === 'delete')
      return {
        title: t('surveys.builder.deleteTitle'),
        message: t('surveys.builder.deleteMessage', { title: current.title }),
        label: t('surveys.builder.deleteConfirm'),
        busy: remove.isPending,
        run: () => remove.mutate(undefined, { onSuccess: () => void navigate('/surveys/manage'), onError: () => setConfirm(null) }),
      };
    if (confirm && typeof confirm === 'object') {
      const { s, q } = confirm.question;
      const question = questionsOf(s)[q];
      return {
        title: t('surveys.editor.removeQuestionTitle'),
        message: t('surveys.editor.removeQuestionMessage', { text: question?.text ?? '' }),
        label: t('surveys.editor.removeQuestionConfirm'),
        busy: false,
        run: () => {
          removeQuestion(s, q);
          setConfirm(null);
        },
      };
    }
    return null;
  })();

  return (
    <Stack>
      <RouterAnchor to="/surveys/manage">{t('surveys.manage.back')}</RouterAnchor>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PageTitle>{current.title}</PageTitle>
        <SurveyStateBadge state={current.state} />
      </Group>
      {current.hasResponses && (
        <Alert color="blue" variant="light" title={t('surveys.builder.hasResponsesTitle')}>
          {t('surveys.builder.hasResponses')}
        </Alert>
      )}
      {notice && (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
          {notice}
        </Alert>
      )}
      <ProblemAlert error={actionError} />
      <Group gap="sm" wrap="wrap">
        {current.state === 'draft' && (
          <Button onClick={() => setConfirm('send')} disabled={form.dirty || sendCount === null || sendCount === 0}>
            {t(current.respondent === 'city' ? 'surveys.builder.sendCities' : 'surveys.builder.sendPeople', { count: sendCount ?? 0 })}
          </Button>
        )}
        {current.state === 'open' && (
          <>
            <Button variant="light" onClick={() => setConfirm('remind')}>
              {t('surveys.builder.remind')}
            </Button>
            <Button variant="default" onClick={() => setConfirm('close')}>
              {t('surveys.builder.close')}
            </Button>
          </>
        )}
        {current.state !== 'draft' && (
          <Button component={Link} to={`/surveys/${current.id}/results`} variant="default">
            {t('surveys.builder.results')}
          </Button>
        )}
        <Button variant="default" onClick={() => setPreviewing(true)}>
          {t('surveys.builder.preview')}
        </Button>
        <Button
          variant="default"
          loading={duplicate.isPending}
          onClick={() => duplicate.mutate({ duplicateOf: current.id }, { onSuccess: (copy) => void navigate(`/surveys/${copy.id}/edit`) })}
        >
          {t('surveys.builder.duplicate')}
        </Button>
        {!sent && (
          <Button variant="default" c="red.9" onClick={() => setConfirm('delete')}>
            {t('surveys.builder.delete')}
          </Button>
        )}
      </Group>
      {current.state === 'draft' && form.dirty && (
        <Text size="sm" c="dark.6">
          {t('surveys.builder.saveBeforeSending')}
        </Text>
      )}

      <form {...form.formProps}>
        <Stack gap="lg">
          <SurveySettingsForm form={form} sent={sent} reach={reach} />
          {definition.sections.map((section, s) => {
            const sectionHasSaved = section.questions.some((q) => saved.has(q.id));
            return (
              <SectionEditor
                key={section.id}
                section={section}
                number={s + 1}
                onChange={(next) => setSections(definition.sections.map((x, i) => (i === s ? next : x)), [`definition.sections.${s}.title`])}
                onMoveUp={s > 0 ? () => setSections(swap(definition.sections, s, s - 1)) : null}
                onMoveDown={s < definition.sections.length - 1 ? () => setSections(swap(definition.sections, s, s + 1)) : null}
                onRemove={definition.sections.length > 1 && !sectionHasSaved ? () => setSections(definition.sections.filter((_, i) => i !== s), ['definition']) : null}
                removeBlocked={sectionHasSaved ? t('surveys.editor.sectionLocked') : undefined}
                onAddQuestion={(type) => addQuestion(s, type)}
                titleError={form.errors[`definition.sections.${s}.title`] as string | undefined}
              >
                {section.questions.map((question, q) => {
                  flat += 1;
                  const prefix = `definition.sections.${s}.questions.${q}`;
                  const byId = `definition.questions.${question.id}`;
                  return (
                    <QuestionEditor
                      key={question.id}
                      question={question}
                      number={flat}
                      earlier={earlierOf(s, q)}
                      onChange={(next, renamed) => updateQuestion(s, q, next, renamed)}
                      onMoveUp={q > 0 ? () => moveQuestion(s, q, -1) : null}
                      onMoveDown={q < section.questions.length - 1 ? () => moveQuestion(s, q, 1) : null}
                      onDuplicate={() => duplicateQuestion(s, q)}
                      onRemove={() => setConfirm({ question: { s, q } })}
                      locked={saved.has(question.id)}
                      savedValues={savedValuesOf(question.id)}
                      errors={errorsOf([prefix, byId])}
                      paths={[byId, prefix]}
                    />
                  );
                })}
              </SectionEditor>
            );
          })}
          <Button variant="default" w="fit-content" onClick={addSection}>
            {t('surveys.editor.addSection')}
          </Button>
          <ProblemAlert error={update.error} messages={{ EDIT_CONFLICT: t('surveys.builder.conflict') }} />
          {conflict && (
            <Button variant="default" w="fit-content" onClick={onReload}>
              {t('surveys.builder.reload')}
            </Button>
          )}
          <Group gap="md" align="center">
            <Button {...form.submitProps}>{t('surveys.builder.save')}</Button>
            <Text size="sm" c="dark.6" role="status" aria-live="polite">
              {savedAt ? t('surveys.builder.savedAt', { time: formatClock(savedAt, i18n.language) }) : form.dirty ? t('surveys.builder.unsaved') : ''}
            </Text>
          </Group>
        </Stack>
      </form>

      <Modal opened={previewing} onClose={() => setPreviewing(false)} title={t('surveys.builder.previewTitle')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {previewing && <SurveyPreview title={values.title} description={values.description} anonymous={values.anonymous} definition={values.definition} />}
      </Modal>
      <ConfirmDialog
        opened={confirmDialog !== null}
        title={confirmDialog?.title ?? ''}
        message={confirmDialog?.message ?? ''}
        confirmLabel={confirmDialog?.label ?? ''}
        busy={confirmDialog?.busy ?? false}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirmDialog?.run()}
      />
    </Stack>
  );
}
