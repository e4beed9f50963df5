import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERASE_WORD, ManagerErasureBody, type ErasureReport } from '../../../shared/personal-data.schemas.ts';
import type { Person } from '../../../shared/people.schemas.ts';
import { ErasureReportView } from '../../components/erasure-report.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useEraseAccount } from './people.api.ts';
import '../../locales/lazy/personal-data.strings.ts';

/** Erasing a person's account on their request: the reason (audited) and the word typed; then the report. */
export function PersonErasure({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const erase = useEraseAccount(person.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [word, setWord] = useState('');
  const [report, setReport] = useState<ErasureReport | null>(null);
  if (me?.id === person.id) return <Text>{t('personalData.managerErase.own')}</Text>;
  const valid = ManagerErasureBody.safeParse({ reason, confirmation: word }).success && word.trim().toUpperCase() === ERASE_WORD;
  const errors = fieldErrorsOf(erase.error);
  const close = () => {
    setOpen(false);
    setReason('');
    setWord('');
    erase.reset();
  };

  return (
    <Stack gap="sm" align="flex-start" maw={560}>
      {report ? (
        <ErasureReportView report={report} />
      ) : person.erasedAt !== null ? (
        <Text>{t('personalData.managerErase.already')}</Text>
      ) : (
        <>
          <Text>{t('personalData.managerErase.intro', { name: person.name })}</Text>
          <Button variant="outline" color="red.9" onClick={() => setOpen(true)}>
            {t('personalData.managerErase.button')}
          </Button>
        </>
      )}
      <Modal opened={open} onClose={close} title={t('personalData.managerErase.title', { name: person.name })} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (valid)
              erase.mutate(
                { reason, confirmation: word },
                {
                  onSuccess: (r) => {
                    setReport(r);
                    close();
                  },
                },
              );
          }}
        >
          <Stack>
            <Text>{t('personalData.managerErase.explain', { name: person.name })}</Text>
            <ProblemAlert error={erase.error} />
            <Textarea
              label={t('personalData.managerErase.reason')}
              description={t('personalData.managerErase.reasonHint')}
              required
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
            />
            <TextInput
              label={t('personalData.erase.typeWord', { word: ERASE_WORD })}
              required
              autoComplete="off"
              value={word}
              onChange={(e) => setWord(e.currentTarget.value)}
              error={errors.confirmation}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" disabled={!valid} loading={erase.isPending}>
                {t('personalData.managerErase.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
