import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldErrorsFromValidation, Problem, problemBody } from '../errors.ts';
import { requestLocale } from './locale.ts';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

const fromFrameworkError = (error: FastifyError): Problem | null => {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'payload_too_large', { limit: 1_048_576 });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'unsupported_media_type');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(400, 'malformed_body');
    default:
      return error.statusCode && error.statusCode >= 400 && error.statusCode < 500
        ? new Problem(error.statusCode, error.statusCode === 404 ? 'not_found' : 'malformed_body')
        : null;
  }
};

/** Every error leaves as problem+json in the caller's language; unexpected ones as a bare 500. */
export const registerErrorHandling = (app: FastifyInstance, spaIndex: (() => Promise<Buffer>) | null) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: Problem | null = null;
    if (error instanceof Problem) problem = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      problem = new Problem(
        400,
        'validation_failed',
        {},
        fieldErrorsFromValidation(error.validation, error.validationContext ?? 'body'),
      );
    } else problem = fromFrameworkError(error);

    if (!problem) {
      request.log.error({ err: error }, 'unhandled error');
      problem = new Problem(500, 'internal');
    }
    reply
      .code(problem.status)
      .headers(problem.headers)
      .type(PROBLEM_TYPE)
      .send(problemBody(problem, requestLocale(request), request.url));
  });

  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (spaIndex && wantsPage) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await spaIndex());
    }
    reply
      .code(404)
      .type(PROBLEM_TYPE)
      .send(problemBody(new Problem(404, 'not_found'), requestLocale(request), request.url));
  });
};
