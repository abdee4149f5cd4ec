import type { Usage } from '../../../../../domain/dialogs';
import { paths } from '../../../../../domain/screen-routes';
import { FIELD_OPENERS_IN_CODE, fieldReads } from '../../../../../domain/reference-scan';

const PLACE_WORDS: Record<Usage['where'], string> = {
  interaction: 'integration interaction',
  preProcess: 'pre-process code',
  postProcess: 'post-process code',
  text: 'text',
  transformScript: 'transform script',
  customDataFields: 'custom data fields',
  testCase: 'test case',
};

const KIND_WORDS: Record<Usage['kind'], string> = {
  invokes: 'invokes it',
  'reads-variable': 'reads its variable',
  'reads-field': 'shows a custom data field',
};

type Holder = Pick<Usage, 'dialogName' | 'interactionName' | 'integrationName' | 'where'>;

/** "Order status › api_integration_orders, post-process code" or "integration StoreLocator, transform script". */
export function placeOf(holder: Holder): string {
  const who = holder.interactionName
    ? `${holder.dialogName ?? 'Unknown dialog'} › ${holder.interactionName}`
    : `integration ${holder.integrationName ?? '(unknown)'}`;
  return `${who}, ${PLACE_WORDS[holder.where]}`;
}

export const usageKindWords = (usage: Usage) => KIND_WORDS[usage.kind];

/** Where a usage is shown: its node on the Dialogs screen, or the other integration's form. */
export function usageLink(botId: string, usage: Pick<Usage, 'interactionId' | 'dialogId' | 'integrationId'>): string | null {
  if (usage.interactionId) return paths.dialogs(botId, usage.interactionId);
  if (usage.dialogId) return paths.dialogs(botId, usage.dialogId);
  if (usage.integrationId) return paths.integration(botId, usage.integrationId);
  return null;
}

/** The custom data field keys a `reads-field` usage's line shows of the integration named `name`. */
export function fieldKeysIn(usage: Usage, name: string): string[] {
  if (usage.kind !== 'reads-field') return [];
  return fieldReads(usage.excerpt, name, FIELD_OPENERS_IN_CODE).map((read) => read.key);
}
