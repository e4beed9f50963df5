import { Alert, Button, Group, NumberInput, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DeclareConflictBody, type Application, type Call, type Evaluation } from '../../../shared/programme.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf, validateWith, type FieldErrors } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { EvaluationStatusBadge } from './evaluation-status-badge.tsx';
import { callKindKey, ReviewProblem, warningAlertProps } from './review-problem.tsx';
import { useApplication, useCall, useDeclareConflict, useMyEvaluation, useSaveEvaluation } from './review.api.ts';

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
    <section aria-labelledby="answers-heading">
      <Title order={2} size="h3" id="answers-heading" mb="xs">
        {t('review.evaluate.answersHeading')}
      </Title>
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
    </section>
  );
}

type Scores = Record<string, number | undefined>;

function EvaluationForm({ evaluation, onReload }: { evaluation: Evaluation; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [scores, setScores] = useState<Scores>(evaluation.scores);
  const [comment, setComment] = useState(evaluation.comment);
  const [version, setVersion] = useState(evaluation.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<'draft' | 'submitted' | null>(null);
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [conflictReason, setConflictReason] = useState('');
  const [conflictError, setConflictError] = useState<string | undefined>();
  const save = useSaveEvaluation(evaluation.applicationId);
  const declare = useDeclareConflict(evaluation.applicationId);
  const readOnly = evaluation.status === 'submitted' || evaluation.status === 'conflict';
  const stale = save.error instanceof ApiError && save.error.code === 'EDIT_CONFLICT';

  const send = (submit: boolean) => {
    const complete = Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => e[1] !== undefined));
    if (submit) {
      const missing = Object.fromEntries(evaluation.criteria.filter((c) => complete[c.id] === undefined).map((c) => [`scores.${c.id}`, t('review.evaluate.scoreMissing')]));
      if (Object.keys(missing).length) {
        setConfirmSubmit(false);
        setErrors(missing);
        return;
      }
    }
    setSaved(null);
    save.mutate(
      { version, scores: complete, comment, submit },
      {
        onSuccess: (result) => {
          setVersion(result.version);
          setErrors({});
          setSaved(submit ? 'submitted' : 'draft');
          setConfirmSubmit(false);
        },
        onError: (error) => {
          setErrors(fieldErrorsOf(error));
          setConfirmSubmit(false);
        },
      },
    );
  };

  const declareConflict = () => {
    const checked = validateWith(DeclareConflictBody, { reason: conflictReason }, t);
    if (!checked.ok) {
      setConflictError(checked.errors.reason);
      return;
    }
    declare.mutate(checked.data.reason, {
      onSuccess: (result) =>
        void navigate('/evaluations', {
          state: { notice: result.complete ? t('review.evaluate.conflictReassigned', { city: evaluation.cityName }) : t('review.evaluate.conflictUnassigned', { city: evaluation.cityName }) },
        }),
    });
  };

  return (
    <section aria-labelledby="scores-heading">
      <Title order={2} size="h3" id="scores-heading" mb="xs">
        {t('review.evaluate.scoresHeading')}
      </Title>
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
      {save.isError && !stale && <ReviewProblem error={save.error} />}
      {saved && (
        <Alert color="green" variant="light" role="status" mb="md">
          {saved === 'submitted' ? t('review.evaluate.submittedNotice') : t('review.evaluate.savedNotice')}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send(false);
        }}
      >
        <Stack gap="md">
          {evaluation.criteria.map((c) => {
            const label = t('review.evaluate.criterionLabel', { name: c.name, weight: c.weight });
            const description = t('review.evaluate.scale', { max: c.scaleMax });
            const error = errors[`scores.${c.id}`];
            const value = scores[c.id];
            if (c.scaleMax > 10) {
              return (
                <NumberInput
                  key={c.id}
                  label={label}
                  description={description}
                  min={0}
                  max={c.scaleMax}
                  allowDecimal={false}
                  value={value ?? ''}
                  readOnly={readOnly}
                  error={error}
                  onChange={(v) => setScores((s) => ({ ...s, [c.id]: typeof v === 'number' ? v : undefined }))}
                />
              );
            }
            return (
              <Radio.Group
                key={c.id}
                label={label}
                description={description}
                error={error}
                value={value === undefined ? null : String(value)}
                onChange={(v) => setScores((s) => ({ ...s, [c.id]: Number(v) }))}
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
            value={comment}
            readOnly={readOnly}
            error={errors.comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" variant="default" loading={save.isPending && !confirmSubmit}>
                {t('review.evaluate.save')}
              </Button>
              <Button onClick={() => setConfirmSubmit(true)}>{t('review.evaluate.submit')}</Button>
              <Button variant="subtle" color="red" onClick={() => setConflictOpen(true)}>
                {t('review.evaluate.declareConflict')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirmSubmit}
        title={t('review.evaluate.submitTitle')}
        message={t('review.evaluate.submitMessage', { city: evaluation.cityName })}
        confirmLabel={t('review.evaluate.submitConfirm')}
        busy={save.isPending}
        onConfirm={() => send(true)}
        onCancel={() => setConfirmSubmit(false)}
      />
      <ConfirmDialog
        opened={conflictOpen}
        title={t('review.evaluate.conflictTitle')}
        message={t('review.evaluate.conflictMessage', { city: evaluation.cityName })}
        confirmLabel={t('review.evaluate.conflictConfirm')}
        busy={declare.isPending}
        onConfirm={declareConflict}
        onCancel={() => setConflictOpen(false)}
      >
        <Textarea
          label={t('review.evaluate.conflictReason')}
          description={t('review.evaluate.conflictReasonHint')}
          required
          autosize
          minRows={2}
          value={conflictReason}
          error={conflictError}
          onChange={(e) => {
            setConflictReason(e.currentTarget.value);
            setConflictError(undefined);
          }}
        />
        {declare.isError && <ReviewProblem error={declare.error} />}
      </ConfirmDialog>
    </section>
  );
}
