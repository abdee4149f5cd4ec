import { z } from 'zod';
import { customDataFieldsSchema } from '../custom-data-fields';
import { identifierSchema, optionalIdentifierSchema } from '../identifier';
import { keyValueListSchema } from '../key-value';
import { addressListSchema, idOrVariableSchema, optionalText, requiredText, urlSchema } from '../request-fields';
import { transformScriptSchema } from '../transform-script';

/**
 * What a field descriptor builds its schema from. The descriptors receive it instead of importing
 * zod, so that the form can read labels, help and defaults without loading zod and the script
 * parser: the web app loads them with the form's resolver, once the form is usable.
 */
export const schemaKit = {
  z,
  optionalText,
  requiredText,
  urlSchema,
  addressListSchema,
  keyValueListSchema,
  idOrVariableSchema,
  identifierSchema,
  optionalIdentifierSchema,
  transformScriptSchema,
  customDataFieldsSchema,
};

export type SchemaKit = typeof schemaKit;
