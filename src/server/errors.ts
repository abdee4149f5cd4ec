/**
 * What the server's features refuse, in their own words. Repositories and services throw these and
 * know nothing of HTTP; http/error-handler.ts answers each kind with its status as problem+json.
 */
export type DomainErrorKind =
  /** The bot, integration, revision or skill named does not exist. */
  | 'not-found'
  /** The version the write was based on is no longer the current one. */
  | 'version-conflict'
  /** A name, id or variable that must be unique is taken; or the state forbids the change. */
  | 'conflict'
  /** Other places use it: `details.usages` says where. */
  | 'in-use'
  /** The input is not acceptable as given; `errors` names the fields. */
  | 'invalid'
  /** A budget of the data is reached (integrations per bot). */
  | 'limit'
  /** A service this one reads from (Conversational Cloud) failed. */
  | 'upstream';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** A short title in the problem+json sense: the same for every error of its sort. */
    readonly title: string,
    detail: string,
    /** Field path → how to fix it. */
    readonly errors?: Record<string, string>,
    /** More members of the answer (`usages`, `current`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not-found', 'Not Found', `${what} does not exist.`);

export const preconditionFailed = (current: number) =>
  new DomainError(
    'version-conflict',
    'Precondition Failed',
    `Someone else saved this meanwhile: the current version is ${current}. Reload it, or send your change again with If-Match: "${current}".`,
  );

export const conflict = (detail: string, errors?: Record<string, string>) => new DomainError('conflict', 'Conflict', detail, errors);

export const badRequest = (detail: string, errors?: Record<string, string>, title = 'Bad Request') =>
  new DomainError('invalid', title, detail, errors);

export const inUse = (detail: string, details: Record<string, unknown>) =>
  new DomainError('in-use', 'Conflict', detail, undefined, details);

export const limitReached = (title: string, detail: string) => new DomainError('limit', title, detail);

export const upstreamFailed = (detail: string) => new DomainError('upstream', 'Bad Gateway', detail);
