import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { answerProblems } from '../../../domain/calls/answers.ts';
import { UpdateApplicationBody, type Answers, type Application, type Call, type WithdrawalPreview } from '../../../shared/programme.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { AutosaveStatus } from '../../components/autosave-status.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { AnswerField } from './answer-field.tsx';
import { formatInstant } from './programme-dates.ts';
import { useApplication, useCall, useProgramme, useRemoveAttachment, useSaveAnswers, useSubmitApplication, useUploadAttachment, useWithdrawApplication, useWithdrawalPreview } from './programmes.api.ts';
import { ApplicationStatusBadge } from './status-badges.tsx';
import { representsCity } from '../../../shared/role-predicates.ts';
import { PageProblem } from '../../components/page-problem.tsx';
import type { TFunction } from 'i18next';

/** The withdrawal confirmation says exactly what the server will do in this case (who is told, who moves up, the visit changed). */
function withdrawalText(p: WithdrawalPreview, t: TFunction, city: string, call: string): string {
  const k = 'programmes.application.withdrawal';
  switch (p.case) {
    case 'refused':
      return p.refusal ? reasonText(p.refusal) : '';
    case 'before_decisions':
      return t(`${k}.beforeDecisions`, { city, call });
    case 'promote':
      if (p.outcome === 'waitlisted') return t(`${k}.waitlisted`, { city, call });
      return t(p.promotesWaitlisted ? `${k}.selectedPromotes` : `${k}.selectedNobodyWaiting`, { city, call });
    case 'programme_team': {
      if (p.outcome !== 'selected') return t(`${k}.matchedWaitlisted`, { city, call });
      const parts = [t(`${k}.matchedNobodyMovesUp`)];
      if (p.leavesVisitTo) parts.push(t(`${k}.leavesVisit`, { city, host: p.leavesVisitTo }));
      parts.push(p.tellsHost ? t(`${k}.tellsHostAndTeam`, { host: p.tellsHost }) : t(`${k}.tellsTeam`));
      return parts.join(' ');
    }
  }
}

const isEmpty = (v: Answers[string] | undefined) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
/** A list without its empty rows (a date row added and left blank). */
const withoutBlanks = (v: Answers[string]): Answers[string] => (Array.isArray(v) ? v.filter((item) => item !== '') : v);
/** Only the questions answered: an emptied answer is no answer, an empty row no row. */
const answered = (answers: Answers): Answers =>
  Object.fromEntries(
    Object.entries(answers)
      .map(([id, v]) => [id, withoutBlanks(v)] as const)
      .filter(([, v]) => !isEmpty(v)),
  );

