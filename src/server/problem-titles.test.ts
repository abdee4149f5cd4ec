import { STATUS_CODES } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Where a problem's title is written, by call: the argument that holds it. A title is either the status's
 * reason phrase as HTTP spells it ("Not Found", RFC 9110) or the app's own, in sentence case ("Validation failed").
 */
const TITLE_ARGUMENT: Record<string, number> = { HttpProblem: 1, DomainError: 1, badRequest: 2, limitReached: 0 };
const REASON_PHRASES = new Set(Object.values(STATUS_CODES));

interface Title {
  where: string;
  title: string;
}

function titlesIn(path: string): Title[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const titles: Title[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const index = TITLE_ARGUMENT[node.expression.getText(source)];
      const argument = index === undefined ? undefined : node.arguments?.[index];
      if (argument && ts.isStringLiteralLike(argument)) {
        const line = source.getLineAndCharacterOfPosition(argument.getStart(source)).line + 1;
        titles.push({ where: `${relative(process.cwd(), path)}:${line}`, title: argument.text });
      }
    }
    // `title = 'Bad Request'`: a default title.
    if (ts.isParameter(node) && node.name.getText(source) === 'title' && node.initializer && ts.isStringLiteralLike(node.initializer)) {
      titles.push({ where: relative(process.cwd(), path), title: node.initializer.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return titles;
}

const SERVER = join(process.cwd(), 'src/server');
const files = readdirSync(SERVER, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => join(SERVER, file));

describe('problem titles', () => {
  it('are HTTP’s reason phrases or the app’s own words in sentence case', () => {
    const titles = files.flatMap(titlesIn);
    // The scan finds the titles at all: the reason phrases and the app's own.
    expect(titles.map((found) => found.title)).toEqual(expect.arrayContaining(['Not Found', 'Validation failed', 'Not a bot export']));
    const titleCase = titles.filter(
      ({ title }) => !REASON_PHRASES.has(title) && title.split(' ').some((word, index) => index > 0 && /^[A-Z][a-z]/.test(word)),
    );
    expect(titleCase.map((found) => `${found.where}: ${found.title}`)).toEqual([]);
  });
});
