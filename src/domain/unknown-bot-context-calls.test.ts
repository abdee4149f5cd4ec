import { describe, expect, it } from 'vitest';
import { closestBotContextFunction, describeUnknownBotContextCall, findUnknownBotContextCalls } from './unknown-bot-context-calls';

describe('unknown botContext calls', () => {
  it('finds a call of a function botContext does not have, with its position', () => {
    const script = "var a = botContext.getBotVariable('x');\n  botContext.getBotVar('x');";
    expect(findUnknownBotContextCalls(script)).toEqual([
      { name: 'getBotVar', suggestion: 'getBotVariable', line: 2, column: 14, endLine: 2, endColumn: 23 },
    ]);
  });

  it('accepts every real function, including bracket access and optional calls', () => {
    const script = `botContext.printDebugMessage('a');
botContext['setBotVariable']('k', 'v', true, false);
botContext.getEnvVariable?.('env');
botContext.setBotTransferIntentbyDomain('billing', 'banking');`;
    expect(findUnknownBotContextCalls(script)).toEqual([]);
  });

  it('finds calls nested in functions, conditions and arguments, in source order', () => {
    const script = `function run() {
  if (botContext.isApiOk()) {
    botContext.printDebugMessage(botContext['getStatus']());
  }
}
botContext.printDebugMesage?.('typo');`;
    expect(findUnknownBotContextCalls(script).map(({ name, line, suggestion }) => ({ name, line, suggestion }))).toEqual([
      { name: 'isApiOk', line: 2, suggestion: null },
      { name: 'getStatus', line: 3, suggestion: null },
      { name: 'printDebugMesage', line: 6, suggestion: 'printDebugMessage' },
    ]);
  });

  it('ignores other objects, reads that are not calls, computed names and scripts that do not parse', () => {
    expect(findUnknownBotContextCalls('other.getBotVar(); var f = botContext.nothing; botContext[name]();')).toEqual([]);
    expect(findUnknownBotContextCalls('botContext.getBotVar(')).toEqual([]);
    expect(findUnknownBotContextCalls('')).toEqual([]);
  });

  it('suggests a real function only for names that are close to one', () => {
    expect(closestBotContextFunction('setbotvariable')).toBe('setBotVariable');
    expect(closestBotContextFunction('getEnvVar')).toBe('getEnvVariable');
    expect(closestBotContextFunction('fetch')).toBeNull();
  });

  it('says what would happen and what was probably meant', () => {
    const [call] = findUnknownBotContextCalls("botContext.getBotVar('x');");
    expect(call && describeUnknownBotContextCall(call)).toBe(
      'botContext has no function getBotVar: the bot would stop with a TypeError here. Did you mean getBotVariable?',
    );
  });
});
