import { parse } from 'acorn';
import { z } from 'zod';

export const MAX_TRANSFORM_SCRIPT_BYTES = 64 * 1024;

export interface ScriptSyntaxError {
  message: string;
  line: number;
  column: number;
}

interface AcornSyntaxError extends SyntaxError {
  loc?: { line: number; column: number };
}

/** Parses the script as the platform runs it: a classic script, not a module. */
export function findScriptSyntaxError(source: string): ScriptSyntaxError | null {
  try {
    parse(source, { ecmaVersion: 'latest', sourceType: 'script' });
    return null;
  } catch (error) {
    const { loc, message } = error as AcornSyntaxError;
    // acorn appends " (line:column)" to its message; we report them separately.
    const text = message.replace(/\s*\(\d+:\d+\)$/, '');
    // acorn columns are 0-based; editors and people count from 1.
    return { message: text, line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 };
  }
}

export function describeScriptSyntaxError(error: ScriptSyntaxError): string {
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
