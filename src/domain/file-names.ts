/**
 * File names for downloads, made from names people typed ("B.I.G.", "Café bot: test"). Every character a
 * file system or a Content-Disposition header may refuse becomes one hyphen; diacritics are dropped rather
 * than the letter; a name never starts with a dot (hidden on Unix) nor ends with one or a hyphen, so the
 * extension follows a clean stem ("B.I.G.json", not "B.I.G..json").
 */

const MAX_STEM = 120;
/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A safe, readable stem for `name`, or `fallback` when nothing of it is left. */
export function fileStem(name: string, fallback: string): string {
  const clean = (text: string) =>
    text
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/\.{2,}/g, '.')
      .replace(/-{2,}/g, '-')
      .replace(/^[-._]+|[-._]+$/g, '');
  const stem = clean(clean(name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).slice(0, MAX_STEM));
  if (!stem) return fallback;
  return RESERVED.test(stem.split('.')[0]!) ? `${stem}-${fallback}` : stem;
}

/** `stem.extension` for a download of `name` (extension without its leading dot, e.g. `json` or `integrations-panel.json`). */
export const downloadFileName = (name: string, extension: string, fallback = 'bot'): string => `${fileStem(name, fallback)}.${extension}`;
