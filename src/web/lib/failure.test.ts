import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { describeFailure } from './failure';

const problem = (status: number, title: string, detail: string) => new ApiError({ type: 'about:blank', status, title, detail });

describe('describeFailure', () => {
  it('says a network failure, a server failure and a rejected request in different words', () => {
    expect(describeFailure(problem(0, 'Network error', 'unreachable'), 'save')).toMatchObject({
      kind: 'network',
      title: 'Cannot reach the server',
    });
    expect(describeFailure(new TypeError('Failed to fetch'), 'save').kind).toBe('network');
    expect(describeFailure(problem(503, 'Service Unavailable', 'The database is restarting.'), 'save')).toEqual({
      kind: 'server',
      title: 'The server failed: Service Unavailable',
      detail: 'Could not save. The database is restarting.',
    });
    expect(describeFailure(problem(404, 'Not Found', 'No such integration.'), 'delete this integration')).toEqual({
      kind: 'request',
      title: 'Could not delete this integration',
      detail: 'No such integration.',
    });
  });
});
