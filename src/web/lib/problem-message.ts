import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.ts';
import { reasonText } from './reason-text.ts';

/**
 * A readable, translated sentence for any failed request: the server's
 * reason when it gave one, otherwise the sentence of the error code.
 */
export function useProblemMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('errors.codes.UNEXPECTED_RESPONSE');
      return error.reason ? reasonText(error.reason) : t(`errors.codes.${error.code}`);
    },
    [t],
  );
}
