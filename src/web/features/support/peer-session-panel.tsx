import { Badge, Button, Checkbox, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PEER_CITIES, type PeerCityChoice, type SupportSession } from '../../../shared/support-sessions.schemas.ts';
import type { SupportRequestDetail } from '../../../shared/support.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { RequestProblem } from './request-problem.tsx';
import { SchedulePanel } from './schedule-panel.tsx';
import { reasonsLine } from './support-format.tsx';
import { useAnswerInvitation, useConfirmPeers, usePeerCities, useSupportSession } from './session.api.ts';
import { TakeawayForm } from './takeaway-form.tsx';
import '../../locales/lazy/support.strings.ts';

/** The call or peer session of a request: the Mission Cities (proposed, invited, their answers), the time, the takeaway. */
export function SessionPanel({ r, reload }: { r: SupportRequestDetail; reload: () => void }) {
  const { t } = useTranslation();
  const session = useSupportSession(r.id);
  return (
    <PageSection id="support-session" title={t('support.sessions.title')}>
      {session.isPending ? (
        <LoadingState />
      ) : session.isError ? (
        <ProblemAlert error={session.error} />
      ) : (
        <Stack gap="lg">
          {r.kind === 'peer-session' && <PeerCities r={r} s={session.data} reload={reload} />}
          <SchedulePanel r={r} s={session.data} reload={reload} />
          <TakeawayForm r={r} s={session.data} reload={reload} />
        </Stack>
      )}
    </PageSection>
  );
}

function PeerCities({ r, s, reload }: { r: SupportRequestDetail; s: SupportSession; reload: () => void }) {
  const { t } = useTranslation();
  if (s.can.confirmPeers) return <ConfirmPeers r={r} s={s} reload={reload} />;
  if (s.invitations.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('support.sessions.invitedTitle')}
      </Title>
      <InvitedList s={s} />
      {s.can.answerInvitation && <AnswerButtons r={r} s={s} reload={reload} />}
    </Stack>
  );
}

/** The invited Mission Cities, each with its answer. */
function InvitedList({ s }: { s: SupportSession }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="peer-invitations">
      {s.invitations.map((i) => (
        <Paper component="li" key={i.city.id} withBorder p="sm" radius="md">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={700}>{i.city.name}</Text>
            <Badge color={i.answer === 'accepted' ? 'green.9' : i.answer === 'declined' ? 'red.9' : 'gray.7'} variant="filled">
              {t(`support.sessions.answers.${i.answer}`)}
            </Badge>
          </Group>
          {i.reasons.length > 0 && <Text size="sm">{reasonsLine(i.reasons, i18n.language)}</Text>}
          {!i.proposed && <Text size="sm">{t('support.sessions.addedByExpert')}</Text>}
          {i.answeredAt && (
            <Text size="sm" c="dark.6">
              {t('support.sessions.answeredBy', { name: i.answeredBy ?? t('support.detail.formerAuthor'), date: formatDateTime(i.answeredAt, i18n.language) })}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

/** An invited city's representative accepts or declines for it. */
function AnswerButtons({ r, s, reload }: { r: SupportRequestDetail; s: SupportSession; reload: () => void }) {
  const { t } = useTranslation();
  const answer = useAnswerInvitation(r.id);
  return (
    <Stack gap="sm">
      {s.invitations
        .filter((i) => s.myInvitedCityIds.includes(i.city.id))
        .map((i) => (
          <Paper key={i.city.id} p="sm" radius="md" bg="gray.0">
            <Text mb="xs">{t('support.sessions.invitedHint', { city: i.city.name })}</Text>
            <Group gap="sm">
              <Button disabled={i.answer === 'accepted'} loading={answer.isPending} onClick={() => answer.mutate({ cityId: i.city.id, answer: 'accepted', version: s.version })}>
                {t('support.sessions.accept', { city: i.city.name })}
              </Button>
              <Button variant="default" disabled={i.answer === 'declined'} loading={answer.isPending} onClick={() => answer.mutate({ cityId: i.city.id, answer: 'declined', version: s.version })}>
                {t('support.sessions.decline', { city: i.city.name })}
              </Button>
            </Group>
          </Paper>
        ))}
      <RequestProblem error={answer.error} onReload={reload} />
    </Stack>
  );
}

/** The expert keeps the three proposed Mission Cities or edits the choice (1 to 5), then invites them. */
function ConfirmPeers({ r, s, reload }: { r: SupportRequestDetail; s: SupportSession; reload: () => void }) {
  const choice = usePeerCities(r.id, true);
  if (choice.isPending) return <LoadingState />;
  if (choice.isError) return <ProblemAlert error={choice.error} />;
  return <ChoiceForm r={r} s={s} choice={choice.data} reload={reload} />;
}

function ChoiceForm({ r, s, choice, reload }: { r: SupportRequestDetail; s: SupportSession; choice: PeerCityChoice; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(() => choice.proposed.map((p) => p.city.id));
  const confirm = useConfirmPeers(r.id);
  const proposedIds = new Set(choice.proposed.map((p) => p.city.id));
  const others = choice.missionCities.filter((c) => !proposedIds.has(c.id));
  const chosenProposed = chosen.filter((id) => proposedIds.has(id));
  const chosenOthers = chosen.filter((id) => !proposedIds.has(id));
  const toggle = (id: string, on: boolean) => setChosen((now) => (on ? [...now, id] : now.filter((x) => x !== id)));
  const full = chosen.length >= PEER_CITIES.max;
  return (
    <form
      aria-label={t('support.sessions.peersTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate({ cityIds: chosen, version: s.version });
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('support.sessions.peersTitle')}
        </Title>
        <Text size="sm">{t('support.sessions.proposalIntro')}</Text>
        {choice.proposed.length === 0 && <Text c="dark.6">{t('support.sessions.noProposal')}</Text>}
        <Stack gap="xs" data-testid="peer-proposal">
          {choice.proposed.map((p) => (
            <Paper key={p.city.id} withBorder p="sm" radius="md">
              <Checkbox
                checked={chosen.includes(p.city.id)}
                disabled={!chosen.includes(p.city.id) && full}
                onChange={(e) => toggle(p.city.id, e.currentTarget.checked)}
                label={
                  <Group gap="xs" component="span">
                    <Text span fw={700}>
                      {p.city.name}
                    </Text>
                    <Badge variant="outline" color="blue.9" component="span">
                      {t('support.sessions.proposedBadge')}
                    </Badge>
                  </Group>
                }
                description={reasonsLine(p.reasons, i18n.language)}
              />
            </Paper>
          ))}
        </Stack>
        {others.length > 0 && (
          <MultiSelect
            label={t('support.sessions.otherCities')}
            description={t('support.sessions.otherCitiesHint')}
            searchable
            clearable
            nothingFoundMessage={t('support.sessions.noCityFound')}
            data={others.map((c) => ({ value: c.id, label: c.name }))}
            value={chosenOthers}
            maxValues={PEER_CITIES.max - chosenProposed.length}
            onChange={(ids) => setChosen([...chosenProposed, ...ids])}
          />
        )}
        <Text size="sm" aria-live="polite">
          {t('support.sessions.chosenCount', { count: chosen.length })}
        </Text>
        <RequestProblem error={confirm.error} onReload={reload} />
        <Group>
          <Button type="submit" loading={confirm.isPending} disabled={chosen.length < PEER_CITIES.min}>
            {t('support.sessions.invite')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
