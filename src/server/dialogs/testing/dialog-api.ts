import { expect } from 'vitest';
import { readSampleExport } from '../../cb-export/testing/sample-exports';
import type { TestServer } from '../../testing/api-harness';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

/** Imports one of the sample exports through the API; `byName` finds an integration it created. */
export async function importBot(server: TestServer, file: string) {
  const imported = await server.request('POST', '/api/bots/import', {
    raw: readSampleExport(file),
    headers: { 'content-type': 'application/json' },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const byName = (name: string) => imported.body.integrations.find((item: any) => item.name === name);
  return { botId: imported.body.bot.id as string, byName };
}

/** The export as its text: the byte-for-byte form matters, so it is not parsed by the harness. */
export async function exportCb(server: TestServer, botId: string) {
  const response = await fetch(`${server.baseUrl}/api/bots/${botId}/export?format=cb`);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, file: JSON.parse(text) };
}
