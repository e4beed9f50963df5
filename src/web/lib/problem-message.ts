import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.ts';

/** A readable, translated sentence for any failed request (one i18n key per error code). */
export function useProblemMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => (error instanceof ApiError ? t(`errors.codes.${error.code}`) : t('errors.codes.UNEXPECTED_RESPONSE')),
    [t],
  );
}
