import { describe, expect, it } from 'vitest';
import { downloadFileName, fileStem } from './file-names';

describe('downloadFileName', () => {
  it('joins a name ending in a dot to its extension with one dot', () => {
    expect(downloadFileName('B.I.G.', 'json')).toBe('B.I.G.json');
    expect(downloadFileName('B.I.G.', 'integrations-panel.json')).toBe('B.I.G.integrations-panel.json');
  });

  it('never starts a file name with a dot, a hyphen or an underscore', () => {
    expect(downloadFileName('.hidden bot', 'json')).toBe('hidden-bot.json');
    expect(downloadFileName('  -_Bot', 'json')).toBe('Bot.json');
  });

  it('turns each run of unsafe characters into one hyphen, and a run of dots into one', () => {
    expect(downloadFileName('Customer Care Bot', 'json')).toBe('Customer-Care-Bot.json');
    expect(downloadFileName('a/b\\c:d*e?f"g<h>i|j', 'json')).toBe('a-b-c-d-e-f-g-h-i-j.json');
    expect(downloadFileName('v1...2', 'json')).toBe('v1.2.json');
    expect(downloadFileName('Sales — "EU" bot!', 'json')).toBe('Sales-EU-bot.json');
  });

  it('keeps the letter of an accented character', () => {
    expect(downloadFileName('Café Ünïcode', 'json')).toBe('Cafe-Unicode.json');
  });

  it('falls back when nothing of the name is left, and steers clear of device names', () => {
    expect(downloadFileName('...', 'json')).toBe('bot.json');
    expect(downloadFileName('日本語', 'json')).toBe('bot.json');
    expect(downloadFileName('CON', 'json')).toBe('CON-bot.json');
    expect(fileStem('nul.txt', 'file')).toBe('nul.txt-file');
  });

  it('stays short without ending on a cut-off separator', () => {
    const stem = fileStem(`${'a'.repeat(119)}.b`, 'bot');
    expect(stem).toBe('a'.repeat(119));
  });
});
