import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldError, Problem } from '../../shared/problem.ts';
import type { Reason } from '../../shared/reason.ts';
import { AppError, TITLES, fieldError, problemType } from '../errors.ts';
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

/** One handler answers every error as RFC 9457 problem+json; 5xx never leak internals. */
export const problemPlugin = fp(async (app: FastifyInstance) => {
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
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'INTERNAL_ERROR', 500, 'The error has been logged; please try again later.');
  });
});
