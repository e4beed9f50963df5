import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HostUnavailableBody } from '../../../shared/visit.schemas.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { VisitProblem } from './visit-problem.tsx';
import { formatDay } from './visit-format.ts';
import { useSetHostUnavailable } from './visits.api.ts';
import '../../locales/lazy/visits.strings.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const listOf = (dates: string[]) => [...new Set(dates)].sort();

/** Days the host cannot receive visitors; the scheduler avoids them. */
export function HostUnavailable({ visitId, hostName, dates }: { visitId: string; hostName: string; dates: string[] }) {
  const { t, i18n } = useTranslation();
  const [saved, setSaved] = useState(false);
  // The form adds one day; the request replaces the whole list.
  const form = useApiForm({
    initialValues: { day: '' },
    schema: HostUnavailableBody,
    toBody: (v) => ({ dates: listOf([...dates, v.day]) }),
    validate: (v) => (!DATE.test(v.day) ? { day: t('visits.unavailable.pickDate') } : dates.includes(v.day) ? { day: t('visits.unavailable.already') } : {}),
    fieldOf: (path) => (path.startsWith('dates') ? 'day' : path),
    mutation: useSetHostUnavailable(visitId),
    onSuccess: () => {
      setSaved(true);
      form.reset();
    },
    onEdit: () => setSaved(false),
  });
  const remove = (day: string) => {
    setSaved(false);
    form.send({ dates: dates.filter((x) => x !== day) }, { onSuccess: () => setSaved(true) });
  };

  return (
    <Stack gap="sm">
      <Text>{t('visits.unavailable.intro', { host: hostName })}</Text>
      {dates.length === 0 ? (
        <Text size="sm">{t('visits.unavailable.none')}</Text>
      ) : (
        <List spacing="xs" aria-label={t('visits.unavailable.listLabel')}>
          {dates.map((d) => (
            <List.Item key={d}>
              <Group gap="sm">
                <Text size="sm">{formatDay(d, i18n.language, 'full')}</Text>
                <Button size="compact-xs" variant="default" onClick={() => remove(d)} aria-label={t('visits.unavailable.removeFor', { date: formatDay(d, i18n.language, 'full') })}>
                  {t('visits.unavailable.remove')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <VisitProblem error={form.requestError} />
      {saved && (
        <Alert color="green" variant="light" role="status">
          {t('visits.unavailable.saved')}
        </Alert>
      )}
      <form {...form.formProps} aria-label={t('visits.unavailable.formLabel')}>
        <Group align="flex-end">
          <TextInput type="date" label={t('visits.unavailable.date')} {...form.getInputProps('day')} />
          <Button {...form.submitProps} variant="default">
            {t('visits.unavailable.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
