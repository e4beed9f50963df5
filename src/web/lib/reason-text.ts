import i18next from 'i18next';
import type { Reason } from '../../shared/reason.ts';
import { englishText, isReasonCode } from '../../shared/reason-texts.ts';

/**
 * A reason (src/shared/reason.ts) in the person's language: `reasons.<code>`
 * with its parameters, or the English text when the code is not translated.
 */
export function reasonText(why: Reason): string {
  if (!isReasonCode(why.code)) return why.code;
  return i18next.t(`reasons.${why.code}`, { ...why.params, defaultValue: englishText(why) });
}
