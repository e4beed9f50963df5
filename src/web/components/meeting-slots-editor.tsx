import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatInZone, slotInstant, type LocalSlot } from '../lib/meeting-time.ts';

/** The values of the meeting forms (propose, new times, move): the slots as local dates and times. */
export interface MeetingFormValues {
  title: string;
  durationMinutes: number | string;
  joinUrl: string;
  slots: LocalSlot[];
}

/**
 * Date and time inputs for one to five times, in the proposer's zone, with
 * the same instant read in the other places beside each.
 */
export function MeetingSlotsEditor({
  form,
  min,
  max,
  legend,
  zone,
  others,
}: {
  form: UseFormReturnType<MeetingFormValues>;
  min: number;
  max: number;
  legend: string;
  zone: string;
  others: readonly { name: string; timeZone: string }[];
}) {
  const { t, i18n } = useTranslation();
  const slots = form.getValues().slots;
  const error = form.errors.slots;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={500} size="sm" mb="xs">
        {legend}
      </Text>
      <Stack gap="sm">
        {slots.map((slot, index) => {
          const at = slotInstant(slot, zone);
          const number = index + 1;
          return (
            <div key={index}>
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput type="date" label={t('meetings.form.date', { number })} required {...form.getInputProps(`slots.${index}.date`)} />
                <TextInput type="time" label={t('meetings.form.time', { number })} required {...form.getInputProps(`slots.${index}.time`)} />
                {slots.length > min && (
                  <ActionIcon variant="default" size="lg" mb={2} aria-label={t('meetings.form.removeSlot', { number })} onClick={() => form.removeListItem('slots', index)}>
                    <span aria-hidden="true">×</span>
                  </ActionIcon>
                )}
              </Group>
              {at && others.length > 0 && (
                <Text size="sm" mt={4}>
                  {t('meetings.form.elsewhere', { times: others.map((o) => t('meetings.inZone', { time: formatInZone(at, o.timeZone, i18n.language), place: o.name })).join('; ') })}
                </Text>
              )}
            </div>
          );
        })}
        {typeof error === 'string' && (
          <Text c="red.9" size="sm" role="alert">
            {error}
          </Text>
        )}
        {slots.length < max && (
          <div>
            <Button variant="default" onClick={() => form.insertListItem('slots', { date: '', time: '10:00' })}>
              {t('meetings.form.addSlot')}
            </Button>
          </div>
        )}
      </Stack>
    </fieldset>
  );
}
