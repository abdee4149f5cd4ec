import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parseAndRemember } from '../parsed-values';
import { responseSerializerCompiler } from './response-serializer';

const itemSchema = z.object({ id: z.uuid(), name: z.string().min(1), tags: z.array(z.string()).default([]) });
const ID = '0e79ba61-bd94-437b-b2e6-f14985c281de';

describe('the response serializer', () => {
  let app: FastifyInstance;
  let baseUrl: string;
  let answer: () => unknown;

  beforeAll(async () => {
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(responseSerializerCompiler);
    app.get('/item', { schema: { response: { 200: itemSchema } } }, async () => answer());
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => app.close());

  const get = async () => {
    const response = await fetch(`${baseUrl}/item`);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('answers with the value the schema gives, defaults filled and unknown keys dropped', async () => {
    answer = () => ({ id: ID, name: 'Escalation', secret: 'not for clients' });
    expect(await get()).toEqual({ status: 200, body: { id: ID, name: 'Escalation', tags: [] } });
  });

  it('refuses to send an answer that does not match the schema (a 500, not wrong data)', async () => {
    answer = () => ({ id: 'not-a-uuid', name: '' });
    const { status, body } = await get();
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('not-a-uuid');
  });

  it('checks a value parsed for the response with the same schema only once', async () => {
    const check = vi.spyOn(itemSchema, 'safeParse');
    try {
      answer = () => parseAndRemember(itemSchema, { id: ID, name: 'Parsed once' });
      expect(await get()).toEqual({ status: 200, body: { id: ID, name: 'Parsed once', tags: [] } });
      expect(check).not.toHaveBeenCalled();

      answer = () => parseAndRemember(z.object({ id: z.string(), name: z.string() }), { id: 'x', name: 'Other schema' });
      expect((await get()).status).toBe(500);
      expect(check).toHaveBeenCalledTimes(1);
    } finally {
      check.mockRestore();
    }
  });
});
