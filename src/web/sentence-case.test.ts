import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FIELD_LABELS, CREDENTIAL_TYPE_LABELS } from '../domain/directories/credential-types';
import { COMMON_FIELD_DESCRIPTORS, TYPE_FIELD } from '../domain/integration-types/common-fields';
import { INTEGRATION_TYPE_DESCRIPTORS } from '../domain/integration-types';

/*
 * The app writes its own words in sentence case ("Run test", "Restore unsaved changes"). What keeps its
 * capitals is a name: Conversation Builder's own words, so the form reads like the platform's (field labels,
 * type names, its Add Integration and Delete Integration commands, its option and interaction names), the
 * products, and the app's button names where a sentence tells the user to press one. Read from the source,
 * so that a string no test renders is checked too.
 */
const FIELD_LABELS = [
  ...Object.values(COMMON_FIELD_DESCRIPTORS).map((field) => field.label),
  TYPE_FIELD.label,
  ...INTEGRATION_TYPE_DESCRIPTORS.flatMap((descriptor) => Object.values(descriptor.fields).map((field) => field.label)),
];
const TYPE_NAMES = INTEGRATION_TYPE_DESCRIPTORS.flatMap((descriptor) => [descriptor.displayName, descriptor.badge]);
const CONVERSATION_BUILDER_WORDS = [
  'Add Integration',
  'Delete Integration',
  'Agent Transfer',
  // The interaction setting's name in Conversation Builder (Settings > Advanced).
  'Interaction Delay',
  'Phrase Search',
  'Intents Only',
  'Very Good',
  'Fair Plus',
];
const PRODUCTS = ['Conversation Builder', 'Conversational Cloud', 'LivePerson Functions', 'LivePerson', 'Integrations Panel'];
/** Conversation Builder's one-word names a sentence may hold: its Fallback dialog. */
const PLATFORM_NAMES = ['Fallback'];
/** Buttons and keys a sentence names ("After restoring, Save asks…", "press Escape, then Tab"). */
const NAMED_CONTROLS = ['Save', 'Run test', 'Retry', 'Ctrl', 'Esc', 'Escape', 'Tab', 'Enter', 'Shift'];

const NAMES = [
  // A one-word label ("To", "Body") is a whole text where it is a label, so it needs no pass; as one it would let "Add To List" through.
  ...FIELD_LABELS.filter((label) => label.includes(' ')),
  ...TYPE_NAMES,
  ...CONVERSATION_BUILDER_WORDS,
  ...PRODUCTS,
  ...PLATFORM_NAMES,
  ...NAMED_CONTROLS,
].sort((a, b) => b.length - a.length);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAME_PATTERN = new RegExp(`(?<![A-Za-z])(?:${NAMES.map(escape).join('|')})(?![a-z])`, 'g');

/** Words of a text that are capitalised as in a title: not first in a sentence, not a name, not an acronym. */
function titleCaseWords(text: string): string[] {
  const words = text.replace(NAME_PATTERN, 'name').split(/\s+/).filter(Boolean);
  return words.filter((word, index) => {
    const previous = words[index - 1];
    const startsSentence = previous === undefined || /[.!?…][”"’')]*$/.test(previous) || /^[-–—·•|/]$/.test(previous);
    // "Text", not "API", "KnowledgeAI" or "IndexedDB": a capital followed by lower case only.
    const capitalised = /^[“"‘'(]?[A-Z][a-z]+(?:[’'][a-z]+)?[.,:;!?…”"’')]*$/.test(word);
    return capitalised && !startsSentence;
  });
}

/** Attributes and properties whose strings the user reads (or hears, for aria-label). */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'ariaLabel',
  'title',
  'label',
  'help',
  'legend',
  'description',
  'submitLabel',
  'confirmLabel',
  'cancelLabel',
  'originalLabel',
  'modifiedLabel',
  'remoteNote',
  'emptyHint',
  'empty',
  'text',
]);
const TEXT_PROPERTIES = new Set(['title', 'label', 'header', 'message', 'detail', 'description']);
/** Code, keys and examples are not sentences. */
const NOT_PROSE_ELEMENTS = new Set(['code', 'kbd', 'pre', 'samp']);

