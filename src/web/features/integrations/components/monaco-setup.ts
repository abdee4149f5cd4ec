// Side-effect module: Monaco from the npm package and our own bundled workers, never a CDN.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

// Syntax is checked by the same parser the API uses (acorn, see script-editor); the TypeScript
// worker would report its own, differently worded errors next to ours.
monaco.typescript.javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true });
monaco.typescript.javascriptDefaults.setCompilerOptions({ target: monaco.typescript.ScriptTarget.ES2020, allowNonTsExtensions: true, noLib: true });
monaco.typescript.javascriptDefaults.addExtraLib(
  `/** The bot runtime (Conversation Builder scripting functions). */
declare const botContext: {
  getBotVariable(name: string): any;
  setBotVariable(name: string, value: unknown, persistForSession: boolean, persistForever: boolean): void;
  printDebugMessage(message: string): void;
  logCustomEvent(userMessage: string, eventName: string, eventDetail: string): void;
  isApiExecutionSuccessful(): boolean;
  getApiStatusCode(): string;
  getEnvVariable(name: string): string;
  getConversationId(): string;
  getLPAccountId(): string;
};
declare const JSON: { parse(text: string): any; stringify(value: unknown): string };
declare function String(value: unknown): string;`,
  'ts:filename/bot-context.d.ts',
);

loader.config({ monaco });

export { monaco };
