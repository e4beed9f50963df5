import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/people.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { DoneNotice } from './done-notice.tsx';
import { useSetDeactivated } from './people.api.ts';

/** Whether the person may sign in, and the button that changes it (never for one's own account). */
export function AccountStatus({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const setDeactivated = useSetDeactivated(person.id);
  const [confirming, setConfirming] = useState(false);
  const deactivated = person.deactivatedAt !== null;
  const done = setDeactivated.isSuccess ? (setDeactivated.data.deactivatedAt ? 'people.person.deactivated' : 'people.person.reactivated') : null;

  return (
    <Stack gap="sm" align="flex-start">
      <ProblemAlert error={setDeactivated.error} />
      <DoneNotice>{done && t(done, { name: person.name })}</DoneNotice>
      {person.erasedAt !== null ? (
        <Text>{t('people.person.erasedHint')}</Text>
      ) : deactivated ? (
        <>
          <Text>{t('people.person.deactivatedHint', { name: person.name })}</Text>
          <Button variant="default" loading={setDeactivated.isPending} onClick={() => setDeactivated.mutate(false)}>
            {t('people.person.reactivate')}
          </Button>
        </>
      ) : me?.id === person.id ? (
        <Text>{t('people.person.ownAccount')}</Text>
      ) : (
        <>
          <Text>{t('people.person.activeHint', { name: person.name })}</Text>
          <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
            {t('people.person.deactivate')}
          </Button>
        </>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('people.person.deactivateTitle', { name: person.name })}
        message={t('people.person.deactivateMessage', { name: person.name })}
        confirmLabel={t('people.person.deactivateConfirm')}
        busy={setDeactivated.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => setDeactivated.mutate(true, { onSettled: () => setConfirming(false) })}
      />
    </Stack>
  );
}
