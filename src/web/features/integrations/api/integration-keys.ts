export const integrationKeys = {
  all: (botId: string) => ['integrations', botId] as const,
  lists: (botId: string) => [...integrationKeys.all(botId), 'list'] as const,
  list: (botId: string, q: string) => [...integrationKeys.lists(botId), q] as const,
  detail: (botId: string, id: string) => [...integrationKeys.all(botId), 'detail', id] as const,
  deleted: (botId: string) => [...integrationKeys.all(botId), 'deleted'] as const,
};
