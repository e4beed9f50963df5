import { ERROR_CODES, type ErrorCode, type FieldError } from '../shared/problem.ts';
import type { Reason } from '../shared/reason.ts';
import { englishText } from '../shared/reason-texts.ts';

/**
 * The one error type services throw. The problem plugin turns it into an
 * RFC 9457 answer. Say why with a reason the web app can translate:
 * `throw new AppError('CALL_CLOSED', reason('CALL_CLOSED_ON', { closedAt }))`;
 * a plain string is English only.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  readonly reason: Reason | null;

  constructor(
    readonly code: ErrorCode,
    why: string | Reason,
    readonly options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(typeof why === 'string' ? why : englishText(why));
    this.status = ERROR_CODES[code];
    this.reason = typeof why === 'string' ? null : why;
  }
}

/** A bad field with the reason people read translated, and its English text for API clients. */
export function fieldError(field: string, why: Reason): FieldError {
  return { field, message: englishText(why), reason: why };
}

export const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Some fields are not valid',
  BAD_REQUEST: 'Bad request',
  UNAUTHENTICATED: 'Sign-in required',
  INVALID_CREDENTIALS: 'Email or password is not correct',
  CSRF_TOKEN_INVALID: 'Security token missing or invalid',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  ROUTE_NOT_FOUND: 'No such API route',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  CONFLICT: 'Conflict',
  CALL_CLOSED: 'The call is closed',
  CALL_NOT_OPEN: 'The call is not open yet',
  NOT_ELIGIBLE: 'This city may not apply to this call',
  APPLICATION_EXISTS: 'The city has already applied',
  INCOMPLETE_APPLICATION: 'Some required answers are missing',
  EDIT_CONFLICT: 'Someone else changed this in the meantime',
  CSV_INVALID: 'The file has rows that are not valid',
  EMAIL_TAKEN: 'This person already has that role',
  INVITATION_PENDING: 'An invitation is already pending',
  TOKEN_INVALID: 'This link has expired or was already used',
  PAYLOAD_TOO_LARGE: 'Request too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  ATTACHMENT_INVALID: 'The file cannot be attached',
  TOO_MANY_ATTEMPTS: 'Too many attempts',
  SECOND_FACTOR_ENROLMENT_REQUIRED: 'Set up two-step sign-in first',
  INTERNAL_ERROR: 'Something went wrong on our side',
  SERVICE_UNAVAILABLE: 'Service unavailable',
};

/** The problem `type` URI of a code; documented in docs/errors.md. */
export const problemType = (code: ErrorCode) => `https://peercities.eu/problems/${code.toLowerCase().replace(/_/g, '-')}`;
