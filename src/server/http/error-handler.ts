import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PROBLEM_CONTENT_TYPE } from '../../domain/problem';
import { isDatabaseUnavailable } from '../db/errors';
import { DomainError, type DomainErrorKind } from '../errors';
import { databaseUnreachable } from './database-availability';
import { HttpProblem, RetryLaterProblem } from './problems';
import { isSpaNavigation } from './web-app';

interface ValidationItem {
  instancePath: string;
  message?: string;
  keyword: string;
  params: { keys?: string[] };
}

const SECTIONS: Record<string, string> = {
  body: 'The request body',
  querystring: 'The query string',
  params: 'The path',
  headers: 'The headers',
};

/** A body of 24,000 unknown keys made a 2 MB answer that took a second to build: report the first ones. */
const MAX_FIELD_ERRORS = 50;

/** `/customDataFields/2/key` → `customDataFields.2.key`; an unknown key is reported at its own path. */
function fieldErrors(items: ValidationItem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of items.slice(0, MAX_FIELD_ERRORS)) {
    const base = item.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    if (item.keyword === 'unrecognized_keys' && item.params.keys) {
      for (const key of item.params.keys.slice(0, MAX_FIELD_ERRORS)) {
        errors[base ? `${base}.${key}` : key] = `Unknown field "${key}": remove it (read-only and unknown fields are not accepted).`;
      }
      continue;
    }
    errors[base] ??= item.message ?? 'Invalid value.';
  }
  return errors;
}

/** The status that answers each kind of refusal the features throw. */
const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  'not-found': 404,
  'version-conflict': 412,
  conflict: 409,
  'in-use': 409,
  invalid: 400,
  limit: 400,
  upstream: 502,
};

function toProblem(error: FastifyError, request: FastifyRequest): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof DomainError)
    return new HttpProblem(DOMAIN_STATUS[error.kind], error.title, error.message, error.errors, error.details);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = fieldErrors(error.validation as unknown as ValidationItem[]);
    const section = SECTIONS[error.validationContext ?? 'body'] ?? 'The request';
    const count = Object.keys(errors).length;
    return new HttpProblem(
      400,
      'Validation failed',
      `${section} has ${count === 1 ? 'a problem' : `${count} problems`}: ${Object.entries(errors)
        .slice(0, 3)
        .map(([field, message]) => (field ? `${field}: ${message}` : message))
        .join(' ')}`,
      errors,
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpProblem(400, 'Malformed JSON', `The request body is not valid JSON: ${error.message}`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(400, 'Malformed JSON', 'The request body is empty but its Content-Type says JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(
        413,
        'Payload Too Large',
        `The request body is over the ${Math.round(request.routeOptions.bodyLimit / (1024 * 1024))} MB limit of this endpoint.`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(
        415,
        'Unsupported Media Type',
        `Send JSON with Content-Type: application/json (got ${request.headers['content-type'] ?? 'none'}).`,
      );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new HttpProblem(error.statusCode, STATUS_CODES[error.statusCode] ?? 'Client error', error.message);
  }
  // Whichever route ran into it: an unreachable database is a moment to wait, not a fault of the server.
  if (isDatabaseUnavailable(error)) return databaseUnreachable();
  return new HttpProblem(500, 'Internal Server Error', 'The server failed to answer. The error has been logged.');
}

function sendProblem(reply: FastifyReply, problem: HttpProblem, request: FastifyRequest) {
  if (problem instanceof RetryLaterProblem) reply.header('retry-after', String(problem.retryAfterSeconds));
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...problem.toProblem(request.url), requestId: request.id });
}

/**
 * Errors the router raises before any route or hook runs (a path that is not valid percent-encoded
 * UTF-8, a path segment over the length limit): problem+json like every other refusal.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new HttpProblem(414, 'URI Too Long', 'A part of the path is longer than any id: check the URL.')
      : new HttpProblem(error.statusCode ?? 400, 'Bad Request', 'The URL is malformed: its path is not valid percent-encoded UTF-8.');
  return sendProblem(reply, problem, request);
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The methods a route of this path answers, asked of the router as it matched the request. The
 * catch-all routes (the web app's files, CORS preflight) answer any path, so they say nothing.
 */
function allowedMethods(request: FastifyRequest): string[] {
  return METHODS.filter((method) => {
    const found = request.server.findRoute({ method, url: request.url });
    return found !== null && (found.params as Record<string, string | undefined>)['*'] === undefined;
  });
}

/** One place shapes every error: problem+json, field paths for validation, 5xx internals hidden. */
export function registerErrorHandling(app: FastifyInstance, options: { spaIndex: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request);
    // Waiting out a database restart is expected operation, not a fault to page anyone about.
    if (problem instanceof RetryLaterProblem && problem.status === 503)
      request.log.warn({ err: error }, 'request answered 503: retry later');
    // A problem a route threw is the answer it chose (the simulator's 503 when busy), not a failure:
    // the access log has it.
    else if (problem.status >= 500 && !(error instanceof HttpProblem)) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem, request);
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.spaIndex && isSpaNavigation(request.method, request.url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const path = request.url.split('?')[0];
    const allowed = allowedMethods(request);
    // A route for this very method that found nothing (a file not built) is a plain 404.
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      return sendProblem(
        reply.header('allow', allowed.join(', ')),
        new HttpProblem(405, 'Method Not Allowed', `${path} answers ${allowed.join(', ')}, not ${request.method}.`),
        request,
      );
    }
    return sendProblem(reply, new HttpProblem(404, 'Not Found', `No route ${request.method} ${path}.`), request);
  });
}
