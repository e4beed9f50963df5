import { Anchor, Button, Group, Modal, PasswordInput, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ERASE_WORD, type ErasureReport } from '../../../shared/personal-data.schemas.ts';
import { ErasureReportView } from '../../components/erasure-report.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { resetSession } from '../../lib/session.ts';
import { downloadUrl, useEraseMyAccount, useLatestDataExport, useRequestDataExport } from './your-data.api.ts';
import '../../locales/lazy/personal-data.strings.ts';

/** "Download my data": ask, watch the progress, download the ZIP for 24 hours. */
export function DownloadMyData() {
  const { t, i18n } = useTranslation();
  const latest = useLatestDataExport();
  const request = useRequestDataExport();
  const row = latest.data ?? null;
  const making = row !== null && (row.status === 'pending' || row.status === 'running');

  return (
    <Stack gap="sm" align="flex-start" maw={560}>
      <Text>{t('personalData.download.intro')}</Text>
      <ProblemAlert error={request.error ?? latest.error} />
      {making && (
        <Stack gap={4} w="100%">
          <Text size="sm" role="status">
            {t('personalData.download.making', { progress: row.progress })}
          </Text>
          <Progress value={row.progress} aria-label={t('personalData.download.progress')} animated />
        </Stack>
      )}
      {row?.status === 'ready' && row.expiresAt && (
        <Text role="status">
          <Anchor href={downloadUrl(row.id)} download>
            {t('personalData.download.ready', { size: Math.max(1, Math.round((row.sizeBytes ?? 0) / 1024)) })}
          </Anchor>{' '}
          {t('personalData.download.until', { date: formatDateTime(row.expiresAt, i18n.language) })}
        </Text>
      )}
      {row?.status === 'failed' && <Text c="red.9">{t('personalData.download.failed')}</Text>}
      {row?.status === 'expired' && <Text size="sm">{t('personalData.download.expired')}</Text>}
      <Button variant="default" onClick={() => request.mutate()} loading={request.isPending} disabled={making}>
        {row?.status === 'ready' ? t('personalData.download.again') : t('personalData.download.button')}
      </Button>
    </Stack>
  );
}

/** Erasing one's own account: the password and the word typed; then the report of what was kept and why. */
export function EraseMyAccount({ email }: { email: string }) {
  const { t } = useTranslation();
  const erase = useEraseMyAccount();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [word, setWord] = useState('');
  const [report, setReport] = useState<ErasureReport | null>(null);
  const wrongPassword = erase.error instanceof ApiError && erase.error.code === 'INVALID_CREDENTIALS';
  const typed = word.trim().toUpperCase() === ERASE_WORD;

  const close = () => {
    if (report) {
      // The account is gone, and the session with it: home (a public page), then forget what was cached.
      void Promise.resolve(navigate('/')).then(() => resetSession(queryClient));
    }
    setOpen(false);
    setPassword('');
    setWord('');
    erase.reset();
  };

  return (
    <Stack gap="sm" align="flex-start" maw={560}>
      <Text>{t('personalData.erase.intro')}</Text>
      <Button variant="outline" color="red.9" onClick={() => setOpen(true)}>
        {t('personalData.erase.button')}
      </Button>
      <Modal opened={open} onClose={close} title={report ? t('personalData.report.title') : t('personalData.erase.title')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
        {report ? (
          <Stack>
            <ErasureReportView report={report} />
            <Group justify="flex-end">
              <Button onClick={close} data-autofocus>
                {t('common.close')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (typed) erase.mutate({ password, confirmation: word }, { onSuccess: setReport });
            }}
          >
            <Stack>
              <Text>{t('personalData.erase.explain')}</Text>
              {!wrongPassword && <ProblemAlert error={erase.error} />}
              <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
              <PasswordInput
                label={t('fields.currentPassword')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={wrongPassword ? t('account.wrongCurrentPassword') : undefined}
                visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
              />
              <TextInput label={t('personalData.erase.typeWord', { word: ERASE_WORD })} required value={word} onChange={(e) => setWord(e.currentTarget.value)} autoComplete="off" />
              <Group justify="flex-end">
                <Button variant="default" onClick={close} data-autofocus>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color="red" disabled={!typed || password === ''} loading={erase.isPending}>
                  {t('personalData.erase.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
