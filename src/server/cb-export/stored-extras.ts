import type { z } from 'zod';
import { botExtrasSchema, responderExtrasSchema, type BotExtras, type ResponderExtras } from '../../domain/cb-export';

/**
 * The `extras` columns are jsonb, and jsonb reorders object keys (shorter keys
 * first). The kept parts of a CB file (dialogs, interactions, `results`, ...) must
 * come back in their own key order, or every exported file would differ from the
 * imported one in source control. So the extras are stored as JSON text inside
 * the jsonb value, which keeps the order byte for byte.
 */
export function encodeExtras(extras: BotExtras | ResponderExtras | null): Record<string, unknown> {
  return extras ? { cbExtrasJson: JSON.stringify(extras) } : {};
}

/** Whatever the column holds (jsonb admits any JSON, and rows outlive the code that wrote them). */
function decode<T>(stored: unknown, schema: z.ZodType<T>): T | null {
  const text = stored && typeof stored === 'object' ? (stored as Record<string, unknown>).cbExtrasJson : undefined;
  if (typeof text !== 'string') return null;
  // A row whose extras no longer parse is exported like one made in the panel rather than failing the export.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function decodeBotExtras(stored: Record<string, unknown>): BotExtras | null {
  return decode(stored, botExtrasSchema);
}

export function decodeResponderExtras(stored: Record<string, unknown>): ResponderExtras | null {
  return decode(stored, responderExtrasSchema);
}
