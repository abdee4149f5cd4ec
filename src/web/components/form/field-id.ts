/** A field's element id within its form's scope; apart from field.tsx so that markup drawn before react-hook-form loads can use it. */
export function fieldId(name: string, scope = ''): string {
  return `field-${scope ? `${scope}-` : ''}${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
