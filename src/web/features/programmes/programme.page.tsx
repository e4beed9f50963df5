import { Alert, Anchor, Badge, Box, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CallKind, Programme } from '../../../shared/programme.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { formatInstant, formatLocalDate } from './programme-dates.ts';
import { useStageText } from './programmes-list.page.tsx';
import { useCall, useCallApplications, useProgramme } from './programmes.api.ts';
import { ApplicationStatusBadge, CallStateBadge, StepStatusBadge } from './status-badges.tsx';
import { hasRole, representedCities } from '../../../shared/role-predicates.ts';
import { PageSection } from '../../components/page-section.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { CallActions } from './call-actions.tsx';
import { ProgrammeActions } from './programme-actions.tsx';

const KINDS: CallKind[] = ['host', 'visitor'];

/** /programmes/:slug: numbers, where the edition stands, its timeline, its calls and the reader's city's position. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  const user = useCurrentUser();
  const stageText = useStageText();

  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    return (
      <PageProblem title={t('programmes.list.title')} error={programme.error} />
    );
  }
  const p = programme.data;
  const isManager = hasRole(user, 'programme_manager');
  const ownCities = representedCities(user);

  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{p.title}</PageTitle>
        <Group gap="xs">
          <Badge variant="outline" color="blue.9">
            {t(`programmes.formats.${p.format}`)}
          </Badge>
          <Badge variant="outline" color="gray.8">
            {t('programmes.edition', { year: p.editionYear })}
          </Badge>
          {p.publishedAt === null && (
            <Badge variant="outline" color="grape.9">
              {t('programmes.list.draft')}
            </Badge>
          )}
        </Group>
        <RouterAnchor to="/programmes" size="sm" mt="xs" display="inline-block">
          {t('programmes.backToList')}
        </RouterAnchor>
      </div>
      {p.description && <Text>{p.description}</Text>}

      <PageSection id="stage-heading" title={t('programmes.page.stageTitle')}>
        <Alert color="blue" variant="light">
          <Text>{stageText(p)}</Text>
        </Alert>
      </PageSection>

      {isManager && (
        <PageSection id="run-heading" title={t('programmes.actions.sectionTitle')}>
          <ProgrammeActions programme={p} />
        </PageSection>
      )}

      <Numbers programme={p} />

      {ownCities.length > 0 && (
        <PageSection id="position-heading" title={t('programmes.page.positionTitle')}>
          <Stack gap="sm">
            {KINDS.map((kind) => (
              <CityPosition key={kind} slug={p.slug} kind={kind} cities={ownCities} />
            ))}
          </Stack>
        </PageSection>
      )}

      <PageSection id="calls-heading" title={t('programmes.page.callsTitle')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {KINDS.map((kind) => (
            <CallCard key={kind} slug={p.slug} kind={kind} isManager={isManager} />
          ))}
        </SimpleGrid>
      </PageSection>

      <Timeline programme={p} />

      <PageSection id="more-heading" title={t('programmes.page.moreTitle')}>
        <List spacing={4}>
          <List.Item>
            <RouterAnchor to={`/programmes/${p.slug}/groups`}>{t('programmes.links.groups')}</RouterAnchor>
          </List.Item>
          <List.Item>
            <RouterAnchor to={`/programmes/${p.slug}/visits`}>{t('programmes.links.visits')}</RouterAnchor>
          </List.Item>
          <List.Item>
            <RouterAnchor to={`/programmes/${p.slug}/outcomes`}>{t('programmes.links.outcomes')}</RouterAnchor>
          </List.Item>
        </List>
        {isManager && (
          <>
            <Title order={3} size="h4" mt="md" mb="xs">
              {t('programmes.page.managersTitle')}
            </Title>
            <List spacing={4}>
              <List.Item>
                <RouterAnchor to={`/programmes/${p.slug}/settings`}>{t('programmes.links.settings')}</RouterAnchor>
              </List.Item>
              {KINDS.map((kind) => (
                <List.Item key={`evaluation-${kind}`}>
                  <RouterAnchor to={`/programmes/${p.slug}/calls/${kind}/evaluation`}>{t('programmes.links.evaluation', { call: t(`programmes.callNamesInline.${kind}`) })}</RouterAnchor>
                </List.Item>
              ))}
              {KINDS.map((kind) => (
                <List.Item key={`selection-${kind}`}>
                  <RouterAnchor to={`/programmes/${p.slug}/calls/${kind}/selection`}>{t('programmes.links.selection', { call: t(`programmes.callNamesInline.${kind}`) })}</RouterAnchor>
                </List.Item>
              ))}
              <List.Item>
                <RouterAnchor to={`/programmes/${p.slug}/matching`}>{t('programmes.links.matching')}</RouterAnchor>
              </List.Item>
              <List.Item>
                <RouterAnchor to={`/programmes/${p.slug}/dashboard`}>{t('programmes.links.dashboard')}</RouterAnchor>
              </List.Item>
              <List.Item>
                <RouterAnchor to="/support/dashboard">{t('programmes.links.supportDashboard')}</RouterAnchor>
              </List.Item>
            </List>
          </>
        )}
      </PageSection>
    </Stack>
  );
}

function Numbers({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const s = p.settings;
  const items =
    p.format === 'twinning'
      ? [{ label: t('programmes.numbers.pairs'), value: s.hostCount }]
      : [
          { label: t('programmes.numbers.hosts'), value: s.hostCount },
          { label: t('programmes.numbers.visitorsPerHost'), value: s.visitorsPerHost },
          { label: t('programmes.numbers.visitors'), value: s.hostCount * s.visitorsPerHost },
        ];
  items.push({ label: t('programmes.numbers.delegates'), value: s.maxDelegatesPerCity }, { label: t('programmes.numbers.visitDays'), value: s.visitLengthDays });
  return (
    <PageSection id="numbers-heading" title={t('programmes.page.numbersTitle')}>
      <SimpleGrid cols={{ base: 2, sm: items.length }} component="dl" style={{ margin: 0 }}>
        {items.map((item) => (
          <Paper key={item.label} withBorder p="sm" radius="md">
            <Text component="dt" size="sm">
              {item.label}
            </Text>
            <Text component="dd" fw={700} size="xl" m={0}>
              {item.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="sm" mt="xs">
        {t('programmes.numbers.visitorRule', { year: s.visitorTargetYearMax })}
        {s.requireDiscussionGroups ? ` ${t('programmes.numbers.learningRule', { count: s.learningPhases })}` : ''}
      </Text>
    </PageSection>
  );
}

function Timeline({ programme: p }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const byKind = new Map(p.milestones.map((m) => [m.kind, m]));
  return (
    <PageSection id="timeline-heading" title={t('programmes.page.timelineTitle')} spacing="xs">
      <Text size="sm" mb="sm">
        {t('programmes.page.timelineZone', { timeZone: p.settings.timeZone })}
      </Text>
      <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {p.steps.map((step) => {
          const m = byKind.get(step.kind);
          return (
            <Paper component="li" key={step.kind} withBorder p="sm" radius="md" aria-current={step.status === 'current' ? 'step' : undefined}>
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>{t(`programmes.milestones.${step.kind}`)}</Text>
                <StepStatusBadge status={step.status} />
              </Group>
              {m && (
                <Text size="sm">
                  {t('programmes.timeline.range', { from: formatLocalDate(m.startsOn, i18n.language), to: formatLocalDate(m.endsOn, i18n.language) })}
                </Text>
              )}
            </Paper>
          );
        })}
      </Stack>
    </PageSection>
  );
}

function CallCard({ slug, kind, isManager }: { slug: string; kind: CallKind; isManager: boolean }) {
  const { t, i18n } = useTranslation();
  const call = useCall(slug, kind);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t(`programmes.callNames.${kind}`)}
        </Title>
        {call.isSuccess && <CallStateBadge state={call.data.state} />}
      </Group>
      {call.isPending && <LoadingState />}
      {call.isError && <ProblemAlert error={call.error} />}
      {call.isSuccess && (
        <Stack gap={4}>
          <Text size="sm">{t(`programmes.callWho.${kind}`)}</Text>
          <Text size="sm">{t('programmes.call.opens', { when: formatInstant(call.data.opensAt, call.data.timeZone, i18n.language) })}</Text>
          <Text size="sm">{t('programmes.call.closes', { when: formatInstant(call.data.closesAt, call.data.timeZone, i18n.language), timeZone: call.data.timeZone })}</Text>
          <Group gap="sm" mt="xs">
            <Button component={Link} to={`/programmes/${slug}/calls/${kind}`} size="xs" variant="light" c="blue.9">
              {t('programmes.call.open', { call: t(`programmes.callNamesInline.${kind}`) })}
            </Button>
            {isManager && call.data.formLock === null && (
              <Anchor component={Link} to={`/programmes/${slug}/calls/${kind}`} size="sm">
                {t('programmes.call.editForm')}
              </Anchor>
            )}
          </Group>
          {isManager && (
            <Box mt="sm">
              <CallActions call={call.data} />
            </Box>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** The reader's cities in one call: applied or not, status and the published outcome. */
