import { expect, it } from 'vitest';
import { DIRECTORIES } from './directories';
import { INTEGRATION_TYPE_DESCRIPTORS } from './integration-types';
import { fieldDescriptorOf } from './integration-types/fields-of-type';

/*
 * A placeholder shows what a value looks like. One that names an entry or integration the demo data has
 * reads as a value already filled in (and as a name already taken on a form that must not reuse it).
 */
const demoTerms = [
  ...DIRECTORIES.flatMap((directory) => directory.demo.flatMap((entry) => [String(entry.id), String(entry.name)])),
  ...INTEGRATION_TYPE_DESCRIPTORS.map((descriptor) => descriptor.demo.name),
];

const placeholders = [
  ...DIRECTORIES.flatMap((directory) => [
    [`${directory.kind} id`, 'placeholder' in directory.id ? directory.id.placeholder : undefined],
    ...Object.entries(directory.fields).map(([name, field]) => [`${directory.kind} ${name}`, field.placeholder]),
  ]),
  ...INTEGRATION_TYPE_DESCRIPTORS.flatMap((descriptor) =>
    ['name', 'responseDataVariable', ...Object.keys(descriptor.fields)].map((name) => [
      `${descriptor.type} ${name}`,
      fieldDescriptorOf(descriptor.type, name)?.placeholder,
    ]),
  ),
].filter((entry): entry is [string, string] => typeof entry[1] === 'string');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

it('reads placeholders of every directory and integration type', () => {
  expect(placeholders.length).toBeGreaterThan(20);
  expect(demoTerms).toContain('Billing');
});

it('never names a demo entry or integration in a placeholder', () => {
  const hits = placeholders.flatMap(([where, placeholder]) =>
    demoTerms
      .filter((term) => new RegExp(`(^|[^\\w-])${escape(term)}($|[^\\w-])`, 'i').test(placeholder))
      .map((term) => `${where}: "${placeholder}" names ${term}`),
  );
  expect(hits).toEqual([]);
});
