import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorCode, type FieldError, type Problem } from '../../shared/problem.ts';
import type { Reason } from '../../shared/reason.ts';
import { AppError, TITLES, fieldError, isPgError, pgErrorProblem, problemType } from '../errors.ts';
import { issueReason } from '../../shared/issue-reason.ts';

export function sendProblem(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, status: number, detail?: string, errors?: FieldError[], reason?: Reason | null) {
  const body: Problem = {
    type: problemType(code),
    title: TITLES[code],
    status,
    code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(detail ? { detail } : {}),
    ...(reason ? { reason } : {}),
    ...(errors ? { errors } : {}),
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(body);
}

const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
};

const FRAMEWORK_DETAILS: Record<string, [ErrorCode, string]> = {
  FST_ERR_BAD_URL: ['BAD_REQUEST', 'The address is not valid: it holds a %-escape that is not UTF-8 text.'],
  FST_ERR_MAX_PARAM_LENGTH: ['URI_TOO_LONG', 'A part of the address is too long.'],
};

/**
 * The router's and the HTTP parser's own refusals, which never reach the error
 * handler, as problem+json too: pass to `Fastify({ ...problemServerOptions })`.
 * Fastify's own 503 while closing is plain JSON: it is turned off here and
 * problemPlugin answers a request that arrives while closing instead.
 */
export const problemServerOptions = {
  return503OnClosing: false,
  frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const [code, detail] = FRAMEWORK_DETAILS[error.code] ?? ['INTERNAL_ERROR', 'The error has been logged; please try again later.'];
    if (code === 'INTERNAL_ERROR') request.log.error({ err: error }, 'router error');
    return sendProblem(request, reply, code, ERROR_CODES[code], detail);
  },
  clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [code, detail]: [ErrorCode, string] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['REQUEST_TIMEOUT', 'The request did not arrive in time.']
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? ['HEADERS_TOO_LARGE', 'The request line and headers are too large.']
          : ['BAD_REQUEST', 'The request is not valid HTTP.'];
    const status = ERROR_CODES[code];
    const body = JSON.stringify({ type: problemType(code), title: TITLES[code], status, code, detail } satisfies Problem);
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(error);
  },
} satisfies Partial<FastifyServerOptions>;

/** One handler answers every error as RFC 9457 problem+json; 5xx never leak internals. */
export const problemPlugin = fp(async (app: FastifyInstance) => {
  // A request that still reaches the server while it closes (on a keep-alive connection
  // that was busy) is refused as problem+json, first of all hooks (decision 0028).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new AppError('SERVICE_UNAVAILABLE', 'The platform is restarting. Try again in a moment.', { headers: { 'retry-after': '5' } });
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.options.headers) reply.headers(error.options.headers);
      return sendProblem(request, reply, error.code, error.status, error.message, error.options.errors, error.reason);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
        // The schema's issue again (the provider keeps its code as keyword, the rest as params), said for people.
        const why = issueReason({ ...issue.params, code: issue.keyword, path: [], message: issue.message ?? '' } as unknown as z.core.$ZodIssue);
        return fieldError(path ? `${where}.${path}` : where, why);
      });
      return sendProblem(request, reply, 'VALIDATION_FAILED', 400, 'Check the highlighted fields and try again.', errors);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return sendProblem(request, reply, 'INTERNAL_ERROR', 500, 'The error has been logged; please try again later.');
    }
    const frameworkCode = error.code ? FRAMEWORK_CODES[error.code] : undefined;
    if (frameworkCode) return sendProblem(request, reply, frameworkCode, error.statusCode ?? 400, error.message);
    if (error.statusCode === 429) return sendProblem(request, reply, 'TOO_MANY_ATTEMPTS', 429, error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, 'BAD_REQUEST', error.statusCode, error.message);
    }
    const database: unknown = error;
    if (isPgError(database)) {
      const has = (part: unknown, field: string) => typeof part === 'object' && part !== null && Object.hasOwn(part, field);
      const refused = pgErrorProblem(database, (field) =>
        has(request.body, field) ? `body.${field}` : has(request.query, field) ? `querystring.${field}` : has(request.params, field) ? `params.${field}` : null,
      );
      if (refused) {
        // The client's mistake, caught late: worth a look (a schema let it through), not an alarm.
        request.log.warn({ pgCode: database.code, column: database.column, constraint: database.constraint }, 'database refused the input');
        return sendProblem(request, reply, refused.code, refused.status, refused.message, refused.options.errors);
      }
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'INTERNAL_ERROR', 500, 'The error has been logged; please try again later.');
  });
});
