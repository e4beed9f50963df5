import '../../locales/lazy/meetings.strings.ts';
import { Anchor, Badge, Button, Group, Paper, Radio, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRequest, MeetingRequestList, MeetingStatus } from '../../../shared/meeting.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { DeclineMeetingDialog, MoveMeetingDialog, ProposeMeetingDialog, type Places } from './meeting-forms.tsx';
import { formatInZone, placesToShow } from '../../lib/meeting-time.ts';
import { meetingIcsHref, useAcceptMeeting, useCancelMeeting, useMeetingRequests } from './meetings.api.ts';

const STATUS_COLOR: Record<MeetingStatus, string> = { proposed: 'violet.9', accepted: 'green.9', declined: 'red.9', cancelled: 'gray.8' };

/** Where the words carry the meaning; the colour only repeats it. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="outline" radius="sm">
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

/** One instant read in each place taking part, side by side. */
function TimesSideBySide({ iso, places }: { iso: string; places: readonly { name: string; timeZone: string }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <span>
      {places.map((p, i) => (
        <span key={p.timeZone}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          {i > 0 && <VisuallyHidden>; </VisuallyHidden>}
          <span style={{ whiteSpace: 'nowrap', fontWeight: i === 0 ? 600 : undefined }}>{t('meetings.inZone', { time: formatInZone(iso, p.timeZone, i18n.language), place: p.name })}</span>
        </span>
      ))}
    </span>
  );
}

/**
 * The online meetings of a conversation (issue 20): propose one with two to
 * five times, accept one time or decline, move, cancel, and download the
 * agreed meeting for one's calendar. Times are shown in every city's local
 * time side by side, the caller's first.
 */
