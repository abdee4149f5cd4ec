import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from '../../domain/problem';
import { HttpProblem } from './problems';

/** What Node's parser or its timers refused before Fastify saw a request, said as a problem. */
function problemFor(error: NodeJS.ErrnoException): HttpProblem {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpProblem(408, 'Request Timeout', 'The request did not arrive in time: send its headers and body without pausing.');
    case 'HPE_HEADER_OVERFLOW':
      return new HttpProblem(
        431,
        'Request Header Fields Too Large',
        'The request headers are over the size limit: send fewer or shorter ones.',
      );
    case 'HPE_INVALID_METHOD':
      return new HttpProblem(400, 'Bad Request', 'The request method is not one HTTP knows.');
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
    case 'HPE_INVALID_TRANSFER_ENCODING':
    case 'HPE_INVALID_CONTENT_LENGTH':
      return new HttpProblem(
        400,
        'Bad Request',
        'The body framing is ambiguous: send Content-Length or Transfer-Encoding, not both or a malformed one.',
      );
    default:
      return new HttpProblem(400, 'Bad Request', 'The request is not valid HTTP.');
  }
}

/**
 * Fastify's clientErrorHandler: the same problem+json every other refusal has, then the connection
 * is closed (the parser's state is lost, so nothing more can be read from it).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = problemFor(error);
  // A response already under way (a timeout while answering) cannot get a second status line.
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (socket.writable && !answering) {
    const body = JSON.stringify(problem.toProblem());
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
