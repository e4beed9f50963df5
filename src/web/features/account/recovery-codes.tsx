import { Alert, Button, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../../locales/lazy/two-factor.strings.ts';

/** The ten recovery codes, shown once: copy or download them, then say they are kept. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${t('twoFactor.codesFileTitle')}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'peercities-recovery-codes.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Stack gap="sm" maw={520}>
      <Alert color="blue" variant="light" title={t('twoFactor.codesTitle')} role="status">
        {t('twoFactor.codesIntro')}
      </Alert>
      <List spacing={2} aria-label={t('twoFactor.codesTitle')} data-testid="recovery-codes" ff="monospace" size="md">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('twoFactor.copied') : t('twoFactor.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          {t('twoFactor.download')}
        </Button>
        <Button onClick={onDone}>{t('twoFactor.codesSaved')}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('twoFactor.codesHint')}
      </Text>
    </Stack>
  );
}
