import { z } from 'zod';

/** RFC 9457 problem details; `errors` maps a field path such as `customDataFields.2.key` to its message. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.record(z.string(), z.string()).optional(),
  /** The answer's X-Request-Id, which the server's log lines for the request carry too. */
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export { PROBLEM_CONTENT_TYPE } from './problem-content-type';
