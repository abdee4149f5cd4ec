type ReadResult = { ok: true; json: unknown } | { ok: false; message: string };

/** Exports are a few MB at most; a huge file is a mistake, not a bot. Matches the server's import limit. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Reads a picked or dropped file as JSON, so a wrong file is explained without asking the server. */
export async function readImportFile(file: File): Promise<ReadResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; an export file can be at most 10 MB.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: `${file.name} could not be read. Choose it again.` };
  }
  if (text.trim() === '') return { ok: false, message: `${file.name} is empty: choose a Conversation Builder export (.json).` };
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    const why = error instanceof SyntaxError ? ` (${error.message})` : '';
    return {
      ok: false,
      message: `${file.name} is not JSON${why}. Choose the .json file that Conversation Builder or this panel exported.`,
    };
  }
}
