import { Alert, Button, Checkbox, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SecondStepBody } from '../../../shared/two-factor.schemas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { safeNextPath } from './safe-next-path.ts';
import { useSecondStep } from './second-step.api.ts';
import '../../locales/lazy/two-factor.strings.ts';

/** The second step of a sign-in: a code from the authenticator app or a recovery code. */
export function SecondStepPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'), '/start');
  const step = useSecondStep();
  const form = useApiForm({
    initialValues: { code: '', rememberDevice: false },
    schema: SecondStepBody,
    mutation: step,
    onSuccess: () => void navigate(next, { replace: true }),
  });
  const expired = step.error instanceof ApiError && step.error.code === 'UNAUTHENTICATED';

  return (
    <Stack maw={460}>
      <PageTitle>{t('twoFactor.secondStepTitle')}</PageTitle>
      <Text>{t('twoFactor.secondStepIntro')}</Text>
      {expired ? (
        <Alert color="red" variant="light" role="alert">
          {t('twoFactor.secondStepExpired')} <RouterAnchor to={`/sign-in?next=${encodeURIComponent(next)}`}>{t('twoFactor.signInAgain')}</RouterAnchor>
        </Alert>
      ) : (
        <ProblemAlert error={form.requestError} messages={{ INVALID_CREDENTIALS: t('twoFactor.wrongCode') }} />
      )}
      <Paper withBorder p="lg" radius="md">
        <form {...form.formProps} aria-label={t('twoFactor.secondStepTitle')}>
          <Stack gap="md">
            <TextInput
              label={t('twoFactor.codeOrRecovery')}
              description={t('twoFactor.codeOrRecoveryHint')}
              autoComplete="one-time-code"
              required
              {...form.getInputProps('code')}
            />
            <Checkbox label={t('twoFactor.rememberDevice')} {...form.getInputProps('rememberDevice', { type: 'checkbox' })} />
            <Button {...form.submitProps}>{t('twoFactor.verify')}</Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('twoFactor.lostDevice')}
      </Text>
    </Stack>
  );
}
