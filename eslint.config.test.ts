import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The README promises one-way imports in the web app; this plants each forbidden import in a file ESLint
// lints as if it were in the tree, so a rule that stops holding (a zone left out, a feature missing from
// the list) fails here, not in review.
const root = fileURLToPath(new URL('.', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Any source file of a folder, so the test follows the files as they move. */
function aModuleOf(folder: string): string {
  const entries = readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' });
  const file = entries.find((entry) => /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry));
  if (!file) throw new Error(`no module in ${folder}`);
  return join(root, folder, file).replace(/\.tsx?$/, '');
}

async function problemsOf(plantedAt: string, importedModule: string): Promise<string[]> {
  const filePath = join(root, plantedAt);
  let specifier = relative(join(filePath, '..'), importedModule);
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  const [result] = await eslint.lintText(`import * as planted from '${specifier}';\nexport { planted };\n`, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'import-x/no-restricted-paths').map((message) => message.message);
}

describe('import boundaries of the web app', () => {
  it.each([
    ['a feature into another feature', 'src/web/features/integrations/planted.ts', 'src/web/features/directories'],
    ['a feature into another feature (the other way)', 'src/web/features/directories/planted.ts', 'src/web/features/integrations'],
    ['lib/ into a feature', 'src/web/lib/planted.ts', 'src/web/features/bots'],
    ['components/ into a feature', 'src/web/components/planted.ts', 'src/web/features/bots'],
    ['lib/ into app/', 'src/web/lib/planted.ts', 'src/web/app'],
    ['a feature into app/', 'src/web/features/bots/planted.ts', 'src/web/app'],
  ])('refuses %s', async (_what, plantedAt, importedFolder) => {
    expect(await problemsOf(plantedAt, aModuleOf(importedFolder))).not.toEqual([]);
  });

  it.each([
    ['app/ composing a feature', 'src/web/app/routes/planted.ts', 'src/web/features/integrations'],
    ['a feature using lib/', 'src/web/features/bots/planted.ts', 'src/web/lib'],
    ['a feature using components/', 'src/web/features/integrations/planted.ts', 'src/web/components'],
  ])('allows %s', async (_what, plantedAt, importedFolder) => {
    expect(await problemsOf(plantedAt, aModuleOf(importedFolder))).toEqual([]);
  });
});
