/**
 * What a custom data value probably gets wrong, said as a warning, never a refusal (the platform
 * stores it as typed): a `$.api_…` path that reads another integration's result, or a path left
 * outside braces, which is sent as the text it is.
 */
export function customDataValueWarnings(value: string, ownVariable: string): string[] {
  const warnings: string[] = [];
  const inBraces = new Set<number>();
  for (const match of value.matchAll(/\{\$\.api_([A-Za-z0-9_]+)[^}]*\}/g)) {
    for (let index = match.index; index < match.index + match[0].length; index++) inBraces.add(index);
    const read = match[1]!;
    if (ownVariable && read !== ownVariable) {
      warnings.push(
        `{$.api_${read}…} reads another integration's result: this integration's fields see api_${ownVariable}. To show another integration's field, use {${read}.key} in the dialog instead.`,
      );
    }
  }
  for (const match of value.matchAll(/\$\.api_[A-Za-z0-9_]+[^\s{}]*/g)) {
    if (!inBraces.has(match.index)) {
      warnings.push(`${match[0]} is outside braces, so it is sent as written: wrap it as {${match[0]}} to read the result.`);
    }
  }
  return [...new Set(warnings)];
}
