import type { Problem } from '../../domain/problem';

/** An error that the error handler turns into an RFC 9457 problem+json answer as it is. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: Record<string, string>,
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
    };
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'Not Found', `${what} does not exist.`);

export const badRequest = (detail: string, errors?: Record<string, string>) =>
  new HttpProblem(400, 'Bad Request', detail, errors);

export const conflict = (detail: string, errors: Record<string, string>) => new HttpProblem(409, 'Conflict', detail, errors);

export const preconditionFailed = (current: number) =>
  new HttpProblem(
    412,
    'Precondition Failed',
    `Someone else saved this meanwhile: the current version is ${current}. Reload it, or send your change again with If-Match: "${current}".`,
  );

export const preconditionRequired = () =>
  new HttpProblem(
    428,
    'Precondition Required',
    'Send the If-Match header with the ETag you read (for example If-Match: "3"), so a stale write cannot overwrite a newer one.',
  );
