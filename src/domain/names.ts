import { z } from 'zod';

/**
 * Names and keys people read and compare. Two rules, in one place for every schema that takes one:
 * - stored in Unicode NFC, so `Café` typed as é or as e + combining accent is one name (and the
 *   database's unique indexes see one name);
 * - no zero-width or text-direction (bidi) control characters: invisible, they make `Esc` and
 *   `Esc\u200b` different names that look the same, or show a name reordered on screen.
 */

/** Code points refused in names and keys, with the name the error message gives them. */
const INVISIBLE_CHARACTERS: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space',
};

const INVISIBLE_PATTERN = new RegExp(
  `[${Object.keys(INVISIBLE_CHARACTERS)
    .map((code) => `\\u${Number(code).toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'u',
);

interface InvisibleCharacter {
  codePoint: number;
  /** 1-based, in characters as people count them (code points). */
  position: number;
}

/** The first zero-width or bidi control character in `text`, or null. */
function findInvisibleCharacter(text: string): InvisibleCharacter | null {
  const match = INVISIBLE_PATTERN.exec(text);
  if (!match) return null;
  return { codePoint: match[0].codePointAt(0)!, position: [...text.slice(0, match.index)].length + 1 };
}

function invisibleCharacterMessage(label: string, found: InvisibleCharacter): string {
  const code = found.codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `${label} holds an invisible character (U+${code} ${INVISIBLE_CHARACTERS[found.codePoint]}) at position ${found.position}: remove it. Zero-width and text-direction characters are not allowed in names and keys, because they make different names look the same.`;
}

/** The form a name is stored and compared in. */
const normalizeName = (text: string) => text.normalize('NFC');

/**
 * A string schema for a name or key: NFC-normalised first, then refused with a clear message when it
 * holds an invisible character, before any other check of the caller's reports a less helpful one.
 */
export function nameString(label: string, required = `${label} is required.`) {
  return z
    .string({ error: required })
    .overwrite(normalizeName)
    .check((ctx) => {
      const found = findInvisibleCharacter(ctx.value);
      if (found) ctx.issues.push({ code: 'custom', message: invisibleCharacterMessage(label, found), input: ctx.value, continue: false });
    });
}
