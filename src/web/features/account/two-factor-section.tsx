import { Alert, Button, Code, Group, Image, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmTwoFactorBody, DisableTwoFactorBody, type TwoFactorEnrolment, type TwoFactorStatus } from '../../../shared/two-factor.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { RecoveryCodesPanel } from './recovery-codes.tsx';
import '../../locales/lazy/two-factor.strings.ts';
import {
  useConfirmEnrolment,
  useDisableTwoFactor,
  useForgetDevice,
  useRegenerateRecoveryCodes,
  useStartEnrolment,
  useTwoFactorStatus,
} from './two-factor.api.ts';

const codeInputProps = { autoComplete: 'one-time-code', inputMode: 'numeric' as const, maxLength: 7, w: 180 };

/** "Two-step sign-in" on the account page and the set-up page: turn on, recovery codes, remembered browsers, turn off. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes) return <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />;
  if (status.isPending) return <LoadingState />;
  if (status.isError) return <ProblemAlert error={status.error} />;
  const s = status.data;
  return (
    <Stack gap="md">
      <Text>{t('twoFactor.intro')}</Text>
      {s.enabled ? <Enabled status={s} onCodes={setCodes} /> : <Enrol required={s.required} onCodes={setCodes} />}
    </Stack>
  );
}

function Enrol({ required, onCodes }: { required: boolean; onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const start = useStartEnrolment();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  return (
    <Stack gap="md">
      {required && (
        <Alert color="blue" variant="light" title={t('twoFactor.requiredTitle')}>
          {t('twoFactor.required')}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('twoFactor.off')}
      </Text>
      <ProblemAlert error={start.error} />
      {!enrolment && (
        <Group>
          <Button loading={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}>
            {t('twoFactor.setUp')}
          </Button>
        </Group>
      )}
      {enrolment && <ConfirmEnrolment enrolment={enrolment} onCodes={onCodes} />}
    </Stack>
  );
}

function ConfirmEnrolment({ enrolment, onCodes }: { enrolment: TwoFactorEnrolment; onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { code: '' },
    schema: ConfirmTwoFactorBody,
    mutation: useConfirmEnrolment(),
    onSuccess: (result) => onCodes(result.recoveryCodes),
  });
  return (
    <Stack gap="sm">
      <List type="ordered" spacing="xs">
        <List.Item>{t('twoFactor.step1')}</List.Item>
        <List.Item>
          {t('twoFactor.step2')}
          <Image src={enrolment.qrCodeDataUrl} alt={t('twoFactor.qrAlt')} w={220} h={220} mt="xs" />
          <Text size="sm" mt="xs">
            {t('twoFactor.keyText')} <Code data-testid="totp-secret">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</Code>
          </Text>
        </List.Item>
        <List.Item>{t('twoFactor.step3')}</List.Item>
      </List>
      <form {...form.formProps} aria-label={t('twoFactor.confirmTitle')}>
        <ProblemAlert error={form.requestError} />
        <Group align="flex-end">
          <TextInput label={t('twoFactor.code')} required {...codeInputProps} {...form.getInputProps('code')} />
          <Button {...form.submitProps}>{t('twoFactor.turnOn')}</Button>
        </Group>
      </form>
    </Stack>
  );
}

function Enabled({ status, onCodes }: { status: TwoFactorStatus; onCodes: (codes: string[]) => void }) {
  const { t, i18n } = useTranslation();
  const forget = useForgetDevice();
  return (
    <Stack gap="lg">
      <Alert color="green" variant="light" role="status">
        {t('twoFactor.on', { date: status.enabledAt ? formatDateTime(status.enabledAt, i18n.language) : '' })}{' '}
        {t('twoFactor.codesLeft', { count: status.recoveryCodesLeft })}
      </Alert>
      <RegenerateCodes onCodes={onCodes} />
      <Stack gap="xs">
        <Text fw={600}>{t('twoFactor.devicesTitle')}</Text>
        {status.rememberedDevices.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('twoFactor.noDevices')}
          </Text>
        )}
        <ProblemAlert error={forget.error} />
        {status.rememberedDevices.map((d) => (
          <Group key={d.id} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              {t('twoFactor.device', {
                browser: d.userAgent ? shortAgent(d.userAgent) : t('twoFactor.unknownBrowser'),
                since: formatDateTime(d.createdAt, i18n.language),
                until: formatDateTime(d.expiresAt, i18n.language),
              })}
            </Text>
            <Button size="xs" variant="default" loading={forget.isPending && forget.variables === d.id} onClick={() => forget.mutate(d.id)}>
              {t('twoFactor.forgetDevice')}
            </Button>
          </Group>
        ))}
      </Stack>
      {status.required ? (
        <Text size="sm" c="dimmed">
          {t('twoFactor.cannotTurnOff')}
        </Text>
      ) : (
        <TurnOff />
      )}
    </Stack>
  );
}

/** "Chrome on Linux"-like, from the user agent, without parsing libraries: the last product token and the platform. */
function shortAgent(agent: string): string {
  const platform = /\(([^;)]+)/.exec(agent)?.[1] ?? '';
  const browser = /(Edg|Firefox|Chrome|Safari)\/[\d.]+/.exec(agent)?.[1]?.replace('Edg', 'Edge') ?? agent.slice(0, 40);
  return platform ? `${browser} (${platform})` : browser;
}

function RegenerateCodes({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { code: '' },
    schema: ConfirmTwoFactorBody,
    mutation: useRegenerateRecoveryCodes(),
    onSuccess: (result) => onCodes(result.recoveryCodes),
  });
  return (
    <form {...form.formProps} aria-label={t('twoFactor.regenerate')}>
      <ProblemAlert error={form.requestError} />
      <Text size="sm" mb="xs">
        {t('twoFactor.regenerateHint')}
      </Text>
      <Group align="flex-end">
        <TextInput label={t('twoFactor.code')} required {...codeInputProps} {...form.getInputProps('code')} />
        <Button variant="default" {...form.submitProps}>
          {t('twoFactor.regenerate')}
        </Button>
      </Group>
    </form>
  );
}

function TurnOff() {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { password: '', code: '' },
    schema: DisableTwoFactorBody,
    mutation: useDisableTwoFactor(),
  });
  return (
    <form {...form.formProps} aria-label={t('twoFactor.turnOff')}>
      <Text fw={600} mb="xs">
        {t('twoFactor.turnOff')}
      </Text>
      <ProblemAlert error={form.requestError} messages={{ INVALID_CREDENTIALS: t('twoFactor.wrongPassword') }} />
      <Stack gap="sm" maw={460}>
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
          {...form.getInputProps('password')}
        />
        <TextInput label={t('twoFactor.codeOrRecovery')} required autoComplete="one-time-code" w={240} {...form.getInputProps('code')} />
        <Group>
          <Button color="red" variant="light" {...form.submitProps}>
            {t('twoFactor.turnOff')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

