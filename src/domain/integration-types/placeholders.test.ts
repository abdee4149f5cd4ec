import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { INTEGRATION_TYPE_DESCRIPTORS } from '.';
import { fieldDescriptorOf } from './fields-of-type';
import { schemaKit } from './schema-kit';

interface JsonSchemaPart {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchemaPart[];
  items?: { properties?: Record<string, unknown> };
}

/**
 * What the form types into, read from the schema a client sends: free text is a string that is not a
 * choice (an enum is a select); key/value rows are a list of {key, value}. Booleans and numbers are neither.
 */
function inputKind(schema: z.ZodType): 'text' | 'rows' | 'other' {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaPart;
  const variants = json.anyOf ?? [json];
  if (variants.every((part) => part.type === 'string' && part.enum === undefined) && variants.some((part) => part.const === undefined)) {
    return 'text';
  }
  const row = json.type === 'array' ? Object.keys(json.items?.properties ?? {}).sort() : [];
  return row.join() === 'key,value' ? 'rows' : 'other';
}

const typeFields = INTEGRATION_TYPE_DESCRIPTORS.flatMap((descriptor) =>
  Object.entries(descriptor.fields).map(([name, field]) => ({
    type: descriptor.type,
    name,
    field,
    kind: inputKind(field.schema(schemaKit)),
  })),
);

describe('placeholders of the integration types', () => {
  it('finds text fields and key/value lists to check, so the checks below cannot pass on nothing', () => {
    expect(typeFields.filter((entry) => entry.kind === 'text').length).toBeGreaterThanOrEqual(15);
    expect(typeFields.filter((entry) => entry.kind === 'rows').length).toBeGreaterThanOrEqual(5);
    expect(inputKind(z.enum(['GET', 'POST']))).toBe('other');
  });

  it.each(typeFields.filter((entry) => entry.kind === 'text').map((entry) => [`${entry.type}.${entry.name}`, entry.field] as const))(
    'text field %s has an example as its placeholder',
    (_, field) => {
      expect(field.placeholder?.trim(), field.label).toBeTruthy();
      // A placeholder that only repeats the label helps nobody.
      expect(field.placeholder?.toLowerCase()).not.toBe(field.label.toLowerCase());
    },
  );

  it.each(typeFields.filter((entry) => entry.kind === 'rows').map((entry) => [`${entry.type}.${entry.name}`, entry.field] as const))(
    'key/value list %s has an example key and value for its rows',
    (_, field) => {
      expect(field.rowPlaceholder?.key.trim(), field.label).toBeTruthy();
      expect(field.rowPlaceholder?.value.trim(), field.label).toBeTruthy();
    },
  );

  it('suggests a name of the type’s kind in Integration Name and Response Data Variable Name, not the name its demo has', () => {
    const names = INTEGRATION_TYPE_DESCRIPTORS.map((descriptor) => {
      const name = fieldDescriptorOf(descriptor.type, 'name')?.placeholder;
      expect(fieldDescriptorOf(descriptor.type, 'responseDataVariable')?.placeholder).toBe(name);
      expect(name).toMatch(/^[A-Za-z]\w*$/);
      expect(name).not.toBe(descriptor.demo.name);
      return name;
    });
    expect(new Set(names).size).toBe(INTEGRATION_TYPE_DESCRIPTORS.length);
  });

  it('gives API and File integrations each their own URL example', () => {
    const urlOf = (type: string) => typeFields.find((entry) => entry.type === type && entry.name === 'url')?.field.placeholder;
    expect(urlOf('API')).toBe('https://api.example.com/orders/{$botContext.orderId}');
    expect(urlOf('FILE')).not.toBe(urlOf('API'));
  });
});
