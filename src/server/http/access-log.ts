import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** The label of requests no route matched: their paths are whatever a client typed, unbounded. */
const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The route pattern the router matched (`/api/bots/:botId`), never the URL as sent: no ids, no query
 * values, and a bounded set of values for logs and metric labels.
 */
export function routePatternOf(request: FastifyRequest): string {
  return (!request.is404 && request.routeOptions.url) || UNMATCHED_ROUTE;
}

/**
 * Fastify's request lines, replaced by one access line per request at `info`, written once the answer
 * is sent: Fastify's own two carry the raw URL with its query values. Every line logged while a request
 * is answered, this one too, carries its `requestId` (the X-Request-Id it was answered with). Fastify's
 * other lines (a stream that broke, a serializer that failed) are kept.
 */
export class AccessLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: routePatternOf(request),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    // An error here is one of writing the answer (the client went away mid-answer), not of the route.
    if (error) request.log.error({ ...line, err: error }, 'request');
    else request.log.info(line, 'request');
  }
}
