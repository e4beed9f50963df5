import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import type { z } from 'zod';
import { CreateReplicationPlanBody, ReplicationUpdateBody, type ReplicationPlan, type Visit } from '../../../shared/visit.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { VisitProblem } from './visit-problem.tsx';
import { formatDay } from './visit-format.ts';
import { useAddPlanUpdate, useCitySolutions, useCreatePlan, useReplicationPlans } from './visits.api.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';
import '../../locales/lazy/visits.strings.ts';

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
            <ColumnHeads labels={[t('visits.replication.checkpoint'), t('visits.replication.status'), t('visits.replication.evidence')]} />
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
  // What the last save did, said where a screen reader hears it (the live region is always there).
  const [saved, setSaved] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Closing the form (saved or cancelled) puts focus back on the button that opened it.
  useEffect(() => {
    if (wasOpen.current && !open) addButton.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const nextCheckpoint = ([3, 6, 12] as const).find((c) => !plan.updates.some((u) => u.checkpoint === c)) ?? 12;
  const urlOf = (value: string) => (value.trim() === '' ? null : value.trim());
  const form = useApiForm({
    initialValues: { checkpoint: String(nextCheckpoint), status: plan.status, evidenceText: '', evidenceUrl: '' },
    schema: ReplicationUpdateBody,
    toBody: (v) => ({ checkpoint: ReplicationUpdateBody.shape.checkpoint.safeParse(Number(v.checkpoint)).data, status: v.status, evidenceText: v.evidenceText, evidenceUrl: urlOf(v.evidenceUrl) }),
    // Said as what to do: a link starting with http:// or https://.
    validate: (v) => (ReplicationUpdateBody.shape.evidenceUrl.safeParse(urlOf(v.evidenceUrl)).success ? {} : { evidenceUrl: t('visits.replication.linkInvalid') }),
    mutation: useAddPlanUpdate(visitId, plan.id),
    warnOnLeave: true,
    onSuccess: (_plan, body) => {
      setSaved(t('visits.replication.updateSaved', { checkpoint: t('visits.replication.months', { count: body.checkpoint }), status: t(`visits.replication.statuses.${body.status}`) }));
      setOpen(false);
      form.setValues({ evidenceText: '', evidenceUrl: '' });
    },
  });

  const status = (
    <div role="status" aria-live="polite">
      {saved && (
        <Alert color="green" variant="light" mt="sm" p="xs">
          {saved}
        </Alert>
      )}
    </div>
  );
  if (!open) {
    return (
      <>
        {status}
        <Group mt="sm">
          <Button
            ref={addButton}
            size="xs"
            variant="default"
            onClick={() => {
              setSaved(null);
              setOpen(true);
            }}
          >
            {t('visits.replication.addUpdateFor', { city: plan.cityName, title: plan.title })}
          </Button>
        </Group>
      </>
    );
  }

  return (
    <>
      {status}
      <form {...form.formProps} aria-label={t('visits.replication.updateFormLabel', { city: plan.cityName })} style={{ marginTop: 12 }}>
        <VisitProblem error={form.requestError} />
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('visits.replication.checkpoint')}
              required
              {...form.getInputProps('checkpoint')}
              data={[3, 6, 12].map((c) => ({ value: String(c), label: t('visits.replication.months', { count: c }) }))}
            />
            <NativeSelect label={t('visits.replication.status')} required {...form.getInputProps('status')} data={STATUSES.map((s) => ({ value: s, label: t(`visits.replication.statuses.${s}`) }))} />
          </SimpleGrid>
          <Textarea label={t('visits.replication.evidenceText')} autosize minRows={2} {...form.getInputProps('evidenceText')} />
          <TextInput type="url" label={t('visits.replication.evidenceUrl')} description={t('visits.replication.evidenceUrlHint')} {...form.getInputProps('evidenceUrl')} />
          <Group>
            <Button {...form.submitProps}>{t('visits.replication.saveUpdate')}</Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

const blankStep = () => ({ key: randomId(), text: '', owner: '', targetDate: '' });
const isBlank = (step: { text: string; owner: string; targetDate: string }) => !step.text.trim() && !step.owner.trim() && !step.targetDate;

function PlanForm({ visit, cities }: { visit: Visit; cities: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const solutions = useCitySolutions(visit.host.slug, true);
  const [created, setCreated] = useState<string | null>(null);
  const form = useApiForm({
    initialValues: { cityId: cities[0]?.id ?? '', solutionId: '', title: '', owner: '', targetDate: '', steps: [blankStep()] },
    schema: CreateReplicationPlanBody,
    toBody: (v) => ({
      cityId: v.cityId,
      solutionId: v.solutionId || null,
      title: v.title,
      owner: v.owner,
      targetDate: v.targetDate || null,
      steps: v.steps.filter((s) => !isBlank(s)).map((s) => ({ text: s.text, owner: s.owner, targetDate: s.targetDate || null })),
    }),
    // Blank step rows are not sent, so the body's step n is the n-th filled row.
    fieldOf: (path: string): string => {
      const match = /^steps\.(\d+)(\..*)?$/.exec(path);
      if (!match) return path;
      const filled = form.values.steps.flatMap((s, i) => (isBlank(s) ? [] : [i]));
      return `steps.${filled[Number(match[1])] ?? match[1]}${match[2] ?? ''}`;
    },
    mutation: useCreatePlan(visit.id),
    warnOnLeave: true,
    onSuccess: (plan) => {
      setCreated(plan.title);
      form.setValues({ title: '', owner: '', targetDate: '', solutionId: '', steps: [blankStep()] });
    },
    onEdit: () => setCreated(null),
  });
  const steps = form.values.steps;

  return (
    <form {...form.formProps} aria-label={t('visits.replication.newTitle')}>
      {created && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {t('visits.replication.created', { title: created })}
        </Alert>
      )}
      <VisitProblem error={form.requestError} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('visits.replication.city')} required {...form.getInputProps('cityId')} data={cities.map((c) => ({ value: c.id, label: c.name }))} />
          <NativeSelect
            label={t('visits.replication.solution')}
            {...form.getInputProps('solutionId')}
            data={[{ value: '', label: t('visits.replication.noSolution') }, ...(solutions.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))]}
          />
        </SimpleGrid>
        <TextInput label={t('visits.replication.planTitle')} required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('visits.replication.owner')} description={t('visits.replication.ownerHint')} {...form.getInputProps('owner')} />
          <TextInput type="date" label={t('visits.replication.targetDate')} {...form.getInputProps('targetDate')} />
        </SimpleGrid>
        <Text fw={600} size="sm">
          {t('visits.replication.steps')}
        </Text>
        {steps.map((s, i) => (
          <Paper key={s.key} withBorder p="sm" radius="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('visits.replication.stepN', { n: i + 1 })} {...form.getInputProps(`steps.${i}.text`)} />
              <TextInput label={t('visits.replication.stepOwner', { n: i + 1 })} {...form.getInputProps(`steps.${i}.owner`)} />
              <TextInput type="date" label={t('visits.replication.stepTarget', { n: i + 1 })} {...form.getInputProps(`steps.${i}.targetDate`)} />
            </SimpleGrid>
            {steps.length > 1 && (
              <Button mt="xs" size="compact-xs" variant="default" onClick={() => form.removeListItem('steps', i)} aria-label={t('visits.replication.removeStep', { n: i + 1 })}>
                {t('visits.replication.remove')}
              </Button>
            )}
          </Paper>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => form.insertListItem('steps', blankStep())} disabled={steps.length >= 30}>
            {t('visits.replication.addStep')}
          </Button>
        </Group>
        <div>
          <Button {...form.submitProps}>{t('visits.replication.create')}</Button>
        </div>
      </Stack>
    </form>
  );
}
