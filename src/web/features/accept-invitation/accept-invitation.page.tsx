import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useInvitationPreview } from './accept-invitation.api.ts';
import { AcceptInvitationForm } from './accept-invitation-form.tsx';
import { InvitationSummary } from './invitation-summary.tsx';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const signedIn = useCurrentUser();

  return (
    <Stack maw={520}>
      <PageTitle>{t('acceptInvitation.title')}</PageTitle>
      {preview.isPending && <LoadingState />}
      {preview.isError &&
        (preview.error instanceof ApiError && (preview.error.code === 'TOKEN_INVALID' || preview.error.code === 'VALIDATION_FAILED') ? (
          <Alert color="red" variant="light" role="alert" title={t('acceptInvitation.linkUnusableTitle')}>
            {t('acceptInvitation.linkUnusable')}
          </Alert>
        ) : (
          <ProblemAlert error={preview.error} />
        ))}
      {preview.isSuccess && (
        <>
          <InvitationSummary preview={preview.data} />
          {signedIn && signedIn.email !== preview.data.email && (
            // Accepting signs the invited person in, which ends the current session.
            <Alert color="blue" variant="light">
              {t('acceptInvitation.signedInAsOther', { name: signedIn.name, email: preview.data.email })}
            </Alert>
          )}
          <Paper withBorder p="lg" radius="md">
            <AcceptInvitationForm
              token={token}
              preview={preview.data}
              onAccepted={(secondStep) =>
                void navigate(secondStep ? '/sign-in/second-step?next=%2Faccount' : '/account', { replace: true, state: { welcome: true } })
              }
            />
          </Paper>
          <Text size="sm" c="dimmed">
            {t('acceptInvitation.privacy')}
          </Text>
        </>
      )}
    </Stack>
  );
}
