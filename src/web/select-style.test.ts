import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

/*
 * One select style: every native <select> of the app wears the `select` class (its chevron, its padding),
 * never the text input's. Read from the source, so a select no test renders is checked too.
 */
const WEB = join(import.meta.dirname);

function* sources(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.tsx') && !entry.name.includes('.test.')) yield path;
  }
}

function selectClasses(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText() === 'select') {
      const className = node.attributes.properties.find(
        (attribute): attribute is ts.JsxAttribute => ts.isJsxAttribute(attribute) && attribute.name.getText() === 'className',
      );
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${relative(WEB, path)}:${line} ${className?.initializer?.getText() ?? '(no class)'}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

it('gives every native select the select class', () => {
  const selects = [...sources(WEB)].flatMap(selectClasses);
  expect(selects.length).toBeGreaterThan(5);
  expect(selects.filter((select) => !/ "(?:[\w-]+ )*select(?: [\w-]+)*"$/.test(select))).toEqual([]);
});
