import { fillTemplate, type Reason, type ReasonParams } from './reason.ts';

/**
 * The English text of every reason code (src/shared/reason.ts), with `{{param}}`
 * placeholders. The server writes it into problem+json `message`/`detail`;
 * the web app uses it as the English `reasons.<code>` strings, and other
 * languages translate it in src/web/locales/<language>.json under `reasons`.
 * Never change what a code means; add a new code instead.
 */
export const REASON_TEXTS = {
  PROGRAMME_NOT_FOUND: 'There is no programme “{{slug}}”.',
} as const satisfies Record<string, string>;

export type ReasonCode = keyof typeof REASON_TEXTS;

export const isReasonCode = (code: string): code is ReasonCode => Object.hasOwn(REASON_TEXTS, code);

/** A reason with a code from the catalogue. */
export function reason(code: ReasonCode, params?: ReasonParams): Reason {
  return params ? { code, params } : { code };
}

/** The English sentence of a reason (an unknown code falls back to the code itself). */
export function englishText(r: Reason): string {
  return isReasonCode(r.code) ? fillTemplate(REASON_TEXTS[r.code], r.params) : r.code;
}
