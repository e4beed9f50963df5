import { Alert, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useVerifyRegistration } from './registration.api.ts';
import '../../locales/lazy/registration.strings.ts';

/** The link of the verification email: confirms the address once, then the person signs in and waits for approval. */
export function VerifyRegistrationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const verify = useVerifyRegistration();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  return (
    <Stack maw={560}>
      <PageTitle>{t('registration.verifyTitle')}</PageTitle>
      {verify.isPending && <LoadingState />}
      {verify.isSuccess && (
        <Alert color="green" variant="light" role="status" title={t('registration.verifiedTitle')}>
          <Text>{t('registration.verified')}</Text>
          <Text mt="xs">
            <RouterAnchor to="/sign-in?next=%2Fregistration" c="blue.9" underline="always">{t('registration.signInToFollow')}</RouterAnchor>
          </Text>
        </Alert>
      )}
      {verify.isError &&
        (verify.error instanceof ApiError && verify.error.code === 'TOKEN_INVALID' ? (
          <Alert color="red" variant="light" role="alert" title={t('registration.linkUnusableTitle')}>
            {t('reasons.REGISTRATION_LINK_INVALID')}
          </Alert>
        ) : (
          <ProblemAlert error={verify.error} />
        ))}
    </Stack>
  );
}
