import { expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

describeEachDatabase('concurrent restores of a deleted integration on %s', (kind) => {
  const server = useTestServer(kind);

  it('lets exactly one of 5 concurrent restores win; the others get 412 or 409, never 500', async () => {
    const botId = await freshBot(server);
    // Several rounds: the losers race at different points (before or after the winner commits).
    for (let round = 0; round < 6; round++) {
      const created = await server.request('POST', `/api/bots/${botId}/integrations`, {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: `Esc${round}`, responseDataVariable: `Esc${round}` }),
      });
      const base = `/api/bots/${botId}/integrations/${created.body.id}`;
      expect((await server.request('DELETE', base, { headers: { 'if-match': '"1"' } })).status).toBe(204);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => server.request('POST', `${base}/revisions/1/restore`, { headers: { 'if-match': '"2"' } })),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(
        statuses.filter((status) => status === 200),
        statuses.join(),
      ).toHaveLength(1);
      expect(
        statuses.every((status) => [200, 409, 412].includes(status)),
        statuses.join(),
      ).toBe(true);
      for (const answer of answers.filter((item) => item.status !== 200)) {
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      }
      const history = await server.request('GET', `${base}/revisions`);
      expect(history.body.items.map((item: { action: string }) => item.action)).toEqual(['restore', 'delete', 'create']);
      expect((await server.request('GET', base)).body.version).toBe(3);
    }
  });
});
