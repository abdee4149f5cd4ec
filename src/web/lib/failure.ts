import { isApiError } from './api-client';

/** Why a request failed, in the three ways a user acts on differently. */
export type FailureKind = 'network' | 'server' | 'request';

export interface Failure {
  kind: FailureKind;
  title: string;
  detail: string;
}

export function failureKind(error: unknown): FailureKind {
  if (!isApiError(error) || error.status === 0) return 'network';
  return error.status >= 500 ? 'server' : 'request';
}

/**
 * `action` completes "Could not …" ("save", "delete this integration"). Network: nothing reached the
 * server, so trying again is the fix. 5xx: the server's own title says what broke. 4xx: the request
 * itself needs changing, so the server's detail is what the user reads.
 */
export function describeFailure(error: unknown, action: string): Failure {
  const kind = failureKind(error);
  if (kind === 'network') {
    return {
      kind,
      title: 'Cannot reach the server',
      detail: `Could not ${action}: the server did not answer. Your changes are kept in this browser; retry when it is back.`,
    };
  }
  const problem = isApiError(error) ? error.problem : null;
  if (kind === 'server') {
    return {
      kind,
      title: `The server failed: ${problem?.title ?? 'Internal Server Error'}`,
      detail: `Could not ${action}. ${problem?.detail ?? ''}`.trim(),
    };
  }
  return { kind, title: `Could not ${action}`, detail: problem?.detail ?? '' };
}
