import type { z } from 'zod';
import { ApiError } from './api-client.ts';
import { reasonText } from './reason-text.ts';
import { issueReason } from '../../shared/issue-reason.ts';

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
export function validateWith<S extends z.ZodType>(schema: S, values: unknown): ValidationResult<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.join('.');
    errors[name] ??= messageOf(issue);
  }
  return { ok: false, errors };
}

/** Never the schema's English: every kind of issue as a reason with its limit, in the person's language. */
function messageOf(issue: z.core.$ZodIssue): string {
  return reasonText(issueReason(issue));
}
