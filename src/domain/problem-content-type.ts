/**
 * The RFC 9457 media type, in a module of its own: the web app's first page needs it
 * (every API call sends and reads it) but must not carry zod along with it.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
