import { ERROR_CODES, type ErrorCode, type FieldError } from '../shared/problem.ts';

/**
 * The one error type services throw. The problem plugin turns it into an
 * RFC 9457 answer: `throw new AppError('CALL_CLOSED', 'The call closed on …')`.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = ERROR_CODES[code];
  }
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
  INTERNAL_ERROR: 'Something went wrong on our side',
  SERVICE_UNAVAILABLE: 'Service unavailable',
};

/** The problem `type` URI of a code; documented in docs/errors.md. */
export const problemType = (code: ErrorCode) => `https://peercities.eu/problems/${code.toLowerCase().replace(/_/g, '-')}`;
