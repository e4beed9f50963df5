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
  URI_TOO_LONG: 'Address too long',
  REQUEST_TIMEOUT: 'Request took too long to arrive',
  HEADERS_TOO_LARGE: 'Request headers too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  ATTACHMENT_INVALID: 'The file cannot be attached',
  TOO_MANY_ATTEMPTS: 'Too many attempts',
  PUBLICATION_CONSENT_REQUIRED: 'The city has not consented to publication',
  SURVEY_NOT_OPEN: 'The survey is not open for answers',
  SURVEY_ALREADY_ANSWERED: 'The survey has already been answered',
  SECOND_FACTOR_ENROLMENT_REQUIRED: 'Set up two-step sign-in first',
  INTERNAL_ERROR: 'Something went wrong on our side',
  SERVICE_UNAVAILABLE: 'Service unavailable',
};

/** The problem `type` URI of a code; documented in docs/errors.md. */
export const problemType = (code: ErrorCode) => `https://peercities.eu/problems/${code.toLowerCase().replace(/_/g, '-')}`;

/**
 * PostgreSQL's refusals of the input itself, the last line of defence behind
 * the schemas (decision 0024): a data error is the client's 400, a missing
 * row a foreign key points to its 404, a row still referenced its 409.
 */
const PG_DATA_ERRORS: Record<string, string> = {
  '22021': 'The request holds a character the database cannot store (such as U+0000).',
  '22P05': 'The request holds a character the database cannot store (such as U+0000).',
  '22P02': 'A value in the request is not in the form expected (for example an id that is not a UUID).',
  '22008': 'A date or time in the request does not exist.',
  '22007': 'A date or time in the request is not in the form expected.',
  '22003': 'A number in the request is out of range.',
};

interface PgError {
  code: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

/** A PostgreSQL error (from pg or PGlite): a five-character SQLSTATE and a severity. */
export function isPgError(error: unknown): error is PgError {
  if (typeof error !== 'object' || error === null) return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof severity === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * The answer for a PostgreSQL error caused by the request, or null for one
 * that is ours (a 500). `where` says which part of the request holds a
 * field, so the problem names it (`body.startsOn`) as the schemas do.
 */
export function pgErrorProblem(error: PgError, where: (field: string) => string | null): AppError | null {
  const dataMessage = PG_DATA_ERRORS[error.code];
  if (dataMessage) {
    const field = error.column ? (where(camel(error.column)) ?? camel(error.column)) : null;
    return new AppError('BAD_REQUEST', dataMessage, field ? { errors: [{ field, message: dataMessage }] } : {});
  }
  if (error.code === '23503') {
    // "Key (city_id)=(…) is not present in table "cities"." on insert or update; "… is still referenced from table …" on delete.
    const column = /Key \(([a-z0-9_]+)\)/.exec(error.detail ?? '')?.[1];
    const field = column ? (where(camel(column)) ?? camel(column)) : null;
    if (/is still referenced/.test(error.detail ?? '')) {
      return new AppError('CONFLICT', 'Other records still refer to this one; remove or change them first.', field ? { errors: [{ field, message: 'Still referred to.' }] } : {});
    }
    const message = 'The record this refers to does not exist.';
    return new AppError('NOT_FOUND', message, field ? { errors: [{ field, message }] } : {});
  }
  return null;
}
