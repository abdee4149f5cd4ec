import type { z } from 'zod';
import type { CustomDataField } from '../custom-data-fields';
import type { SchemaKit } from './schema-kit';

/**
 * One field of an integration type: what it accepts and every name it goes by.
 * Kept beside the schema rather than in zod's `.meta()`, because the OpenAPI
 * document is generated from the schemas and would then publish the help texts.
 */
export interface FieldDescriptor<S extends z.ZodType = z.ZodType> {
  /**
   * Builds what the field accepts from the kit it is given: a descriptor never imports zod, so the
   * form reads labels, help and defaults without loading it (integration.ts calls this once).
   */
  readonly schema: (kit: SchemaKit) => S;
  /**
   * A person must fill it in: the form's asterisk. Kept beside the schema because reading it from
   * the schema would load zod; integration-types.test.ts checks that the two agree.
   */
  readonly required?: boolean;
  /** The form's label, also used by the import plan and the revision diff. */
  readonly label: string;
  /** Help under the field, from Conversation Builder's documentation. */
  readonly help: string;
  /** What a new form starts with, so every input is controlled from the start. */
  readonly initial: z.input<S>;
  /** The key of a Conversation Builder `responder` entry that holds the field. */
  readonly cbKey: string;
  /** What an empty text input shows: an example in the platform's format (every text field has one). */
  readonly placeholder?: string;
  /** What the inputs of an empty key/value row show (every key/value list has one). */
  readonly rowPlaceholder?: RowPlaceholder;
}

export interface RowPlaceholder {
  readonly key: string;
  readonly value: string;
}

export type FieldDescriptors = Readonly<Record<string, FieldDescriptor>>;

/** Checks `initial` against the schema's input type. */
export function field<S extends z.ZodType>(descriptor: FieldDescriptor<S>): FieldDescriptor<S> {
  return descriptor;
}

type InputOfField<D> = D extends FieldDescriptor<infer S> ? z.input<S> : never;

/** The body fields of a type as a client sends them: fields with a default may be left out. */
type TypeFieldInputs<F extends FieldDescriptors> = {
  [K in keyof F as undefined extends InputOfField<F[K]> ? never : K]: InputOfField<F[K]>;
} & {
  [K in keyof F as undefined extends InputOfField<F[K]> ? K : never]?: InputOfField<F[K]>;
};

/** A complete example of the type, with the fields every type shares: the demo data seeds it. */
type DemoIntegration<F extends FieldDescriptors> = {
  name: string;
  responseDataVariable: string;
  transformScript?: string;
  customDataFields?: CustomDataField[];
} & TypeFieldInputs<F>;

export interface SummaryItem {
  label: string;
  value: string;
}

interface IntegrationTypeDescriptor<T extends string = string, F extends FieldDescriptors = FieldDescriptors> {
  readonly type: T;
  /** The name Conversation Builder shows in its Integration Type select. */
  readonly displayName: string;
  /** The short name on the list's badge (styled by `.badge--<type in lower case>`). */
  readonly badge: string;
  /** The type's fields, in the order of the form and of the API schema. */
  readonly fields: F;
  /** The few values that tell integrations of the type apart, in the form's words (import plan). */
  readonly summarize: (values: Readonly<Record<string, unknown>>) => SummaryItem[];
  readonly demo: NoInfer<DemoIntegration<F>>;
  /** A raw result the demo's script and fields read, so the demo's Test panel runs without typing (JSON text). */
  readonly demoSample: string;
}

export function defineIntegrationType<const T extends string, const F extends FieldDescriptors>(
  descriptor: IntegrationTypeDescriptor<T, F>,
): IntegrationTypeDescriptor<T, F> {
  return descriptor;
}

/** A value of a possibly invalid plan entry as text, for summaries. */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