function CityPosition({ slug, kind, cities }: { slug: string; kind: CallKind; cities: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const applications = useCallApplications(slug, kind, true);
  if (applications.isPending) return <LoadingState />;
  if (applications.isError) return <ProblemAlert error={applications.error} />;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="xs">
        {t(`programmes.callNames.${kind}`)}
      </Title>
      <Stack gap="xs">
        {cities.map((city) => {
          const application = applications.data.items.find((a) => a.cityId === city.id);
          return (
            <div key={city.id}>
              {application ? (
                <Group gap="sm" wrap="wrap">
                  <Text>{t('programmes.position.applied', { city: city.name })}</Text>
                  <ApplicationStatusBadge status={application.status} />
                  <RouterAnchor to={`/applications/${application.id}`}>{t('programmes.position.openApplication', { city: city.name })}</RouterAnchor>
                </Group>
              ) : (
                <Group gap="sm" wrap="wrap">
                  <Text>{t('programmes.position.notApplied', { city: city.name })}</Text>
                  <RouterAnchor to={`/programmes/${slug}/calls/${kind}`}>{t('programmes.position.seeCall')}</RouterAnchor>
                </Group>
              )}
              {application?.decisionReason && <Text size="sm">{t('programmes.position.reason', { reason: application.decisionReason })}</Text>}
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
