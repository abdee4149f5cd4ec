import { describe, expect, it } from 'vitest';
import { REAL_EXPORT_FILES, hasRealExports, readSampleExport } from '../cb-export/testing/sample-exports';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { exportCb, importBot } from './testing/dialog-api';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

const GET_BOT_PATTERNS = 'get-bot-patterns__bot.json';
const AGENT_TRANSFER_27 = '465ad6f607b2ed1000ab75b34652bac8ad6d4a52';

describe.skipIf(!hasRealExports)('dialogs API on the real exports', () => {
  describeEachDatabase('on %s', (kind) => {
    const server = useTestServer(kind);

    it.each(REAL_EXPORT_FILES)('%s: every dialog and interaction, usages of each integration, checks', async (fileName) => {
      const source = JSON.parse(readSampleExport(fileName));
      const { botId } = await importBot(server, fileName);
      const dialogs = await server.request('GET', `/api/bots/${botId}/dialogs`);
      expect(dialogs.body.items.map((dialog: any) => dialog.id)).toEqual(source.groups.map((group: any) => group.id));
      const interactions = dialogs.body.items.flatMap((dialog: any) => dialog.interactions.map((item: any) => item.id));
      expect(new Set(interactions)).toEqual(new Set(source.conversationMessage.map((item: any) => item.id)));

      const integrations = (await server.request('GET', `/api/bots/${botId}/integrations`)).body.items;
      for (const integration of integrations) {
        const usages = await server.request('GET', `/api/bots/${botId}/integrations/${integration.id}/usages`);
        const invokers = source.conversationMessage.filter((item: any) => item.content?.responderName === integration.name);
        expect(usages.body.items.filter((usage: any) => usage.kind === 'invokes').map((usage: any) => usage.interactionId)).toEqual(
          invokers.map((item: any) => item.id),
        );
        const refused = await server.request('DELETE', `/api/bots/${botId}/integrations/${integration.id}`, {
          headers: { 'if-match': '"1"' },
        });
        expect(refused.status).toBe(409);
        expect(refused.body.usages).toEqual(usages.body.items);
      }

      const checks = (await server.request('GET', `/api/bots/${botId}/checks`)).body.items;
      const statuses = checks.map((check: any) => [check.id, check.status]);
      const escalates = fileName === GET_BOT_PATTERNS;
      expect(statuses).toEqual([
        ['escalation-failure-caught', escalates ? 'fail' : 'pass'],
        ['integration-exists', 'pass'],
        ['custom-field-exists', 'pass'],
        ['env-variable-exists', 'pass'],
      ]);
      if (escalates) expect(checks[0]).toMatchObject({ interactionId: AGENT_TRANSFER_27 });
    });

    it('get-bot-patterns: jService is invoked by api_integration_8, whose post-process reads api_jService', async () => {
      const { botId, byName } = await importBot(server, GET_BOT_PATTERNS);
      const usages = await server.request('GET', `/api/bots/${botId}/integrations/${byName('jService').id}/usages`);
      expect(
        usages.body.items.map((usage: any) => [usage.dialogName, usage.interactionName, usage.kind, usage.where, usage.excerpt]),
      ).toEqual([
        ['Quiz me', 'api_integration_8', 'invokes', 'interaction', 'Invokes jService'],
        ['Quiz me', 'api_integration_8', 'reads-variable', 'postProcess', 'var getResponse = botContext.getBotVariable("api_jService");'],
        ['Quiz me', 'api_integration_8', 'reads-variable', 'postProcess', 'var cleanJson = responseJson.api_jService;'],
      ]);
    });

    it.each(REAL_EXPORT_FILES)('%s: rename rewrites every reference, the dry run said so, and the old names are gone', async (fileName) => {
      const { botId } = await importBot(server, fileName);
      const integrations = (await server.request('GET', `/api/bots/${botId}/integrations`)).body.items;
      for (const integration of integrations) {
        const url = `/api/bots/${botId}/integrations/${integration.id}/rename`;
        const body = { name: `${integration.name}Renamed`, responseDataVariable: `${integration.responseDataVariable}Renamed` };
        const usagesBefore = (await server.request('GET', `/api/bots/${botId}/integrations/${integration.id}/usages`)).body.items;
        const dry = await server.request('POST', `${url}?dryRun=true`, { body });
        expect(dry.status).toBe(200);
        const done = await server.request('POST', url, { body, headers: { 'if-match': `"${integration.version}"` } });
        expect(done.status, JSON.stringify(done.body)).toBe(200);
        expect(done.body.changes).toEqual(dry.body.changes);
        expect(done.body.changes.length).toBeGreaterThan(0);
        const usagesAfter = (await server.request('GET', `/api/bots/${botId}/integrations/${integration.id}/usages`)).body.items;
        expect(usagesAfter.map((usage: any) => [usage.interactionId, usage.kind, usage.where])).toEqual(
          usagesBefore.map((usage: any) => [usage.interactionId, usage.kind, usage.where]),
        );
        const { text } = await exportCb(server, botId);
        expect(text).not.toMatch(new RegExp(`api_${integration.responseDataVariable}(?![A-Za-z0-9_])`));
        expect(text).not.toMatch(new RegExp(`\\{${integration.name}\\.`));
        expect(text).not.toContain(`"responderName": "${integration.name}"`);
      }
      const checks = (await server.request('GET', `/api/bots/${botId}/checks`)).body.items;
      expect(checks.filter((check: any) => check.id !== 'escalation-failure-caught').every((check: any) => check.status === 'pass')).toBe(
        true,
      );
    });

    it.each(REAL_EXPORT_FILES)(
      '%s: the failure dialog is added, passes the check and survives export → import → export',
      async (fileName) => {
        const { botId } = await importBot(server, fileName);
        const added = await server.request('POST', `/api/bots/${botId}/dialogs/escalation-failure`, {
          body: { message: 'The transfer failed, sorry.' },
        });
        expect(added.status).toBe(201);
        const check = (await server.request('GET', `/api/bots/${botId}/checks`)).body.items[0];
        if (fileName === GET_BOT_PATTERNS) expect(check).toMatchObject({ status: 'pass', dialogId: added.body.id });
        const first = await exportCb(server, botId);
        const source = JSON.parse(readSampleExport(fileName));
        expect(first.file.groups).toHaveLength(source.groups.length + 1);
        expect(first.file.conversationMessage.slice(0, -2)).toEqual(source.conversationMessage);
        // The keys every dialog of the file has, in CB's order (some add domainId, description, dialogTemplateIds).
        const common = Object.keys(source.groups[0]).filter((key) => source.groups.every((group: any) => Object.hasOwn(group, key)));
        expect(Object.keys(first.file.groups.at(-1))).toEqual(common);
        const again = await server.request('POST', '/api/bots/import', {
          raw: first.text,
          headers: { 'content-type': 'application/json' },
        });
        expect(again.status).toBe(201);
        expect((await exportCb(server, again.body.bot.id)).text).toBe(first.text);
      },
    );
  });
});
