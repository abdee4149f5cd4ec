/**
 * What a custom data value probably gets wrong, said as a warning, never a refusal (the platform
 * stores it as typed): a `$.api_…` path that reads another integration's result, or a path left
 * outside braces, which is sent as the text it is.
 *
 * Reading a value (`customDataValueReads`) is apart from judging it against the integration's own
 * variable (`customDataWarningsOf`): the form reads a value once per change of that value, and judges
 * every row again when the variable changes, which is a comparison per row.
 */
interface CustomDataValueReads {
  /** The variables of `{$.api_<variable>…}` paths, in braces, in order. */
  variables: readonly string[];
  /** `$.api_…` paths outside braces, sent as written. */
  outside: readonly string[];
}

type CustomDataWarning = { kind: 'another-integration'; read: string; ownVariable: string } | { kind: 'outside-braces'; path: string };

export function customDataValueReads(value: string): CustomDataValueReads {
  const variables: string[] = [];
  const outside: string[] = [];
  const inBraces = new Set<number>();
  for (const match of value.matchAll(/\{\$\.api_([A-Za-z0-9_]+)[^}]*\}/g)) {
    for (let index = match.index; index < match.index + match[0].length; index++) inBraces.add(index);
    variables.push(match[1]!);
  }
  for (const match of value.matchAll(/\$\.api_[A-Za-z0-9_]+[^\s{}]*/g)) {
    if (!inBraces.has(match.index)) outside.push(match[0]);
  }
  return { variables, outside };
}

/** The warnings of a value's reads, each once. */
export function customDataWarningsOf(reads: CustomDataValueReads, ownVariable: string): CustomDataWarning[] {
  const others = ownVariable ? [...new Set(reads.variables.filter((read) => read !== ownVariable))] : [];
  return [
    ...others.map((read) => ({ kind: 'another-integration' as const, read, ownVariable })),
    ...[...new Set(reads.outside)].map((path) => ({ kind: 'outside-braces' as const, path })),
  ];
}

/** The warning in words, cut where the integration's own variable goes (a screen shows it as it changes). */
export function customDataWarningParts(warning: CustomDataWarning): { before: string; ownVariable?: string; after: string } {
  return warning.kind === 'another-integration'
    ? {
        before: `{$.api_${warning.read}…} reads another integration's result: this integration's fields see api_`,
        ownVariable: warning.ownVariable,
        after: `. To show another integration's field, use {${warning.read}.key} in the dialog instead.`,
      }
    : {
        before: `${warning.path} is outside braces, so it is sent as written: wrap it as {${warning.path}} to read the result.`,
        after: '',
      };
}

export function customDataValueWarnings(value: string, ownVariable: string): string[] {
  return customDataWarningsOf(customDataValueReads(value), ownVariable).map((warning) => {
    const { before, ownVariable: own = '', after } = customDataWarningParts(warning);
    return `${before}${own}${after}`;
  });
}
