import { z } from 'zod';
import { Reason } from './reason.ts';
import { text } from './text.ts';

/**
 * The error catalogue: every error the API answers carries one of these
 * stable codes (RFC 9457 problem+json, member `code`). The web app maps
 * codes to translated messages; never rename a code once published.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  CALL_CLOSED: 409,
  CALL_NOT_OPEN: 409,
  NOT_ELIGIBLE: 422,
  APPLICATION_EXISTS: 409,
  INCOMPLETE_APPLICATION: 422,
  EDIT_CONFLICT: 409,
  CSV_INVALID: 400,
  EMAIL_TAKEN: 409,
  INVITATION_PENDING: 409,
  TOKEN_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ATTACHMENT_INVALID: 422,
  TOO_MANY_ATTEMPTS: 429,
  /** Publishing a support request in the library without the city's consent. */
  PUBLICATION_CONSENT_REQUIRED: 409,
  /** Answering a survey outside its window, or before it was sent, or after it was closed. */
  SURVEY_NOT_OPEN: 409,
  /** This city (or person) has already answered the survey. */
  SURVEY_ALREADY_ANSWERED: 409,
  /** A programme manager without two-step sign-in where it is required: the web app routes to enrolment. */
  SECOND_FACTOR_ENROLMENT_REQUIRED: 403,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const FieldError = z.object({
  /** Dotted path of the bad field, e.g. `body.email` or `query.page`. */
  field: text(),
  /** English text; people see `reason` translated when it is there. */
  message: text(),
  reason: Reason.optional(),
  /** For a bad row of an uploaded file: its line (1 = the header) and column name. */
  line: z.number().int().optional(),
  column: text().optional(),
});
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: text(),
  title: text(),
  status: z.number().int(),
  detail: text().optional(),
  instance: text().optional(),
  code: ErrorCodeSchema,
  /** Why, as a code with parameters the web app translates; `detail` holds its English text. */
  reason: Reason.optional(),
  errors: z.array(FieldError).optional(),
  requestId: text().optional(),
});
export type Problem = z.infer<typeof Problem>;
