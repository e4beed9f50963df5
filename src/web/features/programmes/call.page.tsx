import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CallKind, type Call } from '../../../shared/programme.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { reasonText } from '../../lib/reason-text.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { CallActions, Reopenings } from './call-actions.tsx';
import { CallFormEditor } from './call-form-editor.tsx';
import { LearningCompletions } from './learning-completions.tsx';
import { formatInstant } from './programme-dates.ts';
import { useCall, useCallApplications, useEligibility, useStartApplication } from './programmes.api.ts';
import { ApplicationStatusBadge, CallStateBadge } from './status-badges.tsx';
import { hasRole, representedCities } from '../../../shared/role-predicates.ts';
import { PageSection } from '../../components/page-section.tsx';
import { PageProblem } from '../../components/page-problem.tsx';

/** /programmes/:slug/calls/:kind: what the call is, its window, a city's eligibility and application; managers edit its form. */
export function CallPage() {
  const { t } = useTranslation();
  const params = useParams();
  const kind = CallKind.safeParse(params.kind);
  const slug = params.slug ?? '';
  if (!kind.success) {
    return (
      <>
        <PageTitle>{t('notFound.title')}</PageTitle>
        <Text>{t('notFound.body')}</Text>
      </>
    );
  }
  return <CallView slug={slug} kind={kind.data} />;
}

