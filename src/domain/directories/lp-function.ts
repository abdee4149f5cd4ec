import { z } from 'zod';
import { nameString } from '../names';
import { directoryIdSchema, directorySourceSchema, directoryUsageSchema } from './directory-usage';

/** LivePerson Functions' lifecycle states: only Productive is deployed (Modified runs the previous deployment). */
export const FUNCTION_STATES = ['Productive', 'Draft', 'Modified'] as const;
export type FunctionState = (typeof FUNCTION_STATES)[number];

const functionName = nameString('Function name')
  .trim()
  .min(1, 'Function name is required.')
  .max(255, 'Function name must be at most 255 characters.');
const description = z.string({ error: 'Description must be text.' }).max(2000, 'Description must be at most 2,000 characters.');
const state = z.enum(FUNCTION_STATES, { error: 'State must be Productive, Draft or Modified.' });

export const lpFunctionSchema = z.object({ id: z.string(), name: z.string(), description: z.string(), state: z.enum(FUNCTION_STATES) });
export type LpFunction = z.infer<typeof lpFunctionSchema>;

export const lpFunctionEntrySchema = lpFunctionSchema.extend({ usedBy: z.array(directoryUsageSchema) });
export type LpFunctionEntry = z.infer<typeof lpFunctionEntrySchema>;

export const lpFunctionListSchema = z.object({ items: z.array(lpFunctionEntrySchema), source: directorySourceSchema });

export const lpFunctionInputSchema = z.strictObject({
  // Optional: a local entry gets a new UUID, like a lambda's; give the id to mirror an existing lambda.
  id: directoryIdSchema('Function').optional(),
  name: functionName,
  description: description.default(''),
  state: state.default('Draft'),
});
export type LpFunctionInput = z.output<typeof lpFunctionInputSchema>;

export const lpFunctionPatchSchema = z
  .strictObject({ name: functionName.optional(), description: description.optional(), state: state.optional() })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one of name, description or state.');
export type LpFunctionPatch = z.output<typeof lpFunctionPatchSchema>;

/** A function a bot can call only once deployed; the form warns otherwise. */
export const isDeployed = (fn: Pick<LpFunction, 'state'>) => fn.state !== 'Draft';