/** /applications/:id: the city's application to a call; its representatives edit it until the deadline. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const application = useApplication(id);
  const slug = application.data?.programmeSlug ?? '';
  const kind = application.data?.callKind ?? 'host';
  const call = useCall(slug, kind);
  const programme = useProgramme(slug);
  const ready = application.isSuccess && call.isSuccess && programme.isSuccess;
  const error = application.error ?? call.error ?? programme.error;

  if (error) {
    return (
      <PageProblem title={t('programmes.application.titleFallback')} error={error} />
    );
  }
  if (!ready) return <LoadingState />;
  // A new form when another application is opened; saved answers stay in the form after each save.
  return <ApplicationView key={application.data.id} application={application.data} call={call.data} maxDelegates={programme.data.settings.maxDelegatesPerCity} visitWindow={programme.data.milestones.find((m) => m.kind === 'visits')} />;
}

function ApplicationView({ application: a, call, maxDelegates, visitWindow }: { application: Application; call: Call; maxDelegates: number; visitWindow: { startsOn: string; endsOn: string } | undefined }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const save = useSaveAnswers(a.id);
  // Its own request: an autosave's failure shows in its status line, not as the form's refusal.
  const autosave = useSaveAnswers(a.id);
  const submit = useSubmitApplication(a.id);
  const withdraw = useWithdrawApplication(a.id);
  const upload = useUploadAttachment(a.id);
  const removeFile = useRemoveAttachment(a.id);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'submit' | 'withdraw' | 'removeFile' | null>(null);
  const [fileToRemove, setFileToRemove] = useState<string | null>(null);
  const [uploadingQuestion, setUploadingQuestion] = useState<string | null>(null);
  const withdrawal = useWithdrawalPreview(a.id, confirm === 'withdraw');

  const isRepresentative = representsCity(user, a.cityId);
  // The server decides; this only avoids offering what it would refuse. A page
  // left open past the deadline still offers saving, and shows the server's refusal.
  const editable = isRepresentative && a.status !== 'withdrawn' && call.state === 'open' && ['draft', 'submitted'].includes(a.status);
  const mayWithdraw = isRepresentative && a.status !== 'withdrawn' && (call.state === 'open' || ((a.status === 'selected' || a.status === 'waitlisted') && call.decisionsPublishedAt !== null));
  const lastError = save.error ?? submit.error ?? withdraw.error ?? upload.error ?? removeFile.error;
  const busy = save.isPending || autosave.isPending || submit.isPending || withdraw.isPending;

  // One message at a time: a new action clears what the previous one said.
  const resetMessages = () => {
    for (const m of [save, submit, withdraw, upload, removeFile]) m.reset();
    setNotice(null);
  };

  /** The server's own checks (domain/calls/answers.ts) before sending, in the person's language. */
  const problemsOf = (answers: Answers, submitting: boolean): FieldErrors => {
    const problems: FieldErrors = {};
    for (const p of answerProblems(call.questions, answered(answers), { submitting, maxDelegates, visitWindow })) problems[`answers.${p.questionId}`] ??= reasonText(p.reason);
    return problems;
  };

  const form = useApiForm({
    initialValues: { answers: a.answers },
    schema: UpdateApplicationBody,
    toBody: (v) => ({ version: a.version, answers: answered(v.answers) }),
    // Once submitted, every save must leave a complete application.
    validate: (v) => problemsOf(v.answers, a.status === 'submitted'),
    mutation: save,
    warnOnLeave: editable,
    // A draft saves itself (the version comes back through the cached application); once submitted, changes are saved on purpose.
    autosave: { request: autosave, enabled: editable && a.status === 'draft' },
    onEdit: () => setNotice(null),
  });

  const saveDraft = (then?: (saved: Application) => void) => {
    if (!then) resetMessages();
    const body = form.check();
    if (body === null) return;
    form.send(body, {
      onSuccess: (saved) => {
        form.setValues({ answers: saved.answers });
        if (then) then(saved);
        else setNotice(t(a.status === 'submitted' ? 'programmes.application.changesSaved' : 'programmes.application.draftSaved'));
      },
    });
  };

  const askSubmit = () => {
    resetMessages();
    if (form.check((v) => problemsOf(v.answers, true)) !== null) setConfirm('submit');
  };

  const doSubmit = () => {
    const send = (version: number) =>
      form.run(submit, version, {
        onSuccess: () => {
          setConfirm(null);
          setNotice(t('programmes.application.submitted'));
        },
        onError: () => setConfirm(null),
      });
    if (form.dirty) saveDraft((saved) => send(saved.version));
    else send(a.version);
  };

  const onUpload = (questionId: string, file: File) => {
    resetMessages();
    setUploadingQuestion(questionId);
    upload.mutate(
      { questionId, file },
      {
        onSuccess: (saved) => {
          // Keep unsaved edits of other questions; take the file's name from the server. The file is saved: not a change to warn about.
          const name = saved.answers[questionId] ?? file.name;
          form.setFieldValue(`answers.${questionId}`, name);
          form.resetDirty({ answers: { ...form.getInitialValues().answers, [questionId]: name } });
          setNotice(t('programmes.application.fileAttached', { name: saved.answers[questionId] ?? file.name }));
        },
        onSettled: () => setUploadingQuestion(null),
      },
    );
  };

  const doRemoveFile = () => {
    if (!fileToRemove) return;
    resetMessages();
    const questionId = fileToRemove;
    removeFile.mutate(questionId, {
      onSuccess: () => {
        const without = (answers: Answers) => Object.fromEntries(Object.entries(answers).filter(([id]) => id !== questionId));
        form.setFieldValue('answers', without);
        form.resetDirty({ answers: without(form.getInitialValues().answers) });
        setNotice(t('programmes.application.fileRemoved'));
      },
      onSettled: () => {
        setConfirm(null);
        setFileToRemove(null);
      },
    });
  };

  const callName = t(`programmes.callNamesInline.${a.callKind}`);
  const callTitle = t(`programmes.callNames.${a.callKind}`);
  const closes = formatInstant(call.closesAt, call.timeZone, i18n.language);
  const outcome = a.status === 'selected' || a.status === 'waitlisted' || a.status === 'rejected';

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('programmes.application.title', { city: a.cityName, call: callName })}</PageTitle>
        <RouterAnchor to={`/programmes/${a.programmeSlug}/calls/${a.callKind}`} size="sm">
          {t('programmes.application.backToCall', { call: callTitle, programme: call.programmeTitle })}
        </RouterAnchor>
      </div>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="status-heading">
        <Title order={2} size="h4" id="status-heading" mb="xs">
          {t('programmes.application.statusTitle')}
        </Title>
        <Group gap="sm" mb="xs">
          <ApplicationStatusBadge status={a.status} />
          {a.submittedAt && <Text size="sm">{t('programmes.application.submittedAt', { when: formatInstant(a.submittedAt, call.timeZone, i18n.language) })}</Text>}
        </Group>
        <Text size="sm">{t(`programmes.applicationStatusHelp.${a.status}`)}</Text>
        {outcome && a.decisionReason && (
          <Alert color={a.status === 'selected' ? 'green' : a.status === 'rejected' ? 'red' : 'blue'} variant="light" mt="sm" title={t('programmes.application.outcomeTitle')}>
            {a.decisionReason}
          </Alert>
        )}
        <Text size="sm" mt="xs">
          {call.state === 'closed' ? t('programmes.application.closedOn', { when: closes, timeZone: call.timeZone }) : t('programmes.application.deadline', { when: closes, timeZone: call.timeZone })}
        </Text>
      </Paper>

      <div aria-live="polite">
        {notice && !lastError && (
          <Alert color="green" variant="light">
            {notice}
          </Alert>
        )}
      </div>
      <ProblemAlert error={lastError} />

      <form
        {...form.formProps}
        aria-label={t('programmes.application.formLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          saveDraft();
        }}
      >
        <Stack gap="lg">
          {call.questions.length === 0 && <Text>{t('programmes.callPage.noQuestions')}</Text>}
          {call.questions.map((q) => (
            <AnswerField
              key={q.id}
              question={q}
              {...form.getInputProps(`answers.${q.id}`)}
              readOnly={!editable}
              maxDelegates={maxDelegates}
              applicationId={a.id}
              onUpload={(file) => onUpload(q.id, file)}
              onRemoveFile={() => {
                setFileToRemove(q.id);
                setConfirm('removeFile');
              }}
              uploading={uploadingQuestion === q.id}
            />
          ))}
          {isRepresentative && (
            <Group>
              {editable && (
                <Button {...form.submitProps} variant={a.status === 'draft' ? 'default' : 'filled'} disabled={busy && !save.isPending}>
                  {a.status === 'draft' ? t('programmes.application.saveDraft') : t('programmes.application.saveChanges')}
                </Button>
              )}
              {editable && a.status === 'draft' && (
                <Button onClick={askSubmit} disabled={busy}>
                  {t('programmes.application.submit')}
                </Button>
              )}
              {mayWithdraw && (
                <Button
                  color="red"
                  variant="outline"
                  c="red.9"
                  onClick={() => {
                    resetMessages();
                    setConfirm('withdraw');
                  }}
                  disabled={busy}
                >
                  {t('programmes.application.withdraw')}
                </Button>
              )}
            </Group>
          )}
          {editable && a.status === 'draft' && <AutosaveStatus state={form.autosave} />}
        </Stack>
      </form>

      <ConfirmDialog
        opened={confirm === 'submit'}
        title={t('programmes.application.submitTitle')}
        message={t('programmes.application.submitMessage', { city: a.cityName, when: closes, timeZone: call.timeZone })}
        confirmLabel={t('programmes.application.submitConfirm')}
        busy={save.isPending || submit.isPending}
        onConfirm={doSubmit}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        opened={confirm === 'withdraw'}
        title={t('programmes.application.withdrawTitle')}
        message={
          withdrawal.data
            ? withdrawalText(withdrawal.data, t, a.cityName, callName)
            : withdrawal.isError
              ? t('programmes.application.withdrawMessage', { city: a.cityName, call: callName })
              : t('programmes.application.withdrawal.checking')
        }
        confirmLabel={t('programmes.application.withdrawConfirm')}
        busy={withdraw.isPending}
        // Wait for what it would do; a refusal is said and not offered. (Should the preview fail, the server still decides.)
        confirmDisabled={withdrawal.isPending || withdrawal.data?.case === 'refused'}
        onConfirm={() =>
          withdraw.mutate(a.version, {
            onSuccess: () => setNotice(t('programmes.application.withdrawn')),
            onSettled: () => setConfirm(null),
          })
        }
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        opened={confirm === 'removeFile'}
        title={t('programmes.application.removeFileTitle')}
        message={t('programmes.application.removeFileMessage', { name: fileToRemove ? String(form.values.answers[fileToRemove] ?? '') : '' })}
        confirmLabel={t('programmes.answer.removeFile')}
        busy={removeFile.isPending}
        onConfirm={doRemoveFile}
        onCancel={() => {
          setConfirm(null);
          setFileToRemove(null);
        }}
      />
    </Stack>
  );
}
