import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import type { z } from 'zod';
import { CreateReplicationPlanBody, ReplicationUpdateBody, type ReplicationPlan, type Visit } from '../../../shared/visit.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { VisitProblem } from './visit-problem.tsx';
import { formatDay } from './visit-format.ts';
import { useAddPlanUpdate, useCitySolutions, useCreatePlan, useReplicationPlans } from './visits.api.ts';
import { hasRole } from '../../../shared/role-predicates.ts';

type Plan = z.output<typeof ReplicationPlan>;
const STATUSES = ['not_started', 'in_progress', 'done', 'dropped'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_COLOR: Record<Status, string> = { not_started: 'gray.8', in_progress: 'violet.9', done: 'green.9', dropped: 'red.9' };

export function ReplicationStatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="outline" radius="sm">
      {t(`visits.replication.statuses.${status}`)}
    </Badge>
  );
}

/** What the visiting cities replicate: their plans, the 3-, 6- and 12-month updates, and forms for those entitled. */
export function ReplicationSection({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const plans = useReplicationPlans(visit.id);
  const user = useCurrentUser();
  const manager = hasRole(user, 'programme_manager');
  const mayPlanFor = visit.visitors.filter((c) => manager || visit.viewer.visitingCityIds.includes(c.id));

  return (
    <Stack gap="md">
      {plans.isPending && <LoadingState />}
      {plans.isError && <ProblemAlert error={plans.error} />}
      {plans.isSuccess && plans.data.items.length === 0 && <EmptyState title={t('visits.replication.emptyTitle')} description={t('visits.replication.emptyBody')} />}
      {plans.isSuccess &&
        plans.data.items.map((p) => <PlanCard key={p.id} plan={p} visitId={visit.id} mayUpdate={manager || visit.viewer.visitingCityIds.includes(p.cityId)} />)}
      {mayPlanFor.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-plan-heading">
          <Title order={3} size="h4" id="new-plan-heading" mb="sm">
            {t('visits.replication.newTitle')}
          </Title>
          <PlanForm visit={visit} cities={mayPlanFor} />
        </Paper>
      )}
    </Stack>
  );
}

