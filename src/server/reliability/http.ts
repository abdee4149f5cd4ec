export interface HttpAnswer {
  status: number;
  contentType: string;
  etag: string | null;
  /** Parsed JSON when the answer is JSON, the text otherwise. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
}

export interface HttpCall {
  method: string;
  path: string;
  /** Sent as JSON with Content-Type application/json unless `raw` or `contentType` say otherwise. */
  json?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** One request over real HTTP (undici's fetch), the answer read whole. */
export async function send(baseUrl: string, call: HttpCall): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...call.headers };
  let body: string | undefined = call.raw;
  if (call.json !== undefined) body = JSON.stringify(call.json);
  if (body !== undefined) headers['content-type'] = call.contentType ?? 'application/json';
  else if (call.contentType) headers['content-type'] = call.contentType;
  const response = await fetch(baseUrl + call.path, { method: call.method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (contentType.includes('json') && text) parsed = JSON.parse(text);
  return { status: response.status, contentType, etag: response.headers.get('etag'), body: parsed };
}

/** Runs `tasks` with at most `limit` in flight; resolves when all are done. */
export async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  });
  await Promise.all(lanes);
}
