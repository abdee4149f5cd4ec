import type { Resolver, ResolverResult } from 'react-hook-form';
import { whenIdle } from '../../../../lib/when-idle';
import type { IntegrationValues } from '../../../../../domain/integration';
import type { FormValues } from './form-values';

let loading: Promise<typeof import('./integration-resolver')> | null = null;

function loadIntegrationResolver() {
  // A failed load is tried again next time (the network may be back), not remembered.
  loading ??= import('./integration-resolver').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * The values that last passed the checks, and what they gave. A click on Save leaves the field that
 * had the focus, and the form checks the same values twice in a row (on leaving, then on submit):
 * the second check, the one the PUT waits for, is this one.
 */
let lastPassed: { key: string; result: ResolverResult<FormValues, IntegrationValues> } | null = null;

/**
 * The form's resolver, loaded when it is first needed (a field left, or Save) or once the screen
 * has settled: every field takes input before zod and the script parser have arrived. A load that
 * fails rejects, and the form's submit reports it as a save that could not reach the server.
 */
export const lazyIntegrationResolver: Resolver<FormValues, unknown, IntegrationValues> = async (values, context, options) => {
  const { integrationResolver } = await loadIntegrationResolver();
  const key = JSON.stringify(values);
  if (lastPassed?.key === key) return lastPassed.result;
  const result = await integrationResolver(values, context, options);
  // Only a pass is kept: errors are nested by the fields the check was asked for, a pass has none.
  lastPassed = Object.keys(result.errors).length === 0 ? { key, result } : null;
  return result;
};

export function prefetchIntegrationResolver(): void {
  // A failure here is met again, and shown, when the form validates.
  loadIntegrationResolver().catch(() => undefined);
}

/**
 * Loads the checks and runs them once on the form's values while the browser is idle, the result
 * unused: the first real check (the first field left, the first Save) then finds zod's and the script
 * parser's code compiled, not a few milliseconds to compile in the way of the user's click.
 */
export function warmIntegrationResolver(values: FormValues): () => void {
  let cancel: () => void = () => undefined;
  let cancelled = false;
  loadIntegrationResolver().then(
    ({ integrationResolver }) => {
      if (cancelled) return;
      cancel = whenIdle(() => void integrationResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false }));
    },
    // Met again, and shown, when the form validates.
    () => undefined,
  );
  return () => {
    cancelled = true;
    cancel();
  };
}
