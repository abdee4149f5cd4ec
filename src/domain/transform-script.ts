import { parse } from 'acorn';
import { z } from 'zod';

const MAX_TRANSFORM_SCRIPT_BYTES = 64 * 1024;

interface ScriptSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

interface AcornSyntaxError extends SyntaxError {
  loc?: { line: number; column: number };
}

// The same script is checked again and again: each read of an integration validates the stored
// script, each keystroke in another form field re-runs the form's schema. Parsing is the costly
// part of validating an integration, so recent answers are kept (least recently used goes first).
const RECENT_CHECKS = 64;
const recentChecks = new Map<string, ScriptSyntaxError | null>();

/** Parses the script as the platform runs it: a classic script, not a module. */
export function findScriptSyntaxError(source: string): ScriptSyntaxError | null {
  const known = recentChecks.get(source);
  if (known !== undefined) {
    recentChecks.delete(source);
    recentChecks.set(source, known);
    return known;
  }
  const found = parseScript(source);
  recentChecks.set(source, found);
  if (recentChecks.size > RECENT_CHECKS) recentChecks.delete(recentChecks.keys().next().value as string);
  return found;
}

function parseScript(source: string): ScriptSyntaxError | null {
  try {
    parse(source, { ecmaVersion: 'latest', sourceType: 'script' });
    return null;
  } catch (error) {
    const { loc, message } = error as AcornSyntaxError;
    // acorn appends " (line:column)" to its message; we report them separately.
    const text = message.replace(/\s*\(\d+:\d+\)$/, '');
    // acorn columns are 0-based; editors and people count from 1.
    // Frozen: the same answer is handed to every caller that checks this script.
    return Object.freeze({ message: text, line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 });
  }
}

function describeScriptSyntaxError(error: ScriptSyntaxError): string {
  return `Transform Result Script has a syntax error at line ${error.line}, column ${error.column}: ${error.message}.`;
}

const utf8 = new TextEncoder();

export const transformScriptSchema = z
  .string()
  .default('')
  .superRefine((source, ctx) => {
    if (utf8.encode(source).length > MAX_TRANSFORM_SCRIPT_BYTES) {
      ctx.addIssue({ code: 'custom', message: 'Transform Result Script must be at most 64 KB.' });
      return;
    }
    const error = findScriptSyntaxError(source);
    if (error) ctx.addIssue({ code: 'custom', message: describeScriptSyntaxError(error), params: { ...error } });
  });