interface Found {
  where: string;
  text: string;
}

function stringsOf(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  // An interpolation reads as a lower-case word, so it neither starts nor breaks a sentence.
  if (ts.isTemplateExpression(node)) return [node.head.text + node.templateSpans.map((span) => `value${span.literal.text}`).join('')];
  if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return [];
  const found: string[] = [];
  ts.forEachChild(node, (child) => void found.push(...stringsOf(child)));
  return found;
}

function tagName(node: ts.Node): string | undefined {
  const element = ts.isJsxElement(node) ? node.openingElement : undefined;
  return element?.tagName.getText();
}

function userTextsOf(path: string): Found[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Found[] = [];
  const add = (node: ts.Node, text: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ where: `${path}:${line}`, text: text.replace(/\s+/g, ' ').trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node) && NOT_PROSE_ELEMENTS.has(tagName(node) ?? '')) return;
    if (ts.isJsxText(node) && node.text.trim()) add(node, node.text);
    if (ts.isJsxAttribute(node) && node.initializer && TEXT_ATTRIBUTES.has(node.name.getText(source))) {
      for (const text of stringsOf(node.initializer)) add(node, text);
    }
    if (ts.isPropertyAssignment(node) && TEXT_PROPERTIES.has(node.name.getText(source))) {
      for (const text of stringsOf(node.initializer)) add(node, text);
    }
    // notify('error', 'Could not …'): the toast's text.
    if (ts.isCallExpression(node) && node.expression.getText(source) === 'notify' && node.arguments[1]) {
      for (const text of stringsOf(node.arguments[1])) add(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith('testing'))
    .map((file) => join(directory, file));
}

// Vitest runs from the repository's root (happy-dom's URL cannot read import.meta.url as a file).
const WEB = join(process.cwd(), 'src/web');

describe('sentence case', () => {
  it('tells Title Case from sentence case, and keeps names', () => {
    expect(titleCaseWords('Add Custom Data Field')).toEqual(['Custom', 'Data', 'Field']);
    expect(titleCaseWords('Restore Unsaved Changes')).toEqual(['Unsaved', 'Changes']);
    expect(titleCaseWords('Restore unsaved changes from 10:42')).toEqual([]);
    expect(titleCaseWords('Enter the Integration Name first. Then save.')).toEqual([]);
    expect(titleCaseWords('Use Add Integration to create the first one.')).toEqual([]);
    expect(titleCaseWords('The KnowledgeAI API answered 503: check LP_ACCOUNT_ID.')).toEqual([]);
    expect(titleCaseWords('Message to User, resolved')).toEqual([]);
    expect(titleCaseWords('Message To User')).toEqual(['To', 'User']);
    expect(titleCaseWords('Add To List')).toEqual(['To', 'List']);
  });

  it('is what the app’s own words are written in', () => {
    const texts = sourceFiles(WEB).flatMap(userTextsOf);
    // The scan reads the screens' words at all: headings, buttons, labels, toasts.
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.map((found) => found.text)).toEqual(expect.arrayContaining(['Add custom data field', 'Knowledge bases']));
    const offending = texts
      .filter((found) => titleCaseWords(found.text).length > 0)
      .map((found) => `${relative(process.cwd(), found.where)}: ${found.text} [${titleCaseWords(found.text).join(', ')}]`);
    expect(offending).toEqual([]);
  });

  it('is what the credential forms and their type names are written in', () => {
    const labels = [...Object.values(CREDENTIAL_FIELD_LABELS), ...Object.values(CREDENTIAL_TYPE_LABELS)];
    expect(labels.filter((label) => titleCaseWords(label).length > 0)).toEqual([]);
  });
});
