import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BOT_CONTEXT_DECLARATION, BOT_CONTEXT_FUNCTIONS, exampleTransformScript } from './bot-context-api';

const REQUIRED = [
  'getBotVariable',
  'setBotVariable',
  'printDebugMessage',
  'logCustomEvent',
  'isApiExecutionSuccessful',
  'getApiStatusCode',
  'getEnvVariable',
  'getConversationId',
  'getLPAccountId',
  'getLPEngagementAttribute',
  'setBotTransferUserMessage',
  'setBotTransferIntentId',
  'setBotTransferIntentbyDomain',
  'sendMessage',
  'getCurrentUserMessage',
  'setTriggerNextMessage',
  'getFileCaption',
  'getFileType',
  'getContextDataForConversation',
  'setContextDataForConversation',
];

/** Type-checks a script as Monaco's JavaScript worker does with checkJs and the declaration as an extra lib. */
function diagnosticsOf(script: string): string[] {
  const files: Record<string, string> = { '/botContext.d.ts': BOT_CONTEXT_DECLARATION, '/script.js': script };
  const options: ts.CompilerOptions = {
    allowJs: true,
    checkJs: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2020,
    lib: ['lib.es2020.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) =>
    name in files ? ts.createSourceFile(name, files[name] ?? '', version) : getSourceFile.call(host, name, version, ...rest);
  host.fileExists = (name) => name in files || fileExists.call(host, name);
  host.readFile = (name) => files[name] ?? readFile.call(host, name);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('the botContext API for Monaco', () => {
  it('lists every function of reference §2.3 and issue 4, once', () => {
    const names = BOT_CONTEXT_FUNCTIONS.map((fn) => fn.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...REQUIRED].sort());
    for (const fn of BOT_CONTEXT_FUNCTIONS) expect(fn.doc.length, fn.name).toBeGreaterThan(10);
  });

  it('declares each function with its JSDoc, parameters and simulator notes', () => {
    expect(BOT_CONTEXT_DECLARATION).toContain('declare const botContext: {');
    expect(BOT_CONTEXT_DECLARATION).toContain(
      'setBotVariable(name: string, value: any, persistForSession: boolean, persistForever: boolean): void;',
    );
    expect(BOT_CONTEXT_DECLARATION).toContain('@param eventDetail Details; at most 32 KB.');
    expect(BOT_CONTEXT_DECLARATION).toContain('Simulator: returns "simulated-conversation".');
    for (const name of REQUIRED) expect(BOT_CONTEXT_DECLARATION).toMatch(new RegExp(`\\n  ${name}\\(`));
  });

  it("type-checks the real exports' script pattern, and flags a function that does not exist", () => {
    const good = `var response = botContext.getBotVariable('api_Locations');
var jsonData = JSON.parse(response.jsonData);
botContext.setBotVariable('api_Locations', response, true, false);
botContext.printDebugMessage(botContext.getApiStatusCode() + botContext.isApiExecutionSuccessful());
botContext.setBotTransferIntentbyDomain('billing', 'banking');`;
    expect(diagnosticsOf(good)).toEqual([]);
    expect(diagnosticsOf("botContext.printDebugMesage('typo');")).toEqual([
      expect.stringContaining("Property 'printDebugMesage' does not exist"),
    ]);
    expect(diagnosticsOf('botContext.setBotTransferIntentbyDomain(1);').join('\n')).toMatch(/Expected 2 arguments|not assignable/);
  });

  it("gives an example script for the integration's own variable that type-checks", () => {
    const script = exampleTransformScript('Orders');
    expect(script).toContain("botContext.getBotVariable('api_Orders')");
    expect(script).toContain("botContext.getBotVariable('api_OrdersStatus')");
    expect(script).toContain('{$.api_Orders.items[i].name}');
    expect(script.split('\n').filter((line) => line.startsWith('//')).length).toBeGreaterThan(3);
    expect(diagnosticsOf(script)).toEqual([]);
  });
});
