import { Button, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DeclineMeetingBody, MEETING_DURATION, MEETING_SLOTS, MoveMeetingBody, ProposeMeetingBody, type MeetingRequest } from '../../../shared/meeting.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm, type ApiForm } from '../../lib/use-api-form.ts';
import { MeetingSlotsEditor, type MeetingFormValues } from '../../components/meeting-slots-editor.tsx';
import { slotInstant } from '../../lib/meeting-time.ts';
import { useDeclineMeeting, useMoveMeeting, useProposeMeeting } from './meetings.api.ts';

export interface Places {
  /** The caller's place and zone: times are typed in it. */
  mine: { name: string; timeZone: string };
  /** The other places, whose local time is shown beside. */
  others: readonly { name: string; timeZone: string }[];
}

const emptySlot = () => ({ date: '', time: '10:00' });

/** A server error on `slots.N` belongs to that time's date input; one on `slots` under the list. */
const slotField = (path: string) => (/^slots\.\d+$/.test(path) ? `${path}.date` : path);

function slotProblems(values: MeetingFormValues, zone: string, min: number, messages: { invalid: string; count: string }) {
  const errors: Record<string, string> = {};
  values.slots.forEach((s, i) => {
    if (!slotInstant(s, zone)) errors[`slots.${i}.date`] = messages.invalid;
  });
  if (values.slots.length < min) errors.slots = messages.count;
  return errors;
}

/** "Propose a meeting": title, duration, join link and two to five times. */
export function ProposeMeetingDialog({ conversationId, places, opened, onClose }: { conversationId: string; places: Places; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = places.mine.timeZone;
  const form: ApiForm<MeetingFormValues, z.output<typeof ProposeMeetingBody>, MeetingRequest> = useApiForm({
    initialValues: { title: '', durationMinutes: MEETING_DURATION.default, joinUrl: '', slots: [emptySlot(), emptySlot()] },
    schema: ProposeMeetingBody,
    toBody: (v) => ({
      title: v.title,
      durationMinutes: typeof v.durationMinutes === 'number' ? v.durationMinutes : Number.NaN,
      joinUrl: v.joinUrl.trim(),
      slots: v.slots.map((s) => slotInstant(s, zone) ?? ''),
    }),
    validate: (v) => ({
      ...slotProblems(v, zone, MEETING_SLOTS.min, { invalid: t('meetings.form.slotInvalid'), count: t('meetings.form.slotsCount') }),
      ...(ProposeMeetingBody.shape.joinUrl.safeParse(v.joinUrl.trim()).success ? {} : { joinUrl: t('meetings.form.joinUrlInvalid') }),
    }),
    fieldOf: slotField,
    mutation: useProposeMeeting(conversationId),
    onSuccess: () => {
      form.reset();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('meetings.propose')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form {...form.formProps} aria-label={t('meetings.propose')}>
        <ProblemAlert error={form.requestError} />
        <Stack gap="md">
          <TextInput label={t('meetings.form.title')} placeholder={t('meetings.form.titlePlaceholder')} required data-autofocus {...form.getInputProps('title')} />
          <Group grow align="flex-start" wrap="wrap">
            <NumberInput label={t('meetings.form.duration')} required min={MEETING_DURATION.min} max={MEETING_DURATION.max} step={15} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
            <TextInput type="url" label={t('meetings.form.joinUrl')} description={t('meetings.form.joinUrlHint')} required {...form.getInputProps('joinUrl')} />
          </Group>
          <MeetingSlotsEditor form={form} min={MEETING_SLOTS.min} max={MEETING_SLOTS.max} zone={zone} others={places.others} legend={t('meetings.form.slotsLegend', { place: places.mine.name, zone })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button {...form.submitProps}>{t('meetings.form.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * "Move": before acceptance the proposer's side sends two to five new times;
 * after acceptance either side sets the one new time (agreed in the conversation).
 */
export function MoveMeetingDialog({ conversationId, request, places, opened, onClose }: { conversationId: string; request: MeetingRequest; places: Places; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = places.mine.timeZone;
  const accepted = request.status === 'accepted';
  const min = accepted ? 1 : MEETING_SLOTS.min;
  const form: ApiForm<MeetingFormValues, z.output<typeof MoveMeetingBody>, MeetingRequest> = useApiForm({
    initialValues: { title: request.title, durationMinutes: request.durationMinutes, joinUrl: request.joinUrl, slots: accepted ? [emptySlot()] : [emptySlot(), emptySlot()] },
    schema: MoveMeetingBody,
    toBody: (v) => ({ slots: v.slots.map((s) => slotInstant(s, zone) ?? ''), version: request.version }),
    validate: (v) => slotProblems(v, zone, min, { invalid: t('meetings.form.slotInvalid'), count: t('meetings.form.slotsCount') }),
    fieldOf: slotField,
    mutation: useMoveMeeting(conversationId, request.id),
    onSuccess: () => {
      form.reset();
      onClose();
    },
  });
  const title = accepted ? t('meetings.form.moveTitle') : t('meetings.form.reproposeTitle');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form {...form.formProps} aria-label={title}>
        <ProblemAlert error={form.requestError} />
        <Stack gap="md">
          {accepted && <div>{t('meetings.form.moveHint')}</div>}
          <MeetingSlotsEditor
            form={form}
            min={min}
            max={accepted ? 1 : MEETING_SLOTS.max}
            zone={zone}
            others={places.others}
            legend={accepted ? t('meetings.form.newTime', { place: places.mine.name, zone }) : t('meetings.form.slotsLegend', { place: places.mine.name, zone })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button {...form.submitProps}>{accepted ? t('meetings.form.moveSubmit') : t('meetings.form.reproposeSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Decline", with a reason the other side reads. */
export function DeclineMeetingDialog({ conversationId, request, opened, onClose }: { conversationId: string; request: MeetingRequest; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form: ApiForm<{ reason: string }, z.output<typeof DeclineMeetingBody>, MeetingRequest> = useApiForm({
    initialValues: { reason: '' },
    schema: DeclineMeetingBody,
    toBody: (v) => ({ reason: v.reason, version: request.version }),
    mutation: useDeclineMeeting(conversationId, request.id),
    onSuccess: onClose,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('meetings.form.declineTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form {...form.formProps} aria-label={t('meetings.form.declineTitle')}>
        <ProblemAlert error={form.requestError} />
        <Stack gap="md">
          <Textarea label={t('meetings.form.declineReason')} description={t('meetings.form.declineReasonHint')} autosize minRows={3} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" {...form.submitProps}>
              {t('meetings.form.declineSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
