import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { startTestServer, type TestServer } from '../testing/api-harness';
import { rawRequest } from '../testing/raw-http';

describe('the Host allow-list against DNS rebinding', () => {
  let loopback: TestServer;
  let lan: TestServer;

  beforeAll(async () => {
    loopback = await startTestServer({ kind: 'pglite', dataDir: null });
    const config = readConfig({ HOST: '0.0.0.0', ALLOWED_HOSTS: ' panel.example.com, Admin.Corp.Example. ' });
    lan = await startTestServer({ kind: 'pglite', dataDir: null }, { allowedHosts: config.allowedHosts });
  });
  afterAll(async () => {
    await loopback.close();
    await lan.close();
  });

  const statusFor = async (server: TestServer, host: string, target = '/api/bots') =>
    (await rawRequest(server.baseUrl, { method: 'GET', target, headers: { host } })).status;

  it('refuses a name that is not the server’s with 421 problem+json, on every route', async () => {
    for (const target of ['/api/bots', '/api/health', '/api/openapi.json', '/', '/bots/x/integrations', '/api/nothing']) {
      const response = await rawRequest(loopback.baseUrl, { method: 'GET', target, headers: { host: 'rebind.evil.example:3701' } });
      expect(response.status, target).toBe(421);
      expect(response.headers['content-type'], target).toContain('application/problem+json');
      expect(JSON.parse(response.text)).toMatchObject({ status: 421, title: 'Misdirected Request' });
    }
    const write = await rawRequest(loopback.baseUrl, {
      method: 'POST',
      target: '/api/bots',
      headers: { host: 'rebind.evil.example', 'content-type': 'application/json' },
      body: '{"name":"rebound"}',
    });
    expect(write.status).toBe(421);
    expect((await loopback.request('GET', '/api/bots')).body.items).toEqual([]);
  });

  it('answers the loopback names and addresses on any port, in any case', async () => {
    for (const host of [
      '127.0.0.1',
      '127.0.0.1:3000',
      'localhost',
      'LocalHost:8080',
      'localhost.:1',
      '[::1]:3000',
      '[::1]',
      '10.0.0.7:3000',
      '[fe80::1]',
    ]) {
      expect(await statusFor(loopback, host), host).toBe(200);
    }
    for (const host of ['localhost.evil.example', 'evil.localhost', '127.0.0.1.nip.io', 'panel.example.com']) {
      expect(await statusFor(loopback, host), host).toBe(421);
    }
  });

  it('checks the authority of an absolute-form target, which wins over Host', async () => {
    expect(
      (await rawRequest(loopback.baseUrl, { method: 'GET', target: 'http://rebind.evil.example/api/bots', headers: { host: '127.0.0.1' } }))
        .status,
    ).toBe(421);
    expect(
      (await rawRequest(loopback.baseUrl, { method: 'GET', target: 'http://localhost:9/api/bots', headers: { host: 'evil.example' } }))
        .status,
    ).toBe(200);
  });

  it('adds HOST and ALLOWED_HOSTS to the list; a wildcard HOST adds no name', async () => {
    for (const host of ['panel.example.com', 'panel.example.com:443', 'admin.corp.example', 'localhost:3000']) {
      expect(await statusFor(lan, host), host).toBe(200);
    }
    for (const host of ['example.com', 'evil.panel.example.com', '0.0.0.0.evil.example'])
      expect(await statusFor(lan, host), host).toBe(421);
    expect(readConfig({ HOST: 'panel.lan' }).allowedHosts).toContain('panel.lan');
    expect(readConfig({ HOST: '::1' }).allowedHosts).toContain('[::1]');
    expect(readConfig({ HOST: '0.0.0.0' }).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });
});
