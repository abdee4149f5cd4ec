/** Where sample JSON text fails to parse, in the terms an editor uses (1-based line and column). */
interface JsonTextError {
  message: string;
  line: number;
  column: number;
}

function positionToLineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Checks the sample raw result before it is sent. Engines word JSON.parse errors differently but
 * V8 gives the offset ("at position 12"); an unexpected end has none, so it points past the last character.
 */
export function findJsonTextError(text: string): JsonTextError | null {
  if (text.trim() === '') return { message: 'The sample is empty: paste the raw result as JSON, e.g. {"items": []}', line: 1, column: 1 };
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const raw = (error as Error).message;
    const lineColumn = /line (\d+) column (\d+)/.exec(raw);
    const position = /position (\d+)/.exec(raw);
    const where = lineColumn
      ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : positionToLineColumn(text, position ? Number(position[1]) : text.length);
    const message = raw
      .replace(/^JSON\.parse: /, '')
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/,? at line \d+ column \d+ of the JSON data/, '')
      .replace(/\s*at position \d+/, '')
      .replace(/ in JSON$/, '')
      .replace(/\s*of JSON input$/, ' of the text');
    return { message, ...where };
  }
}

export function describeJsonTextError(error: JsonTextError): string {
  return `Not valid JSON at line ${error.line}, column ${error.column}: ${error.message}.`;
}
