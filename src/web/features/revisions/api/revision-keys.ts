export const revisionKeys = {
  all: (botId: string, id: string) => ['revisions', botId, id] as const,
  list: (botId: string, id: string) => [...revisionKeys.all(botId, id), 'list'] as const,
  detail: (botId: string, id: string, version: number) => [...revisionKeys.all(botId, id), 'detail', version] as const,
};

export const revisionsPath = (botId: string, id: string) =>
  `/api/bots/${encodeURIComponent(botId)}/integrations/${encodeURIComponent(id)}/revisions`;
