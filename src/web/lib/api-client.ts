import type { Problem } from '../../domain/problem';
import { PROBLEM_CONTENT_TYPE } from '../../domain/problem-content-type';
import { askForAdminToken, currentAdminToken } from './admin-token';
import { reportNetworkFailure, reportServerAnswer } from './connection';

/** A failed API call: the problem+json body when the server sent one, a made-up one otherwise. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** Field path (`customDataFields.2.key`) → message, as the server reported them. */
  get fieldErrors(): Record<string, string> {
    return this.problem.errors ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string;
  signal?: AbortSignal;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes(PROBLEM_CONTENT_TYPE) || type.includes('application/json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return {
        // Extension members (a 409's `usages`) are kept: callers read them with the domain's schemas.
        ...body,
        type: body.type ?? 'about:blank',
        title: body.title ?? response.statusText,
        status: body.status ?? response.status,
        detail: body.detail ?? body.title ?? `The server answered ${response.status}.`,
        ...(body.errors ? { errors: body.errors } : {}),
      };
    } catch {
      // A body that is not JSON falls through to the generic problem below.
    }
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered ${response.status} ${response.statusText}.`.trim(),
  };
}

/**
 * Sends one request; throws ApiError for every non-2xx answer and for network failures.
 * With an admin token stored for the tab it is sent as a bearer token; a 401 asks the user for the
 * token (once for all waiting requests) and sends the request again.
 */
async function authorized(path: string, options: RequestOptions): Promise<Response> {
  let token = currentAdminToken();
  for (;;) {
    const response = await send(path, options, token);
    if (response.status === 401) {
      const problem = await problemOf(response);
      const latest = currentAdminToken();
      // Another request got a new token meanwhile: try that one before asking again.
      if (latest && latest !== token) {
        token = latest;
        continue;
      }
      const { signIn: where, signInWith: named } = problem as Problem & { signIn?: unknown; signInWith?: unknown };
      const signIn = typeof where === 'string' ? where : undefined;
      const signInWith = signInWithOf(named);
      const asked = askForAdminToken({
        rejection: token ? problem.detail : null,
        ...(signIn ? { signIn } : {}),
        ...(signInWith ? { signInWith } : {}),
      });
      if (!asked) throw new ApiError(problem);
      token = (await asked) || null;
      continue;
    }
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }
}

/** A 401 under AUTH=oidc names the provider: `"signInWith": { "name": "Okta", "url": "/api/auth/oidc/start" }`. */
function signInWithOf(value: unknown): { name: string; url: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { name, url } = value as { name?: unknown; url?: unknown };
  return typeof name === 'string' && name && typeof url === 'string' && url ? { name, url } : undefined;
}

/** Calls the API on the same origin and reads its JSON answer. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const response = await authorized(path, options);
  const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { data, etag: response.headers.get('etag') };
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: `application/json, ${PROBLEM_CONTENT_TYPE}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    reportServerAnswer();
    return response;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    reportNetworkFailure();
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'The server could not be reached. Check that it is running, then retry.',
    });
  }
}

export interface ApiDownload {
  blob: Blob;
  /** The file name the server proposed in Content-Disposition, if any. */
  fileName: string | null;
}

/** `filename*=UTF-8''…` wins over `filename="…"`, as RFC 6266 asks. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed encoding falls back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}

/** A file from the API (exports), through the same request path as every other call. */
export async function apiDownload(path: string, options: Pick<RequestOptions, 'signal'> = {}): Promise<ApiDownload> {
  const response = await authorized(path, options);
  return { blob: await response.blob(), fileName: fileNameFromDisposition(response.headers.get('content-disposition')) };
}

export const etagOf = (version: number) => `"${version}"`;

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