function PlanCard({ plan, visitId, mayUpdate }: { plan: Plan; visitId: string; mayUpdate: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = `plan-${plan.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {t('visits.replication.planHeading', { city: plan.cityName, title: plan.title })}
          </Title>
          {plan.solutionId && plan.solutionTitle && (
            <Text size="sm">
              {t('visits.replication.basedOn')} <RouterAnchor to={`/solutions/${plan.solutionId}`}>{plan.solutionTitle}</RouterAnchor>
            </Text>
          )}
        </div>
        <ReplicationStatusBadge status={plan.status} />
      </Group>
      <Text size="sm">
        {t('visits.replication.ownerAndTarget', { owner: plan.owner || t('visits.replication.noOwner'), target: plan.targetDate ? formatDay(plan.targetDate, i18n.language) : t('visits.replication.noTarget') })}
      </Text>
      {plan.steps.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('visits.replication.steps')}
          </Text>
          <List size="sm" type="ordered">
            {plan.steps.map((s, i) => (
              <List.Item key={i}>
                {s.text}
                {(s.owner || s.targetDate) && ` — ${[s.owner, s.targetDate ? formatDay(s.targetDate, i18n.language) : ''].filter(Boolean).join(', ')}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {plan.updates.length > 0 ? (
        <ScrollRegion label={t('visits.replication.updatesCaption', { city: plan.cityName })}>
          <Table withTableBorder fz="sm" verticalSpacing={4} mt="sm">
            <Table.Caption>{t('visits.replication.updatesCaption', { city: plan.cityName })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('visits.replication.checkpoint')}</Table.Th>
                <Table.Th scope="col">{t('visits.replication.status')}</Table.Th>
                <Table.Th scope="col">{t('visits.replication.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.updates.map((u) => (
                <Table.Tr key={u.checkpoint}>
                  <Table.Td>{t('visits.replication.months', { count: u.checkpoint })}</Table.Td>
                  <Table.Td>{t(`visits.replication.statuses.${u.status}`)}</Table.Td>
                  <Table.Td>
                    {u.evidenceText || (u.evidenceUrl ? '' : '—')}
                    {u.evidenceUrl && (
                      <>
                        {u.evidenceText ? ' ' : ''}
                        <Anchor href={u.evidenceUrl} rel="noopener noreferrer" target="_blank" style={{ overflowWrap: 'anywhere' }}>
                          {u.evidenceUrl}
                        </Anchor>
                      </>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      ) : (
        <Text size="sm" mt="xs">
          {t('visits.replication.noUpdates')}
        </Text>
      )}
      {mayUpdate && <UpdateForm plan={plan} visitId={visitId} />}
    </Paper>
  );
}

function UpdateForm({ plan, visitId }: { plan: Plan; visitId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const add = useAddPlanUpdate(visitId);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const nextCheckpoint = ([3, 6, 12] as const).find((c) => !plan.updates.some((u) => u.checkpoint === c)) ?? 12;
  const [checkpoint, setCheckpoint] = useState<string>(String(nextCheckpoint));
  const [status, setStatus] = useState<Status>(plan.status);
  const [evidenceText, setEvidenceText] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [saved, setSaved] = useState(false);

  if (!open) {
    return (
      <Group mt="sm">
        {saved && (
          <Text size="sm" role="status" c="green.9">
            {t('visits.replication.updateSaved')}
          </Text>
        )}
        <Button size="xs" variant="default" onClick={() => setOpen(true)}>
          {t('visits.replication.addUpdateFor', { city: plan.cityName, title: plan.title })}
        </Button>
      </Group>
    );
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateWith(ReplicationUpdateBody, { checkpoint: Number(checkpoint), status, evidenceText, evidenceUrl: evidenceUrl.trim() === '' ? null : evidenceUrl.trim() }, t);
    if (!checked.ok) return setErrors({ ...checked.errors, ...(checked.errors.evidenceUrl ? { evidenceUrl: t('visits.replication.linkInvalid') } : {}) });
    add.mutate(
      { planId: plan.id, ...checked.data },
      {
        onSuccess: () => {
          setSaved(true);
          setOpen(false);
          setEvidenceText('');
          setEvidenceUrl('');
        },
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('visits.replication.updateFormLabel', { city: plan.cityName })} style={{ marginTop: 12 }}>
      <VisitProblem error={add.error} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('visits.replication.checkpoint')}
            required
            value={checkpoint}
            onChange={(e) => setCheckpoint(e.currentTarget.value)}
            data={[3, 6, 12].map((c) => ({ value: String(c), label: t('visits.replication.months', { count: c }) }))}
            error={errors.checkpoint}
          />
          <NativeSelect
            label={t('visits.replication.status')}
            required
            value={status}
            onChange={(e) => setStatus(STATUSES.find((s) => s === e.currentTarget.value) ?? 'not_started')}
            data={STATUSES.map((s) => ({ value: s, label: t(`visits.replication.statuses.${s}`) }))}
            error={errors.status}
          />
        </SimpleGrid>
        <Textarea
          label={t('visits.replication.evidenceText')}
          autosize
          minRows={2}
          value={evidenceText}
          onChange={(e) => {
            setEvidenceText(e.currentTarget.value);
            clearError('evidenceText');
          }}
          error={errors.evidenceText}
        />
        <TextInput
          type="url"
          label={t('visits.replication.evidenceUrl')}
          description={t('visits.replication.evidenceUrlHint')}
          value={evidenceUrl}
          onChange={(e) => {
            setEvidenceUrl(e.currentTarget.value);
            clearError('evidenceUrl');
          }}
          error={errors.evidenceUrl}
        />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('visits.replication.saveUpdate')}
          </Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface StepRow {
  key: number;
  text: string;
  owner: string;
  targetDate: string;
}
let stepKey = 1;

function PlanForm({ visit, cities }: { visit: Visit; cities: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const create = useCreatePlan(visit.id);
  const solutions = useCitySolutions(visit.host.slug, true);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [cityId, setCityId] = useState(cities[0]?.id ?? '');
  const [solutionId, setSolutionId] = useState('');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [steps, setSteps] = useState<StepRow[]>([{ key: stepKey++, text: '', owner: '', targetDate: '' }]);
  const [created, setCreated] = useState<string | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const values: z.input<typeof CreateReplicationPlanBody> = {
      cityId,
      solutionId: solutionId || null,
      title,
      owner,
      targetDate: targetDate || null,
      steps: steps.filter((s) => s.text.trim() || s.owner.trim() || s.targetDate).map((s) => ({ text: s.text, owner: s.owner, targetDate: s.targetDate || null })),
    };
    const checked = validateWith(CreateReplicationPlanBody, values, t);
    if (!checked.ok) return setErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (plan) => {
        setCreated(plan.title);
        setTitle('');
        setOwner('');
        setTargetDate('');
        setSolutionId('');
        setSteps([{ key: stepKey++, text: '', owner: '', targetDate: '' }]);
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  const changeStep = (key: number, i: number, field: 'text' | 'owner' | 'targetDate', value: string) => {
    setSteps((ss) => ss.map((s) => (s.key === key ? { ...s, [field]: value } : s)));
    clearError(`steps.${i}.${field}`);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('visits.replication.newTitle')}>
      {created && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {t('visits.replication.created', { title: created })}
        </Alert>
      )}
      <VisitProblem error={create.error} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('visits.replication.city')} required value={cityId} onChange={(e) => setCityId(e.currentTarget.value)} data={cities.map((c) => ({ value: c.id, label: c.name }))} />
          <NativeSelect
            label={t('visits.replication.solution')}
            value={solutionId}
            onChange={(e) => {
              setSolutionId(e.currentTarget.value);
              clearError('solutionId');
            }}
            data={[{ value: '', label: t('visits.replication.noSolution') }, ...(solutions.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))]}
            error={errors.solutionId}
          />
        </SimpleGrid>
        <TextInput
          label={t('visits.replication.planTitle')}
          required
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            clearError('title');
          }}
          error={errors.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('visits.replication.owner')} description={t('visits.replication.ownerHint')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} error={errors.owner} />
          <TextInput type="date" label={t('visits.replication.targetDate')} value={targetDate} onChange={(e) => setTargetDate(e.currentTarget.value)} error={errors.targetDate} />
        </SimpleGrid>
        <Text fw={600} size="sm">
          {t('visits.replication.steps')}
        </Text>
        {steps.map((s, i) => (
          <Paper key={s.key} withBorder p="sm" radius="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('visits.replication.stepN', { n: i + 1 })} value={s.text} onChange={(e) => changeStep(s.key, i, 'text', e.currentTarget.value)} error={errors[`steps.${i}.text`]} />
              <TextInput label={t('visits.replication.stepOwner', { n: i + 1 })} value={s.owner} onChange={(e) => changeStep(s.key, i, 'owner', e.currentTarget.value)} error={errors[`steps.${i}.owner`]} />
              <TextInput type="date" label={t('visits.replication.stepTarget', { n: i + 1 })} value={s.targetDate} onChange={(e) => changeStep(s.key, i, 'targetDate', e.currentTarget.value)} error={errors[`steps.${i}.targetDate`]} />
            </SimpleGrid>
            {steps.length > 1 && (
              <Button mt="xs" size="compact-xs" variant="default" onClick={() => setSteps((ss) => ss.filter((x) => x.key !== s.key))} aria-label={t('visits.replication.removeStep', { n: i + 1 })}>
                {t('visits.replication.remove')}
              </Button>
            )}
          </Paper>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => setSteps((ss) => [...ss, { key: stepKey++, text: '', owner: '', targetDate: '' }])} disabled={steps.length >= 30}>
            {t('visits.replication.addStep')}
          </Button>
        </Group>
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('visits.replication.create')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
