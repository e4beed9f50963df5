import { Alert, Button, Group, NumberInput, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DeclareConflictBody, SaveEvaluationBody, type Application, type Call, type Evaluation } from '../../../shared/programme.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { AutosaveStatus } from '../../components/autosave-status.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { EvaluationStatusBadge } from './evaluation-status-badge.tsx';
import { callKindKey, ReviewProblem, warningAlertProps } from './review-problem.tsx';
import { useApplication, useCall, useDeclareConflict, useMyEvaluation, useSaveEvaluation } from './review.api.ts';
import { PageSection } from '../../components/page-section.tsx';
import '../../locales/lazy/review.strings.ts';

/** /applications/:id/evaluation: an assigned evaluator reads the application and scores it. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const evaluation = useMyEvaluation(id);
  const application = useApplication(id);
  const call = useCall(application.data?.programmeSlug ?? '', application.data?.callKind ?? 'host', application.isSuccess);
  // Bumped by "Reload": the form starts again from what the server holds.
  const [formKey, setFormKey] = useState(0);

  if (evaluation.isPending || application.isPending || (application.isSuccess && call.isPending)) return <LoadingState />;
  const error = evaluation.error ?? application.error ?? call.error;
  if (error || !evaluation.data || !application.data || !call.data) {
    return (
      <>
        <PageTitle>{t('review.evaluate.titleFallback')}</PageTitle>
        <ProblemAlert error={error} messages={{ NOT_FOUND: t('review.evaluate.notAssigned') }} />
        <RouterAnchor to="/evaluations">{t('review.evaluate.back')}</RouterAnchor>
      </>
    );
  }
  const reload = async () => {
    await evaluation.refetch();
    setFormKey((k) => k + 1);
  };
  return (
    <Stack gap="lg">
      <PageTitle>{t('review.evaluate.title', { city: evaluation.data.cityName })}</PageTitle>
      <Group gap="sm">
        <RouterAnchor to="/evaluations">{t('review.evaluate.back')}</RouterAnchor>
        <Text size="sm">{t('review.evaluate.context', { programme: call.data.programmeTitle, call: t(callKindKey(call.data.kind)) })}</Text>
        <EvaluationStatusBadge status={evaluation.data.status} />
      </Group>
      <AnswersSection application={application.data} call={call.data} />
      <EvaluationForm key={formKey} evaluation={evaluation.data} onReload={reload} />
    </Stack>
  );
}

function answerText(value: unknown, none: string): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : none;
  if (value === undefined || value === null || value === '') return none;
  return String(value);
}

function AnswersSection({ application, call }: { application: Application; call: Call }) {
  const { t, i18n } = useTranslation();
  return (
    <PageSection id="answers-heading" title={t('review.evaluate.answersHeading')} spacing="xs">
      <Text size="sm" mb="sm">
        {application.submittedAt
          ? t('review.evaluate.submittedOn', { city: application.cityName, country: application.cityCountry, date: formatDateTime(application.submittedAt, i18n.language) })
          : application.cityName}
      </Text>
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          {call.questions.map((q) => (
            <div key={q.id}>
              <Title order={3} size="h5">
                {q.label}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{answerText(application.answers[q.id], t('review.evaluate.noAnswer'))}</Text>
            </div>
          ))}
        </Stack>
      </Paper>
    </PageSection>
  );
}

type Scores = Record<string, number | undefined>;
const scoresOf = (evaluation: Evaluation): Scores => ({ ...evaluation.scores });
const scored = (scores: Scores): Record<string, number> => Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => e[1] !== undefined));

function EvaluationForm({ evaluation, onReload }: { evaluation: Evaluation; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [version, setVersion] = useState(evaluation.version);
  const [saved, setSaved] = useState<'draft' | 'submitted' | null>(null);
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const save = useSaveEvaluation(evaluation.applicationId, false);
  const submit = useSaveEvaluation(evaluation.applicationId, true);
  // A draft saves itself through its own request (decision 0019); it answers the new version.
  const autosave = useSaveEvaluation(evaluation.applicationId, false);
  const readOnly = evaluation.status === 'submitted' || evaluation.status === 'conflict';
  const lastError = save.error ?? submit.error;
  const stale = lastError instanceof ApiError && lastError.code === 'EDIT_CONFLICT';

  const form = useApiForm({
    initialValues: { scores: scoresOf(evaluation), comment: evaluation.comment },
    schema: SaveEvaluationBody,
    // The version this form last saved: a save from a stale tab is refused.
    toBody: (v) => ({ version, scores: scored(v.scores), comment: v.comment }),
    mutation: save,
    warnOnLeave: !readOnly,
    autosave: { request: autosave, enabled: !readOnly && !submit.isPending, onSaved: (result) => setVersion(result.version) },
  });
  const conflict = useApiForm({
    initialValues: { reason: '' },
    schema: DeclareConflictBody,
    mutation: useDeclareConflict(evaluation.applicationId),
    onSuccess: (result) =>
      void navigate('/evaluations', {
        state: { notice: result.complete ? t('review.evaluate.conflictReassigned', { city: evaluation.cityName }) : t('review.evaluate.conflictUnassigned', { city: evaluation.cityName }) },
      }),
  });

  const onSaved = (result: Evaluation) => {
    setVersion(result.version);
    setSaved(result.status === 'submitted' ? 'submitted' : 'draft');
  };
  const saveDraft = () => {
    const body = form.check();
    if (body === null) return;
    setSaved(null);
    submit.reset();
    form.send(body, { onSuccess: onSaved });
  };
  // Submitting asks for every criterion; a draft may leave some open.
  const everyScore = (v: { scores: Scores }) => Object.fromEntries(evaluation.criteria.filter((c) => v.scores[c.id] === undefined).map((c) => [`scores.${c.id}`, t('review.evaluate.scoreMissing')]));
  const submitScores = () => {
    const body = form.check(everyScore);
    if (body === null) return setConfirmSubmit(false);
    setSaved(null);
    save.reset();
    form.run(submit, body, {
      onSuccess: (result) => {
        onSaved(result);
        setConfirmSubmit(false);
      },
      onError: () => setConfirmSubmit(false),
    });
  };
  const declareConflict = () => {
    const body = conflict.check();
    if (body !== null) conflict.send(body);
  };

  return (
    <PageSection id="scores-heading" title={t('review.evaluate.scoresHeading')} spacing="xs">
      {readOnly ? (
        <Text mb="sm">{evaluation.status === 'conflict' ? t('review.evaluate.conflictDone') : t('review.evaluate.submittedDone')}</Text>
      ) : (
        <Text mb="sm">{t('review.evaluate.scoresIntro')}</Text>
      )}
      {stale && (
        <Alert {...warningAlertProps} role="alert" title={t('review.evaluate.staleTitle')} mb="md">
          <Text size="sm">{t('review.evaluate.staleBody')}</Text>
          <Button mt="sm" variant="default" onClick={() => void onReload()}>
            {t('review.evaluate.reload')}
          </Button>
        </Alert>
      )}
      {lastError && !stale && <ReviewProblem error={lastError} />}
      {saved && (
        <Alert color="green" variant="light" role="status" mb="md">
          {saved === 'submitted' ? t('review.evaluate.submittedNotice') : t('review.evaluate.savedNotice')}
        </Alert>
      )}
      <form
        {...form.formProps}
        aria-labelledby="scores-heading"
        onSubmit={(e) => {
          e.preventDefault();
          saveDraft();
        }}
      >
        <Stack gap="md">
          {evaluation.criteria.map((c) => {
            const label = t('review.evaluate.criterionLabel', { name: c.name, weight: c.weight });
            const description = t('review.evaluate.scale', { max: c.scaleMax });
            const path = `scores.${c.id}`;
            const value = form.values.scores[c.id];
            if (c.scaleMax > 10) {
              return (
                <NumberInput
                  key={c.id}
                  label={label}
                  description={description}
                  min={0}
                  max={c.scaleMax}
                  allowDecimal={false}
                  readOnly={readOnly}
                  {...form.getInputProps(path)}
                  value={value ?? ''}
                  onChange={(v) => form.setFieldValue(path, typeof v === 'number' ? v : undefined)}
                />
              );
            }
            return (
              <Radio.Group
                key={c.id}
                label={label}
                description={description}
                {...form.getInputProps(path)}
                value={value === undefined ? null : String(value)}
                onChange={(v) => form.setFieldValue(path, Number(v))}
              >
                <Group gap="md" mt="xs">
                  {Array.from({ length: c.scaleMax + 1 }, (_, n) => (
                    <Radio key={n} value={String(n)} label={String(n)} disabled={readOnly} />
                  ))}
                </Group>
              </Radio.Group>
            );
          })}
          <Textarea
            label={t('review.evaluate.comment')}
            description={t('review.evaluate.commentHint')}
            autosize
            minRows={3}
            maxLength={5000}
            readOnly={readOnly}
            {...form.getInputProps('comment')}
          />
          {!readOnly && (
            <Group>
              {/* Not while an autosave runs: both would send the same version. */}
              <Button {...form.submitProps} variant="default" disabled={autosave.isPending}>
                {t('review.evaluate.save')}
              </Button>
              <Button onClick={() => setConfirmSubmit(true)} disabled={autosave.isPending}>
                {t('review.evaluate.submit')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => setConflictOpen(true)}>
                {t('review.evaluate.declareConflict')}
              </Button>
            </Group>
          )}
          {!readOnly && <AutosaveStatus state={form.autosave} />}
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirmSubmit}
        title={t('review.evaluate.submitTitle')}
        message={t('review.evaluate.submitMessage', { city: evaluation.cityName })}
        confirmLabel={t('review.evaluate.submitConfirm')}
        busy={submit.isPending}
        onConfirm={submitScores}
        onCancel={() => setConfirmSubmit(false)}
      />
      <ConfirmDialog
        opened={conflictOpen}
        title={t('review.evaluate.conflictTitle')}
        message={t('review.evaluate.conflictMessage', { city: evaluation.cityName })}
        confirmLabel={t('review.evaluate.conflictConfirm')}
        busy={conflict.submitProps.loading}
        onConfirm={declareConflict}
        onCancel={() => setConflictOpen(false)}
      >
        <form {...conflict.formProps}>
          <Textarea label={t('review.evaluate.conflictReason')} description={t('review.evaluate.conflictReasonHint')} required autosize minRows={2} {...conflict.getInputProps('reason')} />
        </form>
        {conflict.requestError && <ReviewProblem error={conflict.requestError} />}
      </ConfirmDialog>
    </PageSection>
  );
}
