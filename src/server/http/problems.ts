import type { Problem } from '../../domain/problem';

/** An error that the error handler turns into an RFC 9457 problem+json answer as it is. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: Record<string, string>,
    /** More members of the answer, beside RFC 9457's (`usages` of a 409). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
  }

  toProblem(instance?: string): Problem {
    return {
      type: `https://integrations-panel.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

/** A 503 that says when to try again (`Retry-After`): what fails is out of reach for the moment, not the request. */
export class RetryLaterProblem extends HttpProblem {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
    status: 503 | 429 = 503,
  ) {
    super(status, status === 503 ? 'Service Unavailable' : 'Too Many Requests', detail);
  }
}

export const preconditionRequired = () =>
  new HttpProblem(
    428,
    'Precondition Required',
    'Send the If-Match header with the ETag you read (for example If-Match: "3"), so a stale write cannot overwrite a newer one.',
  );