export function MeetingRequests({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const list = useMeetingRequests(conversationId);
  const [proposing, setProposing] = useState(false);
  const headingId = `meetings-${conversationId}`;

  let body;
  if (list.isPending) body = <LoadingState />;
  else if (list.isError) body = <ProblemAlert error={list.error} />;
  else {
    const data = list.data;
    const shown = placesToShow(data.parties, data.myPartyId);
    const [mine = { name: '', timeZone: 'Europe/Brussels' }, ...others] = shown;
    const places: Places = { mine, others };
    body = (
      <>
        <Group justify="space-between" align="center" mb="sm" wrap="wrap">
          <Text size="sm">{t('meetings.intro')}</Text>
          <Button onClick={() => setProposing(true)}>{t('meetings.propose')}</Button>
        </Group>
        {data.items.length === 0 ? (
          <EmptyState title={t('meetings.empty')} description={t('meetings.emptyHint')} />
        ) : (
          <Stack gap="md">
            {data.items.map((r) => (
              <MeetingRequestCard key={r.id} conversationId={conversationId} request={r} list={data} places={places} shown={shown} />
            ))}
          </Stack>
        )}
        {proposing && <ProposeMeetingDialog conversationId={conversationId} places={places} opened onClose={() => setProposing(false)} />}
      </>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {t('meetings.title')}
      </Title>
      {body}
    </section>
  );
}

function MeetingRequestCard({
  conversationId,
  request: r,
  list,
  places,
  shown,
}: {
  conversationId: string;
  request: MeetingRequest;
  list: MeetingRequestList;
  places: Places;
  shown: readonly { name: string; timeZone: string }[];
}) {
  const { t } = useTranslation();
  const [slotId, setSlotId] = useState<string | null>(null);
  const [missingSlot, setMissingSlot] = useState(false);
  const [dialog, setDialog] = useState<'decline' | 'cancel' | 'move' | null>(null);
  const accept = useAcceptMeeting(conversationId, r.id);
  const cancel = useCancelMeeting(conversationId, r.id);
  const party = list.parties.find((p) => p.partyId === r.proposedByPartyId)?.name ?? '';
  const titleId = `meeting-${r.id}`;
  const proposer = r.proposedByName
    ? t('meetings.proposedBy', { name: r.proposedByActive ? r.proposedByName : `${r.proposedByName}, ${t('meetings.deactivated')}`, party })
    : t('meetings.proposedByParty', { party });
  const agreed = r.scheduledAt;

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={3} size="h4" id={titleId}>
            {r.title}
          </Title>
          <MeetingStatusBadge status={r.status} />
        </Group>
        <Text size="sm">
          {proposer} · {t('meetings.duration', { count: r.durationMinutes })}
        </Text>
        {(r.status === 'proposed' || r.status === 'accepted') && (
          <Text size="sm">
            {t('meetings.join')}:{' '}
            <Anchor href={r.joinUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {r.joinUrl}
            </Anchor>
          </Text>
        )}
        {r.status === 'declined' && r.declineReason && <Text size="sm">{t('meetings.declineReason', { reason: r.declineReason })}</Text>}

        {agreed && (r.status === 'accepted' || r.status === 'cancelled') ? (
          <div>
            <Text size="sm" fw={600}>
              {t('meetings.agreedTime')}
            </Text>
            <Text size="sm" td={r.status === 'cancelled' ? 'line-through' : undefined}>
              <TimesSideBySide iso={agreed} places={shown} />
            </Text>
          </div>
        ) : r.can.accept ? (
          <Radio.Group
            label={t('meetings.pickTime')}
            value={slotId}
            onChange={(v) => {
              setSlotId(v);
              setMissingSlot(false);
            }}
            error={missingSlot ? t('meetings.pickTimeFirst') : undefined}
          >
            <Stack gap="xs" mt="xs">
              {r.slots.map((s) => (
                <Radio key={s.id} value={s.id} label={<TimesSideBySide iso={s.startsAt} places={shown} />} />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          r.status === 'proposed' && (
            <div>
              <Text size="sm" fw={600}>
                {t('meetings.proposedTimes')}
              </Text>
              <ul style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
                {r.slots.map((s) => (
                  <li key={s.id}>
                    <Text size="sm" component="span">
                      <TimesSideBySide iso={s.startsAt} places={shown} />
                    </Text>
                  </li>
                ))}
              </ul>
            </div>
          )
        )}

        <ProblemAlert error={accept.error ?? cancel.error} />
        <Group gap="sm" mt="xs" wrap="wrap">
          {r.can.accept && (
            <Button
              loading={accept.isPending}
              onClick={() => {
                if (!slotId) return setMissingSlot(true);
                accept.mutate({ slotId, version: r.version });
              }}
            >
              {t('meetings.accept')}
            </Button>
          )}
          {r.can.decline && (
            <Button variant="default" onClick={() => setDialog('decline')}>
              {t('meetings.decline')}
            </Button>
          )}
          {r.can.downloadIcs && (
            <Button component="a" variant="outline" href={meetingIcsHref(conversationId, r.id)} download="meeting.ics">
              {t('meetings.downloadIcs')}
            </Button>
          )}
          {r.can.move && (
            <Button variant="default" onClick={() => setDialog('move')}>
              {r.status === 'accepted' ? t('meetings.move') : t('meetings.newTimes')}
            </Button>
          )}
          {r.can.cancel && (
            <Button variant="outline" color="red.9" onClick={() => setDialog('cancel')}>
              {t('meetings.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
      {dialog === 'decline' && <DeclineMeetingDialog conversationId={conversationId} request={r} opened onClose={() => setDialog(null)} />}
      {dialog === 'move' && <MoveMeetingDialog conversationId={conversationId} request={r} places={places} opened onClose={() => setDialog(null)} />}
      <ConfirmDialog
        opened={dialog === 'cancel'}
        title={t('meetings.form.cancelTitle')}
        message={t('meetings.form.cancelMessage')}
        confirmLabel={t('meetings.form.cancelConfirm')}
        cancelLabel={t('meetings.form.keep')}
        busy={cancel.isPending}
        onConfirm={() => cancel.mutate({ version: r.version }, { onSuccess: () => setDialog(null), onError: () => setDialog(null) })}
        onCancel={() => setDialog(null)}
      />
    </Paper>
  );
}
