import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from './api-client.ts';
import { reasonText } from './reason-text.ts';

/** Error messages keyed by form field name (`email`, `newPassword`, …). */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The server names bad fields by their place in the request (`body.email`);
 * forms know them by their own name (`email`).
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const { field, message, reason } of error.fieldErrors) {
    const name = field.replace(/^body\./, '');
    errors[name] ??= reason ? reasonText(reason) : message;
  }
  return errors;
}

type ValidationResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Check form values with the same schema the server applies, before sending,
 * with messages in the person's language.
 */
export function validateWith<S extends z.ZodType>(schema: S, values: unknown, t: TFunction): ValidationResult<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.join('.');
    errors[name] ??= messageOf(issue, t);
  }
  return { ok: false, errors };
}

function messageOf(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}