function CallView({ slug, kind }: { slug: string; kind: CallKind }) {
  const { t, i18n } = useTranslation();
  const call = useCall(slug, kind);
  const user = useCurrentUser();
  const isManager = hasRole(user, 'programme_manager');
  const cities = representedCities(user);

  if (call.isPending) return <LoadingState />;
  if (call.isError) {
    return (
      <PageProblem title={t(`programmes.callNames.${kind}`)} error={call.error} />
    );
  }
  const c = call.data;
  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('programmes.callPage.title', { call: t(`programmes.callNames.${kind}`), programme: c.programmeTitle })}</PageTitle>
        <RouterAnchor to={`/programmes/${slug}`} size="sm">
          {t('programmes.backToProgramme', { programme: c.programmeTitle })}
        </RouterAnchor>
      </div>
      <PageSection id="about-heading" title={t('programmes.callPage.aboutTitle')} spacing="xs">
        <Text mb="sm">{t(`programmes.callAbout.${kind}`)}</Text>
        <Group gap="sm" mb="xs">
          <CallStateBadge state={c.state} />
        </Group>
        <Text>{t('programmes.call.opens', { when: formatInstant(c.opensAt, c.timeZone, i18n.language) })}</Text>
        <Text>{t('programmes.call.closes', { when: formatInstant(c.closesAt, c.timeZone, i18n.language), timeZone: c.timeZone })}</Text>
      </PageSection>

      {cities.length > 0 && (
        <PageSection id="your-city-heading" title={t('programmes.callPage.yourCityTitle', { count: cities.length })}>
          <Stack gap="md">
            {cities.map((city) => (
              <CityApplicationPanel key={city.id} call={c} city={city} />
            ))}
          </Stack>
        </PageSection>
      )}
      {!user && (
        <Text>
          <RouterAnchor to={`/sign-in?next=${encodeURIComponent(`/programmes/${slug}/calls/${kind}`)}`}>{t('programmes.callPage.signInToApply')}</RouterAnchor>
        </Text>
      )}

      <PageSection id="questions-preview-heading" title={t('programmes.callPage.questionsTitle')} spacing="xs">
        {c.questions.length === 0 ? (
          <Text>{t('programmes.callPage.noQuestions')}</Text>
        ) : (
          <List type="ordered" spacing={4}>
            {c.questions.map((q) => (
              <List.Item key={q.id}>
                {q.label} <Text span size="sm">({t(`programmes.questionTypes.${q.type}`)}{q.required ? `, ${t('programmes.callPage.required')}` : ''})</Text>
              </List.Item>
            ))}
          </List>
        )}
      </PageSection>

      {isManager && (
        <>
          <PageSection id="manage-heading" title={t('programmes.callPage.manageTitle')} spacing="xs">
            <ManagerSummary call={c} />
            <Title order={3} size="h4" mt="md" mb="xs">
              {t('programmes.callPage.windowTitle')}
            </Title>
            {c.state === 'upcoming' && c.openProblems.length > 0 && (
              <Alert color="orange" variant="light" c="dark.9" title={t('programmes.callPage.cannotOpenTitle')} mb="sm">
                <List size="sm">
                  {c.openProblems.map((problem) => (
                    <List.Item key={problem.code}>{reasonText(problem)}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <CallActions call={c} />
            <Reopenings call={c} />
            {c.formLock === null ? (
              <Paper withBorder p="lg" radius="md" mt="md">
                <CallFormEditor call={c} />
              </Paper>
            ) : (
              <Alert color="gray" variant="light" c="dark.9" mt="md" title={t('programmes.callPage.formLockedTitle')}>
                {reasonText(c.formLock)}
              </Alert>
            )}
          </PageSection>
          {kind === 'visitor' && <LearningCompletions slug={slug} />}
        </>
      )}
    </Stack>
  );
}

function ManagerSummary({ call }: { call: Call }) {
  const { t } = useTranslation();
  const applications = useCallApplications(call.programmeSlug, call.kind, true);
  const base = `/programmes/${call.programmeSlug}/calls/${call.kind}`;
  return (
    <Stack gap="xs">
      {applications.isPending && <LoadingState />}
      {applications.isError && <ProblemAlert error={applications.error} />}
      {applications.isSuccess && (
        <Text>
          {t('programmes.callPage.applicationCount', {
            count: applications.data.items.length,
            submitted: applications.data.items.filter((a) => a.status !== 'draft' && a.status !== 'withdrawn').length,
          })}
        </Text>
      )}
      <Group gap="md">
        <RouterAnchor to={`${base}/evaluation`}>{t('programmes.links.evaluation', { call: t(`programmes.callNamesInline.${call.kind}`) })}</RouterAnchor>
        <RouterAnchor to={`${base}/selection`}>{t('programmes.links.selection', { call: t(`programmes.callNamesInline.${call.kind}`) })}</RouterAnchor>
      </Group>
    </Stack>
  );
}

/** A represented city: its eligibility in words, and its one application to this call. */
function CityApplicationPanel({ call, city }: { call: Call; city: { id: string; name: string } }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const applications = useCallApplications(call.programmeSlug, call.kind, true);
  const eligibility = useEligibility(call.programmeSlug, call.kind, city.id);
  const start = useStartApplication(call.programmeSlug, call.kind);
  const existing = applications.data?.items.find((a) => a.cityId === city.id);

  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} size="h4" mb="sm">
        {city.name}
      </Title>
      {(applications.isPending || eligibility.isPending) && <LoadingState />}
      <ProblemAlert error={applications.error ?? eligibility.error} />
      {existing && (
        <Stack gap="sm">
          <Group gap="sm">
            <Text>{t('programmes.callPage.alreadyApplied', { city: city.name })}</Text>
            <ApplicationStatusBadge status={existing.status} />
          </Group>
          <div>
            <Button component={Link} to={`/applications/${existing.id}`}>
              {t('programmes.callPage.continue')}
            </Button>
          </div>
        </Stack>
      )}
      {!existing && applications.isSuccess && eligibility.isSuccess && (
        <Stack gap="sm">
          {eligibility.data.eligible ? (
            <Alert color="green" variant="light" title={t('programmes.eligibility.eligible', { city: city.name })}>
              <Text size="sm">{t('programmes.callPage.oneApplication')}</Text>
            </Alert>
          ) : (
            <Alert color="orange" variant="light" title={t('programmes.eligibility.notEligible', { city: city.name })} c="dark.9">
              <List size="sm">
                {eligibility.data.why.map((reason) => (
                  <List.Item key={reason.code}>{reasonText(reason)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {eligibility.data.eligible && call.state === 'open' && (
            <div>
              <ProblemAlert error={start.error} />
              <Button loading={start.isPending} onClick={() => start.mutate(city.id, { onSuccess: (a) => void navigate(`/applications/${a.id}`) })}>
                {t('programmes.callPage.start')}
              </Button>
            </div>
          )}
          {eligibility.data.eligible && call.state === 'upcoming' && <Text>{t('programmes.callPage.notOpenYet', { when: formatInstant(call.opensAt, call.timeZone, i18n.language) })}</Text>}
          {call.state === 'closed' && <Text>{t('programmes.callPage.closed', { when: formatInstant(call.closesAt, call.timeZone, i18n.language) })}</Text>}
        </Stack>
      )}
    </Paper>
  );
}
