import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAdminTokenAsker, type TokenQuestion } from './admin-token';
import { apiDownload, apiRequest, ApiError, fileNameFromDisposition } from './api-client';

describe('apiRequest', () => {
  it('turns a problem+json answer into an ApiError with the field errors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              type: 't',
              title: 'Bad Request',
              status: 400,
              detail: 'Check the fields.',
              errors: { 'customDataFields.2.key': 'Key is required.' },
            }),
            { status: 400, headers: { 'content-type': 'application/problem+json' } },
          ),
      ),
    );
    const error = await apiRequest('/api/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('Check the fields.');
    expect((error as ApiError).fieldErrors).toEqual({ 'customDataFields.2.key': 'Key is required.' });
  });

  it("keeps a problem's extension members (a 409's usages) for the caller to read", async () => {
    const usages = [{ interactionId: 'i1', kind: 'invokes' }];
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'Used in 1 place.', usages }), {
            status: 409,
            headers: { 'content-type': 'application/problem+json' },
          }),
      ),
    );
    const error = (await apiRequest('/api/x').catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(409);
    expect((error.problem as unknown as { usages: unknown }).usages).toEqual(usages);
  });

  it('reports an unreachable server as an ApiError with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = (await apiRequest('/api/x').catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });

  it('sends JSON with If-Match and returns the ETag', async () => {
    const fetchMock = vi.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) =>
        new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json', etag: '"4"' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const answer = await apiRequest<{ ok: boolean }>('/api/x', { method: 'PUT', body: { a: 1 }, ifMatch: '"3"' });
    expect(answer).toEqual({ data: { ok: true }, etag: '"4"' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.headers).toMatchObject({ 'if-match': '"3"', 'content-type': 'application/json' });
    expect(init?.body).toBe('{"a":1}');
  });
});

describe('apiDownload', () => {
  it('returns the body as a Blob with the file name from Content-Disposition', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () => new Response('{"a":1}', { status: 200, headers: { 'content-disposition': 'attachment; filename="Care-Bot.json"' } }),
      ),
    );
    const file = await apiDownload('/api/bots/x/export');
    expect(file.fileName).toBe('Care-Bot.json');
    expect(await file.blob.text()).toBe('{"a":1}');
  });

  it('prefers filename* and tolerates a missing header', () => {
    expect(fileNameFromDisposition(`attachment; filename="a.json"; filename*=UTF-8''Caf%C3%A9.json`)).toBe('Café.json');
    expect(fileNameFromDisposition('attachment; filename=plain.json')).toBe('plain.json');
    expect(fileNameFromDisposition(null)).toBeNull();
  });

  it('throws the server problem like every other call', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ type: 't', title: 'Not Found', status: 404, detail: 'No bot x.' }), {
            status: 404,
            headers: { 'content-type': 'application/problem+json' },
          }),
      ),
    );
    await expect(apiDownload('/api/bots/x/export')).rejects.toMatchObject({ status: 404, message: 'No bot x.' });
  });
});

describe('apiRequest with an admin token', () => {
  const unauthorized = (detail: string) =>
    new Response(JSON.stringify({ type: 't', title: 'Unauthorized', status: 401, detail }), {
      status: 401,
      headers: { 'content-type': 'application/problem+json' },
    });
  const ok = () => new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
  const authorizationOf = (init?: RequestInit) => (init?.headers as Record<string, string> | undefined)?.authorization;

  beforeEach(() => sessionStorage.clear());
  afterEach(() => setAdminTokenAsker(null));

  it('sends the token stored for the tab as a bearer token', async () => {
    sessionStorage.setItem('integrations-panel:admin-token', 's3cret');
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => ok());
    vi.stubGlobal('fetch', fetchMock);
    await apiRequest('/api/bots');
    expect(authorizationOf(fetchMock.mock.calls[0]?.[1])).toBe('Bearer s3cret');
  });

  it('on a 401 asks for the token, keeps it for the tab and sends the request again; a wrong one is asked again with the server message', async () => {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) =>
      authorizationOf(init) === 'Bearer right'
        ? ok()
        : unauthorized(authorizationOf(init) ? 'The bearer token is not the one this server expects.' : 'Send it.'),
    );
    vi.stubGlobal('fetch', fetchMock);
    const questions: TokenQuestion[] = [];
    const answers = ['wrong', 'right'];
    setAdminTokenAsker(async (question) => {
      questions.push(question);
      return answers.shift()!;
    });
    const answer = await apiRequest<{ ok: boolean }>('/api/bots');
    expect(answer.data).toEqual({ ok: true });
    expect(questions).toEqual([{ rejection: null }, { rejection: 'The bearer token is not the one this server expects.' }]);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(sessionStorage.getItem('integrations-panel:admin-token')).toBe('right');
  });

  it('on a 401 of a server with people asks to sign in, then sends the request again with the cookie alone', async () => {
    let signedIn = false;
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) =>
      signedIn && !authorizationOf(init)
        ? ok()
        : new Response(
            JSON.stringify({ type: 't', title: 'Unauthorized', status: 401, detail: 'Sign in.', signIn: '/api/auth/sign-in/email' }),
            {
              status: 401,
              headers: { 'content-type': 'application/problem+json' },
            },
          ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const questions: TokenQuestion[] = [];
    setAdminTokenAsker(async (question) => {
      questions.push(question);
      signedIn = true;
      return '';
    });
    expect((await apiRequest<{ ok: boolean }>('/api/bots')).data).toEqual({ ok: true });
    expect(questions).toEqual([{ rejection: null, signIn: '/api/auth/sign-in/email' }]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(sessionStorage.getItem('integrations-panel:admin-token')).toBeNull();
  });

  it('asks once for all the requests that got a 401 together', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) =>
        authorizationOf(init) === 'Bearer right' ? ok() : unauthorized('Send it.'),
      ),
    );
    const asker = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 'right';
    });
    setAdminTokenAsker(asker);
    await Promise.all([apiRequest('/api/a'), apiRequest('/api/b'), apiRequest('/api/c')]);
    expect(asker).toHaveBeenCalledTimes(1);
  });

  it('reports the 401 as an ApiError when nothing can ask for a token', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => unauthorized('Send Authorization: Bearer <ADMIN_TOKEN>.')),
    );
    const error = (await apiRequest('/api/bots').catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(401);
    expect(error.message).toBe('Send Authorization: Bearer <ADMIN_TOKEN>.');
  });
});
