import type { IntegrationType } from '../../../../domain/integration-types';

export const integrationKeys = {
  all: (botId: string) => ['integrations', botId] as const,
  lists: (botId: string) => [...integrationKeys.all(botId), 'list'] as const,
  /** A type filter adds its own key part: the unfiltered lists keep theirs, which other code reads. */
  list: (botId: string, q: string, type: IntegrationType | '' = '') =>
    type ? ([...integrationKeys.lists(botId), q, type] as const) : ([...integrationKeys.lists(botId), q] as const),
  detail: (botId: string, id: string) => [...integrationKeys.all(botId), 'detail', id] as const,
  deleted: (botId: string) => [...integrationKeys.all(botId), 'deleted'] as const,
};
