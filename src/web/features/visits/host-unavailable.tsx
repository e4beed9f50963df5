import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VisitProblem } from './visit-problem.tsx';
import { formatDay } from './visit-format.ts';
import { useSetHostUnavailable } from './visits.api.ts';

/** Days the host cannot receive visitors; the scheduler avoids them. */
export function HostUnavailable({ visitId, hostName, dates }: { visitId: string; hostName: string; dates: string[] }) {
  const { t, i18n } = useTranslation();
  const save = useSetHostUnavailable(visitId);
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  const send = (next: string[]) => {
    setSaved(false);
    save.mutate([...new Set(next)].sort(), { onSuccess: () => setSaved(true) });
  };
  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return setError(t('visits.unavailable.pickDate'));
    if (dates.includes(day)) return setError(t('visits.unavailable.already'));
    setError(undefined);
    send([...dates, day]);
    setDay('');
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
                <Button size="compact-xs" variant="default" onClick={() => send(dates.filter((x) => x !== d))} aria-label={t('visits.unavailable.removeFor', { date: formatDay(d, i18n.language, 'full') })}>
                  {t('visits.unavailable.remove')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <VisitProblem error={save.error} />
      {saved && (
        <Alert color="green" variant="light" role="status">
          {t('visits.unavailable.saved')}
        </Alert>
      )}
      <form onSubmit={add} noValidate aria-label={t('visits.unavailable.formLabel')}>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('visits.unavailable.date')}
            value={day}
            onChange={(e) => {
              setDay(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
          />
          <Button type="submit" variant="default" loading={save.isPending}>
            {t('visits.unavailable.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
